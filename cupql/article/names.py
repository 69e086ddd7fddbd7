"""A club's name as articles write it, in every format: the tier marker after it is no part of it."""

from __future__ import annotations

import re

# A tier marker after a club's name: `Khimik Grodno (A)`, `Vedrich-97 Rechitsa (II)`, also glued to what follows
# on a copied page (`Polotsk (II)Gantsevichi`).
TIER = re.compile(r"\s*\((?:[IVX]+|[A-Z]{1,2}|\d)\)(?=\s|$|[^\W\d_])")


def without_tiers(text: str) -> str:
    """`Khimik Grodno (A)` -> `Khimik Grodno`; `Polotsk (II)Gantsevichi` -> `Polotsk Gantsevichi`."""
    return " ".join(TIER.sub(" ", text.replace("\u00a0", " ")).split())
