"""Read a season article into raw, line-numbered pieces, without interpreting them.

The parser knows the article's layout (infobox, format table, group draw, match blocks, scorer table) and
nothing about any particular season: clubs, dates and counts all come from the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from cupql.vocabulary import RoundKind


class ArticleError(ValueError):
    """The article cannot be read; the message names the file and line."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line


@dataclass(frozen=True)
class Minute:
    minute: int
    stoppage: int | None
    penalty: bool
    own_goal: bool


@dataclass(frozen=True)
class Entry:
    """One `name minute, minute (pen.)` item of a team's event line; the name may have been stripped."""

    name: str | None
    minutes: tuple[Minute, ...]


@dataclass
class TeamLine:
    club: str
    entries: list[Entry]
    line: int


@dataclass
class RawMatch:
    line: int
    date: dt.date
    round: RoundKind
    group: str | None
    home: str
    away: str
    home_score: int
    away_score: int
    teams: dict[str, TeamLine] = field(default_factory=dict)


@dataclass(frozen=True)
class FormatRow:
    round: RoundKind
    clubs_remaining: int | None
    clubs_involved: int | None
    first_match_date: dt.date | None
    line: int


@dataclass(frozen=True)
class LeagueCell:
    """A cell of the participants table: a league and how many of its clubs entered."""

    name: str
    clubs: int | None
    line: int


@dataclass(frozen=True)
class ScorerLine:
    nationality: str | None
    name: str
    club: str
    goals: int
    own_goal: bool
    line: int


@dataclass(frozen=True)
class Prose:
    """A paragraph of running text, kept with the round it introduces (if any)."""

    round: RoundKind | None
    text: str
    line: int


@dataclass
class Article:
    source: str
    title: str
    title_line: int
    infobox: dict[str, tuple[str, int]]
    prose: list[Prose]
    leagues: list[LeagueCell]
    format_rows: list[FormatRow]
    draw: dict[str, tuple[str, int]]
    matches: list[RawMatch]
    scorers: list[ScorerLine]

    def info(self, key: str) -> str | None:
        value = self.infobox.get(key)
        return value[0] if value else None

    def info_line(self, key: str) -> int:
        value = self.infobox.get(key)
        return value[1] if value else self.title_line


_TITLE = re.compile(r"^=\s*(?P<title>.+?)\s*=$")
_HEADING = re.compile(r"^(?P<level>={2,})\s*(?P<name>[^=]+?)\s*(?P=level)$")
_INFOBOX_ITEM = re.compile(r"^-\s*(?P<key>[^:]+):\s*(?P<value>.*)$")
_DATE = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")
_SCORE = re.compile(r"^(?P<home>\S.*?)\s+(?P<hs>\d+)\s*-\s*(?P<as>\d+)\s+(?P<away>\S.*)$")
_TEAM_LINE = re.compile(r"^\s+(?P<club>[^:]+):(?P<entries>.*)$")
_MINUTE = re.compile(
    r"(?P<minute>\d+)(?:\+(?P<stoppage>\d+))?'\s*(?:\((?P<note>pen\.|o\.g\.)\))?",
)
_MINUTE_LIST = re.compile(
    r"\d+(?:\+\d+)?'\s*(?:\((?:pen|o\.g)\.\))?(?:\s*,\s*\d+(?:\+\d+)?'\s*(?:\((?:pen|o\.g)\.\))?)*"
)
_GOALS_HEADING = re.compile(r"^(?P<goals>\d+) goals?:$")
_SCORER = re.compile(r"^-\s*(?:(?P<nat>[A-Z]{3})\s+)?(?P<name>.+?)\s+-\s+(?P<club>.+)$")
_LEAGUE_CELL = re.compile(r"^(?P<league>.+? League)\b(?:.*?\b(?P<clubs>\d+) clubs\b)?")
_GROUP = re.compile(r"^Group (?P<name>\S+)$")
_ROUND_NAMES = {kind.value.casefold(): kind for kind in RoundKind}


def parse_date(text: str) -> dt.date:
    """Parse the article's `11 March 2024` dates."""
    return dt.datetime.strptime(text.strip(), "%d %B %Y").date()


def round_from_name(name: str) -> RoundKind | None:
    """The round a heading or table cell names, or None when it names no round."""
    return _ROUND_NAMES.get(name.strip().casefold())


