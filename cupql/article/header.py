"""Split a footballbox header that a browser copy glued into one line, and the cells glued after it.

`21 September 2017 1st legArtsakh1–3 Alashkert Yerevan`: after the date come a round or leg marker, the home
club glued to the score, the away club and the venue's city. The score is the anchor: what precedes it is the
home club, what follows (after its notes) the away club and perhaps a city. Which words are the club is told by
the clubs the article names elsewhere, or by the match's stadium line naming the city; otherwise it is open.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from cupql.article.names import TIER
from cupql.article.parser import parse_entries, round_from_name
from football.vocabulary import RoundKind

# Case is spelt out, not ignored: a small letter after `leg` is a word going on, a capital a glued club.
_LEG = re.compile(r"^(?:(?P<ordinal>1st|2nd|[Ff]irst|[Ss]econd)\s*[Ll]eg|[Rr]eplay|[Mm]atch\s*\d+)(?![a-z])\s*")
_SCORE = re.compile(r"(?<!\d)\d+\s*[-\u2013\u2014]\s*\d+")
_TIME = re.compile(
    r"^\d{1,2}[:.]\d{2}(?:\s*(?:\([^()]*\)|UTC[+\u2212-]?\d*(?::\d{2})?|[A-Z]{2,4}T\b|MSK\b|local time\b))*"
)
# `Report` (or `Summary`) between the clubs' events; a match detail glued after a minute (`61'Stadium: ...`) or
# after another detail (`Stadium: Mika Stadium Attendance: 200`).
_REPORT = re.compile(r"(?:^|(?<=[\s'\u2032\u2019)\]]))(Report|Summary)(?=$|\s|[A-Z(])")
_DETAIL = re.compile(r"(?<=[\w'\u2032\u2019)])\s*(?=(?:Stadium|Venue|Attendance|Referee):)")
# Where one event ends and a named one starts on the same line: `Savonyako 65' (pen.) Krawchanka 4'`.
_EVENT_END = re.compile(r"\d['\u2032\u2019](?:\s*\((?:pen|p|o\.\s?g|og)\.?\))?\s+(?=[^\W\d_])", re.IGNORECASE)
_AFTER_TIER = re.compile(rf"{TIER.pattern}\s*(?P<venue>[^()\d]+?)\s*$")


@dataclass(frozen=True)
class Markers:
    """What precedes the home club on a glued header: a round, a leg, and the text left after them."""

    round: RoundKind | None
    leg: int | None
    rest: str


@dataclass(frozen=True)
class AwaySplit:
    """The away part of a glued header read as the club and, where one follows it, the venue's city."""

    club: str
    venue: str | None


def word_starts(text: str) -> list[int]:
    """Where a word may start inside `text`: after a space, or a capital glued to a small letter (`ArtsakhYerevan`)."""
    return [
        i
        for i in range(1, len(text))
        if (text[i - 1].isspace() and not text[i].isspace()) or (text[i - 1].islower() and text[i].isupper())
    ]


def strip_markers(text: str) -> Markers:
    """`1st legArtsakh1–3 ...` -> leg 1 and `Artsakh1–3 ...`; `Quarter-finals Tobol ...` -> the round and the rest."""
    kind: RoundKind | None = None
    leg: int | None = None
    text = text.strip()
    while text:
        found = _LEG.match(text)
        if found:
            ordinal = (found["ordinal"] or "").casefold()
            leg = 1 if ordinal in ("1st", "first") else 2 if ordinal in ("2nd", "second") else leg
            text = text[found.end() :]
            continue
        prefix = next((i for i in reversed(word_starts(text)) if round_from_name(text[:i])), None)
        if prefix is None or kind is not None:
            break
        kind, text = round_from_name(text[:prefix]), text[prefix:].lstrip()
    return Markers(kind, leg, text)


def space_score(text: str, *, dashless: bool = False) -> str:
    """Put spaces around the first score outside parentheses: `Shirak0–1 Noravank` -> `Shirak 0–1 Noravank`.

    With `dashless` (a glued header, where some mirrors drop the dash: `Akzhayik 5 0 AKAS`), two numbers standing
    alone, the only numbers of the line, are the score."""
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        found = _SCORE.match(text, index) if depth == 0 and char.isdigit() else None
        if found and (index == 0 or not text[index - 1].isdigit()):
            return f"{text[:index].rstrip()} {found[0]} {text[found.end() :].lstrip()}".strip()
    words = text.split()
    numbers = [i for i, word in enumerate(words) if word.isdigit()]
    if dashless and len(numbers) == 2 and numbers[1] == numbers[0] + 1 and 0 < numbers[0] < len(words) - 2:
        first = numbers[0]
        return " ".join([*words[:first], f"{words[first]}\u2013{words[first + 1]}", *words[first + 2 :]])
    return text


def glued_cells(text: str) -> list[str]:
    """A line of a match box whose cells the copy glued: `16:00 (UTC+4)G. Aghekyan 9'ReportM. Manasyan 27'` ->
    the time, the home event, `Report` and the away event."""
    time = _TIME.match(text)
    head = [time[0].strip()] if time else []
    rest = text[time.end() :] if time else text
    pieces = [piece for part in _REPORT.split(rest) if part for piece in _DETAIL.split(part)]
    return head + [piece.strip() for piece in pieces if piece.strip()]


def venue_after_tier(header: str, away: str) -> AwaySplit | None:
    """`... Lida (III) Kozenki`: a tier marker closes the away club's name, so what follows it is the city."""
    found = _AFTER_TIER.search(header)
    venue = found["venue"].strip() if found else ""
    away = " ".join(away.split())
    if not venue or not away.endswith(venue) or away == venue:
        return None
    return AwaySplit(away[: -len(venue)].strip(), venue)


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def split_away(text: str, known: Collection[str], stadium: str | None) -> AwaySplit | None:
    """Read `Alashkert Yerevan` as club and city: a club the article names elsewhere, else a city the stadium line
    names; a single word is the club alone. None when the text leaves it open (more than one reading fits)."""
    text = " ".join(text.split())
    candidates = [AwaySplit(text, None)] + [AwaySplit(text[:i].strip(), text[i:].strip()) for i in word_starts(text)]
    folded = {_fold(name) for name in known}
    named = [candidate for candidate in candidates if _fold(candidate.club) in folded]
    pool = named or candidates
    if len(pool) == 1:
        return pool[0]
    placed = [
        candidate
        for candidate in pool
        if candidate.venue and stadium and re.search(rf"(?<!\w){re.escape(candidate.venue)}(?!\w)", stadium, re.I)
    ]
    return placed[0] if len(placed) == 1 else None


def two_cells(text: str) -> tuple[str, str] | None:
    """`Buyak 30' Kazak 10'`: where a copy with no `Report` cell glued the home cell's last event to the away
    cell's first, the two events, each a named player with a minute or a card; else None."""
    for found in _EVENT_END.finditer(text):
        home, away = text[: found.end()].strip(), text[found.end() :].strip()
        if all(_one_named_event(part) for part in (home, away)):
            return home, away
    return None


def _one_named_event(text: str) -> bool:
    entries = parse_entries(text)
    return len(entries) == 1 and entries[0].name is not None and bool(entries[0].minutes or entries[0].cards)
