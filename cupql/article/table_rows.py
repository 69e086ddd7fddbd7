"""The club a group table's row names, as a copied page gives the row: its cells spaced
(`3 Sports School №7 2 0 0 2 3 6 -3 0`, the minus perhaps U+2212) or glued into one string
(`2Zhas Kyran320175+26`), where only the figures' own consistency tells where the name ends and each figure does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cupql.article.names import without_tiers

_SPACED = re.compile(r"^\d{1,2}\s+(?P<club>\D.*?)\s+(?P<figures>(?:\d+\s+){6})[+\u2212-]?\d+\s+\d+\b")
_GLUED = re.compile(r"^(?P<position>\d{1,2})\s*(?P<rest>\D.*)$")
_FIGURES = re.compile(r"[\d+\u2212-]+")
_NUMBER = re.compile(r"0|[1-9]\d?")
_SIGNED = re.compile(r"[+\u2212-]?(?:0|[1-9]\d?)")


Figures = tuple[int, int, int, int, int, int]


def standing_club(line: str) -> str | None:
    """The club of a table row, or None when the line is no row or its glued figures split more than one way."""
    read = _read_row(line)
    return read[0] if read else None


def standing_row(line: str) -> tuple[str, Figures] | None:
    """The club of a table row and its played, won, drawn, lost, goals for and against, where the row states
    them one way only; None for no row, or glued figures that split more than one way."""
    read = _read_row(line)
    return (read[0], read[1].pop()) if read and len(read[1]) == 1 else None


def _read_row(line: str) -> tuple[str, set[Figures]] | None:
    text = " ".join(line.split())
    spaced = _SPACED.match(text)
    if spaced:
        cells = [int(cell) for cell in spaced["figures"].split()]
        return without_tiers(spaced["club"]), {(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5])}
    glued = _GLUED.match(text)
    if glued is None:
        return None
    rest = glued["rest"]
    clubs: dict[str, set[Figures]] = {}
    for start, char in enumerate(rest):
        figures = _FIGURES.match(rest, start)
        if char.isdigit() and figures and rest[:start].strip():
            splits = {split[:6] for split in _consistent_splits(figures[0])}
            if splits:
                clubs.setdefault(without_tiers(rest[:start]), set()).update(splits)
    if len(clubs) != 1 or not all(clubs):
        return None
    club, splits = clubs.popitem()
    return club, splits


def _consistent_splits(figures: str) -> Iterator[tuple[int, int, int, int, int, int, int, int]]:
    """Each way to read `figures` as Pld W D L GF GA GD Pts with W+D+L = Pld, GD = GF-GA (its sign perhaps
    dropped by the copy) and 3 points a win and 1 a draw."""
    for parts in _split(figures, [_NUMBER] * 6 + [_SIGNED, _NUMBER]):
        played, won, drawn, lost, scored, conceded = (int(p) for p in parts[:6])
        difference, points = parts[6], int(parts[7])
        signed = int(difference.replace("\u2212", "-")) if difference[0] in "+-\u2212" else None
        if won + drawn + lost != played or points != 3 * won + drawn:
            continue
        if abs(scored - conceded) != abs(int(difference.lstrip("+-\u2212"))):
            continue
        if signed is not None and signed != scored - conceded:
            continue
        yield played, won, drawn, lost, scored, conceded, scored - conceded, points


def _split(text: str, patterns: list[re.Pattern[str]]) -> Iterator[list[str]]:
    """Every way to cut all of `text` into one match of each pattern in turn (each one or two digits long)."""
    if not patterns:
        if not text:
            yield []
        return
    for length in (1, 2, 3):
        found = patterns[0].fullmatch(text[:length])
        if found and length <= len(text):
            for rest in _split(text[length:], patterns[1:]):
                yield [found[0], *rest]
