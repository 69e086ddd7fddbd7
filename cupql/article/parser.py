"""Read a season article into raw, line-numbered pieces, without interpreting them.

The parser knows the article's layout (infobox, format table, group draw, match blocks, scorer table) and
nothing about any particular season: clubs, dates and counts all come from the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from football.season import ReportNote
from football.vocabulary import CardKind, RoundKind

PLAIN_TEXT = "plain text"


class ArticleError(ValueError):
    """The article cannot be read; the message names the file and line."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line


def not_read(article: Article, line: int, text: str, lenient: bool, why: str = "") -> None:
    """A line that looks like part of a match but was not read: refused, or with `lenient` noted as skipped."""
    reason = f" ({why})" if why else ""
    if not lenient:
        raise ArticleError(
            article.source,
            line,
            f"cannot read {text!r} as part of a match{reason}; correct it, or load with --lenient to skip it",
        )
    article.notes.append(ReportNote(line, "SKIPPED", f"skipped {text!r}{reason}"))


def no_match(article: Article, line: int, expected: str) -> ArticleError:
    """No match read: say what was expected and where reading stopped, and name every line `--lenient` skipped
    (a page whose only match was refused would otherwise say nothing of it)."""
    skipped = [f"line {note.line}: {note.message}" for note in article.notes if note.code == "SKIPPED"]
    also = f"; skipped as unreadable: {'; '.join(skipped)}" if skipped else ""
    return ArticleError(article.source, line, f"no match found: expected {expected}{also}")


@dataclass(frozen=True)
class Minute:
    minute: int
    stoppage: int | None
    penalty: bool
    own_goal: bool


@dataclass(frozen=True)
class CardMark:
    """A card marker of an entry (`Yellow card.svg 33'`, `Red card`), with its minute when written."""

    kind: CardKind
    minute: int | None
    stoppage: int | None = None


@dataclass(frozen=True)
class Entry:
    """One `name minute, minute (pen.)` item of a team's event line; the name may have been stripped.

    `identity` is the key of the article a wikilink names the player by, when the text links him."""

    name: str | None
    minutes: tuple[Minute, ...]
    cards: tuple[CardMark, ...] = ()
    identity: str | None = None


@dataclass
class TeamLine:
    club: str
    entries: list[Entry]
    line: int


@dataclass
class ScoreNotes:
    """What the parenthesised notes of a score line state: `(a.e.t.)`, `(4–3 p)`, `(awd.)`, `w/o`, `(a)`."""

    extra_time: bool = False
    home_penalties: int | None = None
    away_penalties: int | None = None
    awarded: bool = False
    walkover: bool = False
    away_goals: bool = False
    aggregate: tuple[int, int] | None = None


@dataclass
class RawMatch:
    """A match block: the date line, the score line (scores None for a bare `w/o`), event and detail lines.

    A result that a grid or a two-legged row gives without a match box has no date, and `leg` where the row
    states which leg it was."""

    line: int
    date: dt.date | None
    round: RoundKind
    group: str | None
    home: str
    away: str
    home_score: int | None
    away_score: int | None
    notes: ScoreNotes = field(default_factory=ScoreNotes)
    teams: dict[str, TeamLine] = field(default_factory=dict)
    stadium: str | None = None
    attendance: int | None = None
    referee: str | None = None
    prose: list[tuple[str, int]] = field(default_factory=list)
    leg: int | None = None


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


@dataclass(frozen=True)
class StatedAggregate:
    """A tie's aggregate as a line states it (`Tobol 1 – 4 (agg.) Atyrau`, or `(3–2 agg.)` after a leg)."""

    home: str
    away: str
    home_goals: int
    away_goals: int
    line: int


@dataclass(frozen=True)
class StatedStanding:
    """A group table's row as the article writes it: what it says the club played, won, drew, lost and scored.
    `played` is None where the row states only wins, draws and losses."""

    group: str | None
    club: str
    played: int | None
    won: int
    drawn: int
    lost: int
    goals_for: int
    goals_against: int
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
    aggregates: list[StatedAggregate] = field(default_factory=list)
    # Results a group grid or a two-legged row states, undated: served where no match box gives the match.
    results: list[RawMatch] = field(default_factory=list)
    # Which of the three formats the text was read as, and what the reader noted (skipped lines, open sides).
    format: str = PLAIN_TEXT
    notes: list[ReportNote] = field(default_factory=list)
    # Where each group's heading stands, and the rows its table states (checked against the matches read).
    group_lines: dict[str, int] = field(default_factory=dict)
    tables: list[StatedStanding] = field(default_factory=list)

    def info(self, key: str) -> str | None:
        value = self.infobox.get(key)
        return value[0] if value else None

    def info_line(self, key: str) -> int:
        value = self.infobox.get(key)
        return value[1] if value else self.title_line


