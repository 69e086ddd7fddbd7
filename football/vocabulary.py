"""The words every layer shares: round kinds, leagues, card kinds, how a fact is known, and name folding.

This module is the bottom layer: the article reader, the database and the API all import it, and it imports
none of them, so data can flow one way (article -> season -> database -> API) without any layer reaching up.
"""

from __future__ import annotations

import enum
import re
import unicodedata


class RoundKind(enum.Enum):
    """The stages a cup season is played in, in playing order."""

    GROUP_STAGE = "Group stage"
    PRELIMINARY_ROUND = "Preliminary round"
    FIRST_ROUND = "First round"
    SECOND_ROUND = "Second round"
    THIRD_ROUND = "Third round"
    PLAY_OFF = "Play-off round"
    ROUND_OF_64 = "Round of 64"
    ROUND_OF_32 = "Round of 32"
    ROUND_OF_16 = "Round of 16"
    QUARTER_FINALS = "Quarter-finals"
    SEMI_FINALS = "Semi-finals"
    FINAL = "Final"

    @property
    def order(self) -> int:
        return _ROUND_ORDER[self]


_ROUND_ORDER = {kind: index for index, kind in enumerate(RoundKind)}


class League(enum.Enum):
    """A national league tier, as the article names it."""

    PREMIER_LEAGUE = "Premier League"
    FIRST_LEAGUE = "First League"
    SECOND_LEAGUE = "Second League"


class Attribution(enum.Enum):
    """How a fact was established: read in the text, deduced from it, or not known."""

    STATED = "STATED"
    INFERRED = "INFERRED"
    UNKNOWN = "UNKNOWN"


class CardKind(enum.Enum):
    """A booking's colour; UNKNOWN where the article lost its marker."""

    YELLOW = "YELLOW"
    SECOND_YELLOW = "SECOND_YELLOW"
    RED = "RED"
    UNKNOWN = "UNKNOWN"


class TieDecision(enum.Enum):
    """What settled a knockout tie."""

    SCORE = "SCORE"
    AGGREGATE = "AGGREGATE"
    AWAY_GOALS = "AWAY_GOALS"
    PENALTIES = "PENALTIES"
    REPLAY = "REPLAY"
    AWARDED = "AWARDED"
    ADVANCED = "ADVANCED"


# Letters that Unicode does not decompose into a base letter and a mark, spelled as their plain Latin base.
_PLAIN_LETTERS = str.maketrans(
    {"\u0131": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d"}
    | {"þ": "th", "æ": "ae", "œ": "oe"}
)


def fold(text: str) -> str:
    """A name as compared: Latin accents removed (`é`, `ş`, `ğ`), case folded, dotless i, `ł`, `ø` as `i`, `l`, `o`;
    letters of other scripts kept whole (`й` stays `й`); spaces collapsed."""
    plain = []
    for char in unicodedata.normalize("NFC", text.translate(_PLAIN_LETTERS)):
        decomposed = unicodedata.normalize("NFKD", char)
        latin = decomposed[:1].isascii()
        plain.append("".join(c for c in decomposed if not unicodedata.combining(c)) if latin else char)
    return " ".join("".join(plain).casefold().translate(_PLAIN_LETTERS).split())


def slug(name: str) -> str:
    """`Élder Santana` -> `elder-santana`: folded words of any script joined by hyphens; empty only for no letters."""
    return re.sub(r"[\W_]+", "-", fold(name)).strip("-")