def parse_entries(text: str) -> list[Entry]:
    """Split a team's event text into entries.

    Entries are separated by a comma with a space before it (` , `) or at the very start; a comma written
    straight after a minute (`2', 21', 46'`) joins the minutes of one player's entry.
    """
    pieces = re.split(r"(?:(?<=\s)|^),", text.strip()) if text.strip() else []
    return [_parse_entry(piece.strip()) for piece in pieces]


def _parse_entry(text: str) -> Entry:
    first = _MINUTE.search(text)
    if first is None or not _is_minute_list(text[first.start() :]):
        return Entry(name=text or None, minutes=())
    name = text[: first.start()].strip() or None
    minutes = tuple(
        Minute(
            minute=int(m["minute"]),
            stoppage=int(m["stoppage"]) if m["stoppage"] else None,
            penalty=m["note"] == "pen.",
            own_goal=m["note"] == "o.g.",
        )
        for m in _MINUTE.finditer(text, first.start())
    )
    return Entry(name=name, minutes=minutes)


def _is_minute_list(text: str) -> bool:
    return _MINUTE_LIST.fullmatch(text.strip()) is not None


def read_article(path: Path) -> Article:
    """Read and parse the article at `path`; a missing or unreadable file is an ArticleError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ArticleError(str(path), None, "no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ArticleError(str(path), None, f"cannot read the file ({error})") from None
    return parse_article(text, str(path))


def parse_article(text: str, source: str = "<article>") -> Article:
    """Parse an article's text; `source` names it in error messages."""
    return _Parser(text, source).parse()