# `11 Marhc 2024`, `Sept 31, 2024`: shaped like a match's date line, but no date.
_DATE_LIKE = re.compile(r"^(?:\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}|[A-Za-z]+\.?\s+\d{1,2},\s+\d{4})$")
_TITLE = re.compile(r"^=\s*(?P<title>.+?)\s*=$")
_HEADING = re.compile(r"^(?P<level>={2,})\s*(?P<name>[^=]+?)\s*(?P=level)$")
_INFOBOX_ITEM = re.compile(r"^-\s*(?P<key>[^:]+):\s*(?P<value>.*)$")
_DASH = r"\s*[-\u2013\u2014]\s*"
_DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y")
_DATE = re.compile(r"^(?:\d{1,2} [A-Z][a-z]+\.? \d{4}|[A-Z][a-z]+\.? \d{1,2}, \d{4})$")
SCORE_LINE = re.compile(
    rf"^(?P<home>\S.*?)\s+(?:(?P<hs>\d+){_DASH}(?P<as>\d+)|(?P<wo>w/o))(?P<mid>(?:\s*\([^()]*\))*)"
    r"\s+(?P<away>[^\s(][^()]*?)(?P<tail>(?:\s*\([^()]*\))*)\s*$",
    re.IGNORECASE,
)
_NOTE = re.compile(r"\(([^()]*)\)")
_PENALTIES_NOTE = re.compile(rf"^(\d+){_DASH}(\d+)\s*(?:p|pen|pens|penalties|pso|on penalties)\.?$", re.IGNORECASE)
_AGGREGATE_NOTE = re.compile(
    rf"^(?:agg\.?\s*)?(\d+){_DASH}(\d+)\s*(?:agg|on agg|aggregate|on aggregate)?\.?$", re.IGNORECASE
)
_TEAM_LINE = re.compile(r"^\s+(?P<club>[^:]+):(?P<entries>.*)$")
_DETAIL_LINE = re.compile(r"^\s*(?P<key>stadium|venue|attendance|referee)\s*:\s*(?P<value>.*?)\s*$", re.IGNORECASE)
_MARK = "['\u2032\u2019]"
# `(pen.)`, `(p)`, `(o.g.)`, `(og)`: a goal's notes, in any case.
_GOAL_NOTE = r"\((?:pen\.?|p\.?|o\.\s?g\.?|og)\)"
_MINUTE = re.compile(
    rf"(?P<minute>\d+)(?:\+(?P<stoppage>\d+))?{_MARK}\s*(?P<note>{_GOAL_NOTE})?",
    re.IGNORECASE,
)
_MINUTE_LIST = re.compile(
    rf"\d+(?:\+\d+)?{_MARK}\s*(?:{_GOAL_NOTE})?(?:\s*,\s*\d+(?:\+\d+)?{_MARK}\s*(?:{_GOAL_NOTE})?)*",
    re.IGNORECASE,
)
_CARD = re.compile(
    r"(?P<kind>(?:second[ -])?yellow(?:[ -]red)?|red)[ -]card(?:\.svg)?"
    rf"(?:\s*(?P<minute>\d+)(?:\+(?P<stoppage>\d+))?{_MARK})?",
    re.IGNORECASE,
)
_GOALS_HEADING = re.compile(r"^(?P<goals>\d+) goals?:$")
_SCORER = re.compile(r"^-\s*(?:(?P<nat>[A-Z]{3})\s+)?(?P<name>.+?)\s+-\s+(?P<club>.+)$")
_LEAGUE_CELL = re.compile(r"^(?P<league>.+? League)\b(?:.*?\b(?P<clubs>\d+) clubs\b)?")
GROUP_HEADING = re.compile(r"^Group (?P<name>\S+)$")
_ROUND_ALIASES = {
    "playoffs": RoundKind.PLAY_OFF,
    "playoff": RoundKind.PLAY_OFF,
    "quarterfinal": RoundKind.QUARTER_FINALS,
    "semifinal": RoundKind.SEMI_FINALS,
    "last16": RoundKind.ROUND_OF_16,
    "last32": RoundKind.ROUND_OF_32,
    "last64": RoundKind.ROUND_OF_64,
}


def _round_key(name: str) -> str:
    return re.sub(r"[\s\-–—]+", "", name.casefold())


_ROUND_NAMES = {_round_key(kind.value): kind for kind in RoundKind} | _ROUND_ALIASES


