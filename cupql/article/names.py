"""How names are compared and turned into keys, so that `Élder Santana` and `elder santana` agree."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """A name as compared: accents removed, case folded, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def slug(name: str) -> str:
    """`Élder Santana` -> `elder-santana`: lower case ASCII words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