class _Parser:
    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source

    def fail(self, line: int | None, message: str) -> ArticleError:
        return ArticleError(self.source, line, message)

    def parse(self) -> Article:
        title, title_line = self._title()
        article = Article(
            source=self.source,
            title=title,
            title_line=title_line,
            infobox={},
            prose=[],
            leagues=[],
            format_rows=[],
            draw={},
            matches=[],
            scorers=[],
        )
        section: str | None = None
        round_kind: RoundKind | None = None
        subsection: str | None = None
        index = title_line
        while index < len(self.lines):
            number = index + 1
            line = self.lines[index]
            stripped = line.strip()
            index += 1
            heading = _HEADING.match(stripped)
            if heading:
                name = heading["name"]
                if len(heading["level"]) == 2:
                    # A section that names no round (See also, References, ...) holds no matches.
                    section, subsection = name, None
                    round_kind = round_from_name(name)
                else:
                    subsection = name
                continue
            if not stripped:
                continue
            if section is None:
                if stripped == "Infobox":
                    continue
                item = _INFOBOX_ITEM.match(stripped)
                if item:
                    article.infobox[item["key"].strip()] = (item["value"].strip(), number)
                else:
                    article.prose.append(Prose(None, stripped, number))
            elif section.casefold() == "goal scorers":
                index = self._scorers(index - 1, article)
            elif subsection and subsection.casefold() == "format and schedule":
                if stripped.startswith("|"):
                    self._format_row(stripped, number, article)
            elif subsection and subsection.casefold() == "draw summary":
                if stripped.startswith("|"):
                    index = self._draw(index - 1, article)
            elif _DATE.match(stripped):
                if round_kind is None:
                    raise self.fail(number, f"a match under {section!r}, which is not a round cupql knows")
                group = _GROUP.match(subsection or "")
                index = self._match(index - 1, round_kind, group["name"] if group else None, article)
            elif stripped.startswith("|") and section.casefold() == "participating clubs":
                self._leagues(stripped, number, article)
            elif stripped.startswith(("|", "<", "----")):
                continue
            elif round_kind is not None and _SCORE.match(stripped) and self._team_line_follows(index):
                raise self.fail(number, "a score line without a date line before it")
            else:
                article.prose.append(Prose(round_kind, stripped, number))
        if not article.matches:
            raise self.fail(None, "no match found: this does not look like a season article")
        return article

    def _team_line_follows(self, index: int) -> bool:
        """Whether line `index` is a match's event line, so the line before it was meant as a score."""
        return index < len(self.lines) and _TEAM_LINE.match(self.lines[index]) is not None

    def _title(self) -> tuple[str, int]:
        for index, line in enumerate(self.lines):
            if not line.strip():
                continue
            match = _TITLE.match(line.strip())
            if match is None or match["title"].startswith("="):
                raise self.fail(index + 1, "not a season article: expected a title line like '= 2024 X Cup ='")
            return match["title"], index + 1
        raise self.fail(None, "not a season article: the file is empty")

    def _format_row(self, text: str, number: int, article: Article) -> None:
        cells = [cell.strip() for cell in text.strip("|").split("|")]
        if cells[0].casefold() == "round":
            return
        kind = round_from_name(cells[0])
        if kind is None:
            raise self.fail(number, f"unknown round {cells[0]!r} in the format table")
        if len(cells) != 4:
            raise self.fail(number, "a format row needs round, clubs remaining, clubs involved and a date")
        try:
            date = parse_date(cells[3]) if cells[3] else None
        except ValueError:
            raise self.fail(number, f"unreadable date {cells[3]!r}") from None
        article.format_rows.append(FormatRow(kind, _int_or_none(cells[1]), _int_or_none(cells[2]), date, number))

    def _draw(self, index: int, article: Article) -> int:
        header = [cell.strip() for cell in self.lines[index].strip().strip("|").split("|")]
        if index + 1 >= len(self.lines) or not self.lines[index + 1].strip().startswith("|"):
            raise self.fail(index + 1, "the draw header has no row of clubs under it")
        row = [cell.strip() for cell in self.lines[index + 1].strip().strip("|").split("|")]
        if len(row) != len(header):
            raise self.fail(index + 2, f"the draw names {len(header)} groups but has {len(row)} cells")
        for name, cell in zip(header, row, strict=True):
            group = _GROUP.match(name)
            if group is None:
                raise self.fail(index + 1, f"expected 'Group X' in the draw header, found {name!r}")
            article.draw[group["name"]] = (cell, index + 2)
        return index + 2

    def _leagues(self, text: str, number: int, article: Article) -> None:
        for cell in text.strip("|").split("|"):
            match = _LEAGUE_CELL.match(cell.strip())
            if match:
                clubs = int(match["clubs"]) if match["clubs"] else None
                article.leagues.append(LeagueCell(match["league"], clubs, number))

    def _match(self, index: int, round_kind: RoundKind, group: str | None, article: Article) -> int:
        date_number = index + 1
        try:
            date = parse_date(self.lines[index])
        except ValueError:
            raise self.fail(date_number, f"unreadable date {self.lines[index].strip()!r}") from None
        if index + 1 >= len(self.lines):
            raise self.fail(date_number, "a match date with no score line after it")
        score_line = self.lines[index + 1].strip()
        score = _SCORE.match(score_line)
        if score is None:
            raise self.fail(index + 2, f"malformed score line {score_line!r}: expected 'Home N - N Away'")
        match = RawMatch(
            line=index + 2,
            date=date,
            round=round_kind,
            group=group,
            home=score["home"].strip(),
            away=score["away"].strip(),
            home_score=int(score["hs"]),
            away_score=int(score["as"]),
        )
        index += 2
        while index < len(self.lines):
            team = _TEAM_LINE.match(self.lines[index])
            if team is None or not self.lines[index][:1].isspace():
                break
            club = team["club"].strip()
            if club not in (match.home, match.away):
                raise self.fail(index + 1, f"{club!r} did not play in {match.home} v {match.away}")
            if club in match.teams:
                raise self.fail(index + 1, f"a second event line for {club!r}")
            match.teams[club] = TeamLine(club, parse_entries(team["entries"]), index + 1)
            index += 1
        article.matches.append(match)
        return index

    def _scorers(self, index: int, article: Article) -> int:
        goals: int | None = None
        own_goal = False
        while index < len(self.lines):
            stripped = self.lines[index].strip()
            number = index + 1
            index += 1
            if _HEADING.match(stripped):
                return index - 1
            heading = _GOALS_HEADING.match(stripped)
            if heading:
                goals, own_goal = int(heading["goals"]), False
            elif stripped.casefold().lstrip(";").startswith("own goal"):
                goals, own_goal = 1, True
            elif stripped.startswith("-"):
                row = _SCORER.match(stripped)
                if row is None or goals is None:
                    raise self.fail(number, f"malformed scorer line {stripped!r}")
                article.scorers.append(
                    ScorerLine(row["nat"], row["name"].strip(), row["club"].strip(), goals, own_goal, number)
                )
        return index


def _int_or_none(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None