def parse_date(text: str) -> dt.date:
    """Parse a day-month-year (`11 March 2024`) or month-day-year (`March 21, 2026`) date."""
    for layout in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip().replace(".", ""), layout).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable date {text!r}")


def round_from_name(name: str) -> RoundKind | None:
    """The round a heading or table cell names (`Quarter-finals`, `Quarterfinals`, `First round`), else None."""
    return _ROUND_NAMES.get(_round_key(name))


def _card_kind(text: str) -> CardKind:
    words = text.casefold()
    if "yellow" in words and ("red" in words or "second" in words):
        return CardKind.SECOND_YELLOW
    return CardKind.YELLOW if "yellow" in words else CardKind.RED


def parse_score_notes(notes: str) -> ScoreNotes | str:
    """Read a score line's parenthesised notes; an unknown note comes back as the text to complain about."""
    read = ScoreNotes()
    for found in _NOTE.finditer(notes):
        note = found[1].strip()
        plain = re.sub(r"[\s.]", "", note.casefold())
        penalties = _PENALTIES_NOTE.match(note)
        # A bare `(3–2)` says neither aggregate nor shoot-out: it stays unknown, and is refused.
        aggregate = _AGGREGATE_NOTE.match(note) if "agg" in plain else None
        if plain in ("aet", "afterextratime"):
            read.extra_time = True
        elif penalties:
            read.home_penalties, read.away_penalties = int(penalties[1]), int(penalties[2])
        elif aggregate:
            read.aggregate = (int(aggregate[1]), int(aggregate[2]))
        elif plain in ("awd", "awarded"):
            read.awarded = True
        elif plain in ("w/o", "wo", "walkover"):
            read.awarded = read.walkover = True
        elif plain in ("a", "ag", "awaygoals", "onawaygoals"):
            read.away_goals = True
        elif plain != "agg":
            return note
    return read


def parse_entries(text: str) -> list[Entry]:
    """Split a team's event text into entries.

    Entries are separated by a comma with a space before it (` , `) or at the very start; a comma written
    straight after a minute (`2', 21', 46'`) joins the minutes of one player's entry.
    """
    pieces = re.split(r"(?:(?<=\s)|^),", text.strip()) if text.strip() else []
    return [_parse_entry(piece.strip()) for piece in pieces]


def _parse_entry(text: str) -> Entry:
    cards = tuple(
        CardMark(
            _card_kind(found["kind"]),
            int(found["minute"]) if found["minute"] else None,
            int(found["stoppage"]) if found["stoppage"] else None,
        )
        for found in _CARD.finditer(text)
    )
    if cards:
        text = " ".join(_CARD.sub(" ", text).split())
    first = _MINUTE.search(text)
    if first is None or not _is_minute_list(text[first.start() :]):
        return Entry(name=text or None, minutes=(), cards=cards)
    name = text[: first.start()].strip() or None
    minutes = tuple(
        Minute(
            minute=int(m["minute"]),
            stoppage=int(m["stoppage"]) if m["stoppage"] else None,
            penalty=bool(m["note"]) and m["note"].casefold().startswith("(p"),
            own_goal=bool(m["note"]) and m["note"].casefold().startswith("(o"),
        )
        for m in _MINUTE.finditer(text, first.start())
    )
    return Entry(name=name, minutes=minutes, cards=cards)


def _is_minute_list(text: str) -> bool:
    return _MINUTE_LIST.fullmatch(text.strip()) is not None


def read_text(path: Path) -> str:
    """The text of the article at `path`; a missing or unreadable file is an ArticleError."""
    try:
        return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    except FileNotFoundError:
        raise ArticleError(str(path), None, "no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ArticleError(str(path), None, f"cannot read the file ({error})") from None


def read_article(path: Path) -> Article:
    """Read and parse the plain-text article at `path`."""
    return parse_article(read_text(path), str(path))


def parse_article(text: str, source: str = "<article>", *, lenient: bool = False) -> Article:
    """Parse an article's text; `source` names it in error messages. A line that looks like a match but is not
    read is refused, or with `lenient` listed in the article's notes."""
    return _Parser(text, source, lenient).parse()


def looks_like_score(text: str) -> bool:
    """A short line like `Home N–N Away` that is no sentence: part of a match, whatever else it says."""
    score = SCORE_LINE.match(text)
    return bool(score and score["hs"]) and not text.rstrip().endswith(".") and len(text.split()) <= 10


class _Parser:
    def __init__(self, text: str, source: str, lenient: bool = False) -> None:
        self.lines = text.splitlines()
        self.source = source
        self.lenient = lenient

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
        last_match: RawMatch | None = None
        index = title_line
        while index < len(self.lines):
            number = index + 1
            line = self.lines[index]
            stripped = line.strip()
            index += 1
            heading = _HEADING.match(stripped)
            if heading:
                last_match = None
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
            elif _DATE.match(stripped) or (round_kind is not None and _is_date(stripped)):
                if round_kind is None:
                    raise self.fail(number, f"a match under {section!r}, which is not a round cupql knows")
                group = GROUP_HEADING.match(subsection or "")
                index = self._match(index - 1, round_kind, group["name"] if group else None, article)
                last_match = article.matches[-1]
            elif stripped.startswith("|") and section.casefold() == "participating clubs":
                self._leagues(stripped, number, article)
            elif stripped.startswith(("|", "<", "----")):
                last_match = None
            elif round_kind is not None and (aggregate := self._aggregate(stripped, number)):
                article.aggregates.append(aggregate)
            elif round_kind is not None and SCORE_LINE.match(stripped) and self._team_line_follows(index):
                raise self.fail(number, "a score line without a date line before it")
            elif round_kind is not None and _DATE_LIKE.match(stripped):
                not_read(article, number, stripped, self.lenient, "an unreadable date")
            elif round_kind is not None and looks_like_score(stripped):
                not_read(article, number, stripped, self.lenient, "a score line needs a date line before it")
            elif last_match is not None:
                # Running text after a match block tells of that match (`Aktobe won 4–3 on penalties.`).
                last_match.prose.append((stripped, number))
            else:
                article.prose.append(Prose(round_kind, stripped, number))
        if not article.matches:
            raise no_match(
                article,
                len(self.lines),
                "a date line and a 'Home N - N Away' score line under a round heading ('== Final =='); "
                "read to the end without one",
            )
        return article

    def _aggregate(self, text: str, number: int) -> StatedAggregate | None:
        """A dateless `Home N – N (agg.) Away` line: a tie's aggregate, not a match."""
        score = SCORE_LINE.match(text)
        if score is None or score["wo"] or "agg" not in (score["mid"] + score["tail"]).casefold():
            return None
        if any(
            note[1].strip().casefold().rstrip(".") != "agg" for note in _NOTE.finditer(score["mid"] + score["tail"])
        ):
            return None
        return StatedAggregate(score["home"].strip(), score["away"].strip(), int(score["hs"]), int(score["as"]), number)

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
            group = GROUP_HEADING.match(name)
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
        score = SCORE_LINE.match(score_line)
        if score is None:
            raise self.fail(index + 2, f"malformed score line {score_line!r}: expected 'Home N - N Away'")
        notes = parse_score_notes(score["mid"] + score["tail"])
        if isinstance(notes, str):
            raise self.fail(index + 2, f"unknown note ({notes}) on the score line {score_line!r}")
        if score["wo"]:
            notes.awarded = notes.walkover = True
        match = RawMatch(
            line=index + 2,
            date=date,
            round=round_kind,
            group=group,
            home=score["home"].strip(),
            away=score["away"].strip(),
            home_score=int(score["hs"]) if score["hs"] else None,
            away_score=int(score["as"]) if score["as"] else None,
            notes=notes,
        )
        if notes.aggregate:
            article.aggregates.append(StatedAggregate(match.home, match.away, *notes.aggregate, match.line))
        index += 2
        while index < len(self.lines):
            line = self.lines[index]
            detail = _DETAIL_LINE.match(line)
            if detail:
                self._detail(match, detail["key"].casefold(), detail["value"], index + 1)
                index += 1
                continue
            team = _TEAM_LINE.match(line)
            if team is None or not line[:1].isspace():
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

    def _detail(self, match: RawMatch, key: str, value: str, number: int) -> None:
        """A `Stadium:`, `Attendance:` or `Referee:` line of a match block."""
        problem = apply_detail(match, key, value)
        if problem:
            raise self.fail(number, problem)

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


def _is_date(text: str) -> bool:
    """A date line in any case (`3 may 2030`)."""
    if _DATE_LIKE.match(text) is None:
        return False
    try:
        parse_date(text)
    except ValueError:
        return False
    return True


def apply_detail(match: RawMatch, key: str, value: str) -> str | None:
    """Set a match's stadium (or venue), attendance or referee from its line; the problem, if it cannot be read."""
    if not value:
        return None
    if key == "attendance":
        digits = re.sub(r"[,\s.\u202f\u00a0]", "", value)
        if not digits.isdigit():
            return f"unreadable attendance {value!r}: expected a number such as 12,500"
        match.attendance = int(digits)
    elif key == "referee":
        match.referee = value
    else:
        match.stadium = value
    return None


def _int_or_none(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None
