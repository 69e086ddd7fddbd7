"""Read the rendered page text of a season article, as copied from a browser on Wikipedia or a mirror.

A copy keeps the footballbox's cells, one per line or separated by tabs: a date line (with round or match
number), a time, the clubs and score (possibly spread over lines: `Alashkert 6–0` / `(9–1 agg.)` / `Artsakh`),
the home club's events, `Report`, the away club's events, a shoot-out and the stadium, attendance and referee.
Headings come with or without `[edit]`; icons come as words (`Yellow card 13'`) or as file names glued to a name.
Where no `Report` cell separates the clubs' events, the side of an event is open: it is reported, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cupql.article.parser import (
    GROUP_HEADING,
    SCORE_LINE,
    Article,
    ArticleError,
    Entry,
    FormatRow,
    Prose,
    RawMatch,
    StatedAggregate,
    TeamLine,
    apply_detail,
    looks_like_score,
    not_read,
    parse_date,
    parse_entries,
    parse_score_notes,
    round_from_name,
)
from football.season import ReportNote
from football.vocabulary import RoundKind

RENDERED = "rendered page text"
_DATE_START = re.compile(r"^(?P<date>\d{1,2} [A-Z][a-z]+\.? \d{4}|[A-Z][a-z]+\.? \d{1,2}, \d{4})\b(?P<rest>.*)$")
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}\b")
_DETAIL = re.compile(r"^(?P<key>stadium|venue|attendance|referee)\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_NOTES_ONLY = re.compile(r"^(?:\([^()]*\)\s*)+$")
_SHOOTOUT = re.compile(r"^(\d+)\s*[-\u2013\u2014]\s*(\d+)$")
_ICON = re.compile(
    r"\s*(?:(?P<kind>yellow[ _-]red|second[ _]yellow|yellow|red)[ _]card|(?:soccer)?ball(?:[ _]shade)?(?:[ _]cross)?)"
    r"\.(?:svg|png|gif)",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^[A-Z][\w ]{2,40}:\s")
_VENUE = re.compile(r"\b(?:stadium|stadion|arena|park|ground|field|sports? (?:centre|complex))\b|, ", re.IGNORECASE)
_TIER = re.compile(r"\s*\((?:[IVX]+|[A-Z]{1,2}|\d)\)(?=\s|$)")
_FORMAT_ROW = re.compile(r"^(?P<round>\D+?)\s+(?P<remaining>\d+)\s+(?P<involved>\d+)\s+(?P<date>.+)$")
_INFOBOX = {
    "country": "Country",
    "teams": "Num Teams",
    "number of teams": "Num Teams",
    "champions": "Winners",
    "winners": "Winners",
    "runners-up": "Second",
    "runner-up": "Second",
    "matches played": "Matches",
    "matches": "Matches",
    "goals scored": "Goals",
    "goals": "Goals",
}
_SKIPPED_CELLS = re.compile(r"^(?:report|match \d+|first leg|second leg|replay|\(.*\d{4}-\d{2}-\d{2}.*\))$", re.I)


@dataclass
class _Cell:
    text: str
    line: int
    first_on_line: bool
    last_on_line: bool


@dataclass
class _Block:
    """A match being read: cells before its score is complete, then its events."""

    date_line: int
    date_text: str
    round: RoundKind | None
    parts: list[_Cell] = field(default_factory=list)
    match: RawMatch | None = None
    side: int = 0
    reported: bool = False
    open_events: list[_Cell] = field(default_factory=list)
    home: list[tuple[str, int]] = field(default_factory=list)
    away: list[tuple[str, int]] = field(default_factory=list)
    shootout: bool = False
    started: bool = False
    pending: _Cell | None = None


class RenderedReader:
    """Reads the cells of a copied page in order, as a person reading it would."""

    def __init__(self, text: str, source: str, lenient: bool) -> None:
        self.lines = text.splitlines()
        self.source = source
        self.lenient = lenient
        self.article = Article(source, "", 1, {}, [], [], [], {}, [], [], format=RENDERED)
        self.round: RoundKind | None = None
        self.group: str | None = None
        self.seen_heading = False
        self.block: _Block | None = None
        self.last_match: RawMatch | None = None
        self._pending_key: tuple[str, int] | None = None

    def fail(self, line: int, message: str) -> ArticleError:
        return ArticleError(self.source, line, message)

    def read(self) -> Article:
        self._title()
        for cell in self._cells():
            self._cell(cell)
        self._close()
        if not self.article.matches:
            raise self.fail(
                len(self.lines),
                "no match found: expected a date line (`12 April 2023`) then the clubs and their score "
                "(`Home 2–1 Away`) under a round heading; read to the end without one",
            )
        return self.article

    def _title(self) -> None:
        for number, line in enumerate(self.lines, 1):
            text = line.strip()
            if re.match(r"^\d{4}(?:[-\u2013]\d{2,4})? \S.*(?:Cup|Trophy|Shield)\b", text) and len(text) < 80:
                self.article.title, self.article.title_line = text, number
                competition = re.sub(r"^\d{4}(?:[-\u2013]\d{2,4})?\s+", "", text)
                self.article.infobox.setdefault("Title", (competition, number))
                return
        raise self.fail(1, "not a season article: expected the page title (`2023 Kazakhstan Cup`) on a line of its own")

    def _cells(self) -> list[_Cell]:
        cells = []
        for number, line in enumerate(self.lines, 1):
            if number <= self.article.title_line:
                continue
            # Cells come separated by tabs, or by pipes where a mirror renders tables as text (`| a | b |`).
            separator = "|" if line.strip().startswith("|") and line.strip().endswith("|") else "\t"
            parts = [" ".join(part.replace("\u00a0", " ").split()) for part in line.split(separator)]
            parts = [part for part in parts if part]
            row = _FORMAT_ROW.match(" ".join(parts))
            if row and round_from_name(row["round"]):
                # A format table's row (`Quarter-finals 8 8 2023`) is read as one line, whatever separates its cells.
                parts = [" ".join(parts)]
            cells += [_Cell(p, number, i == 0, i == len(parts) - 1) for i, p in enumerate(parts)]
        return cells

    def _cell(self, cell: _Cell) -> None:
        text = cell.text
        heading = re.sub(r"\s*\[\s*edit\s*\]\s*$", "", text, flags=re.IGNORECASE)
        whole_line = cell.first_on_line and cell.last_on_line
        if whole_line and (heading != text or _is_heading(heading)):
            self._heading(heading)
            return
        if not self.seen_heading:
            self._front(cell)
            return
        date = _DATE_START.match(text)
        if date and cell.first_on_line:
            self._close()
            self.block = _Block(cell.line, date["date"], round_from_name(date["rest"].strip()) or self.round)
            return
        if self.block is not None:
            self._in_block(cell)
            return
        row = _FORMAT_ROW.match(text) if whole_line else None
        if row and round_from_name(row["round"]):
            self._format_row(row, cell.line)
        elif self.round is not None and looks_like_score(text):
            not_read(self.article, cell.line, text, self.lenient, "a score needs a date line before it")
        elif self.round is not None and (aggregate := _aggregate(text, cell.line)):
            self.article.aggregates.append(aggregate)
        elif self.last_match is not None:
            self.last_match.prose.append((text, cell.line))
        else:
            self.article.prose.append(Prose(self.round, text, cell.line))

    def _front(self, cell: _Cell) -> None:
        """Before the first heading: the infobox's `Key<TAB>Value` rows and the lead's prose."""
        key = _INFOBOX.get(cell.text.casefold())
        if key and not cell.last_on_line:
            self._pending_key = (key, cell.line)
            return
        pending = self._pending_key
        if pending and pending[1] == cell.line:
            value = cell.text
            if pending[0] in ("Num Teams", "Matches", "Goals"):
                value = (re.match(r"\d+", value.replace(",", "")) or [""])[0]
            elif pending[0] in ("Winners", "Second"):
                value = re.sub(r"\s*\(.*$", "", value)
            self.article.infobox[pending[0]] = (value, cell.line)
            self._pending_key = None
            return
        self.article.prose.append(Prose(None, cell.text, cell.line))

    def _heading(self, name: str) -> None:
        self._close()
        self.seen_heading = True
        self.last_match = None
        group = GROUP_HEADING.match(name)
        if group:
            self.round, self.group = RoundKind.GROUP_STAGE, group["name"]
            return
        kind = round_from_name(name)
        if kind is not None or not re.match(r"^(?:knockout|format|draw)", name, re.IGNORECASE):
            self.round, self.group = kind, None

    def _format_row(self, row: re.Match[str], line: int) -> None:
        kind = round_from_name(row["round"])
        assert kind is not None
        try:
            date = parse_date(row["date"])
        except ValueError:
            # `8 8 2023`: a year alone (or day and month lost) states no first match day.
            date = None
        self.article.format_rows.append(FormatRow(kind, int(row["remaining"]), int(row["involved"]), date, line))

    def _in_block(self, cell: _Cell) -> None:
        block = self.block
        assert block is not None
        text = cell.text
        if block.match is None:
            self._score_part(block, cell)
            return
        match = block.match
        detail = _DETAIL.match(text)
        if block.pending is not None and (detail or not self._may_be_event(block, text)):
            self._settle(block)
        if detail:
            self._detail(match, detail["key"].casefold(), detail["value"].strip(), cell.line)
        elif text.casefold().startswith("report"):
            block.reported, block.side = True, 1
        elif text.casefold() == "penalties":
            block.shootout = True
        elif _NOTES_ONLY.match(text):
            self._notes(match, text, cell.line)
        elif block.shootout and (score := _SHOOTOUT.match(text)):
            match.notes.home_penalties, match.notes.away_penalties = int(score[1]), int(score[2])
        elif block.shootout or _TIME.match(text) or _SKIPPED_CELLS.match(text):
            # A kick-off time, a `Match 5` label, or a penalty taker: the shoot-out's score is read, not its takers.
            return
        elif _is_sentence(text):
            match.prose.append((text, cell.line))
            self._close()
        elif looks_like_score(text):
            self._settle(block)
            not_read(self.article, cell.line, text, self.lenient, "a score needs a date line before it")
        else:
            self._event(block, cell)

    def _score_part(self, block: _Block, cell: _Cell) -> None:
        text = cell.text
        if _TIME.match(text) or _SKIPPED_CELLS.match(text) or (round_from_name(text) and not block.parts):
            block.round = round_from_name(text) or block.round
            return
        block.parts.append(cell)
        joined = _TIER.sub("", " ".join(part.text for part in block.parts))
        score = SCORE_LINE.match(joined)
        if score is None:
            if len(block.parts) > 5:
                not_read(self.article, block.date_line, f"{block.date_text} {joined}", self.lenient, "no score")
                self.block = None
            return
        if block.round is None:
            raise self.fail(block.date_line, f"a match under no round heading cupql knows: {joined!r}")
        notes = parse_score_notes(score["mid"] + score["tail"])
        if isinstance(notes, str):
            raise self.fail(cell.line, f"unknown note ({notes}) on the score {joined!r}")
        if score["wo"]:
            notes.awarded = notes.walkover = True
        try:
            date = parse_date(block.date_text)
        except ValueError:
            raise self.fail(block.date_line, f"unreadable date {block.date_text!r}") from None
        block.match = RawMatch(
            line=block.parts[0].line,
            date=date,
            round=block.round,
            group=self.group if block.round is RoundKind.GROUP_STAGE else None,
            home=score["home"].strip(),
            away=score["away"].strip(),
            home_score=int(score["hs"]) if score["hs"] else None,
            away_score=int(score["as"]) if score["as"] else None,
            notes=notes,
        )
        if notes.aggregate:
            self.article.aggregates.append(
                StatedAggregate(block.match.home, block.match.away, *notes.aggregate, block.match.line)
            )

    def _notes(self, match: RawMatch, text: str, line: int) -> None:
        notes = parse_score_notes(text)
        if isinstance(notes, str):
            raise self.fail(line, f"unknown note ({notes}) after {match.home} v {match.away}")
        for name in ("extra_time", "awarded", "walkover", "away_goals"):
            if getattr(notes, name):
                setattr(match.notes, name, True)
        if notes.home_penalties is not None:
            match.notes.home_penalties, match.notes.away_penalties = notes.home_penalties, notes.away_penalties
        if notes.aggregate:
            match.notes.aggregate = notes.aggregate
            self.article.aggregates.append(StatedAggregate(match.home, match.away, *notes.aggregate, line))

    def _may_be_event(self, block: _Block, text: str) -> bool:
        lowered = text.casefold()
        return not (
            lowered.startswith("report")
            or lowered == "penalties"
            or block.shootout
            or _TIME.match(text)
            or _SKIPPED_CELLS.match(text)
            or _NOTES_ONLY.match(text)
            or _is_sentence(text)
        )

    def _event(self, block: _Block, cell: _Cell) -> None:
        text = _without_icons(cell.text)
        entries = parse_entries(text)
        readable = any(entry.minutes or entry.cards for entry in entries)
        if readable and block.pending is not None and entries[0].name is None:
            # A name on one line and its minutes on the next (`Kovalevich` / `12'`): one event.
            text, cell = f"{_without_icons(block.pending.text)} {text}", block.pending
            block.pending = None
        elif block.pending is not None:
            self._settle(block)
        if readable:
            (block.away if block.side else block.home).append((text, cell.line))
            block.started = True
        elif not _LABEL.match(text):  # `Man of the Match: ...`, `Assistant referees: ...` are no event
            block.pending = cell

    def _settle(self, block: _Block) -> None:
        """A cell with no minute or card that no minute followed: where the match was played (the cell after the
        clubs' row, or a place's name), else a line that was not read."""
        cell, block.pending = block.pending, None
        if cell is None or block.match is None:
            return
        if block.match.stadium is None and (_VENUE.search(cell.text) or not (block.started or block.reported)):
            block.match.stadium = cell.text
        else:
            not_read(self.article, cell.line, cell.text, self.lenient, "a name with neither a minute nor a card")

    def _detail(self, match: RawMatch, key: str, value: str, line: int) -> None:
        # A mirror writes the referee's country after his name: `Ziv Adler (Israel)`.
        problem = apply_detail(match, key, re.sub(r"\s*\(.*\)\s*$", "", value) if key == "referee" else value)
        if problem:
            raise self.fail(line, problem)

    def _close(self) -> None:
        block, self.block = self.block, None
        if block is None:
            return
        self._settle(block)
        if block.match is None:
            if block.parts:
                text = " ".join(part.text for part in block.parts)
                not_read(self.article, block.date_line, f"{block.date_text} {text}", self.lenient, "no score")
            return
        match = block.match
        if block.reported:
            for club, events in ((match.home, block.home), (match.away, block.away)):
                if events:
                    entries: list[Entry] = [entry for text, _ in events for entry in parse_entries(text)]
                    match.teams[club] = TeamLine(club, entries, events[0][1])
        else:
            for text, line in block.home:
                self.article.notes.append(
                    ReportNote(
                        line,
                        "SIDE_OPEN",
                        f"{match.home} v {match.away}: no `Report` cell separates the clubs' events, so it is "
                        f"open whose {text!r} is; not served",
                    )
                )
        self.article.matches.append(match)
        self.last_match = match


def _is_heading(text: str) -> bool:
    return bool(GROUP_HEADING.match(text)) or (round_from_name(text) is not None)


def _is_sentence(text: str) -> bool:
    return text.endswith(".") and len(text.split()) >= 4 and not re.search(r"\d['\u2032\u2019]", text)


def _aggregate(text: str, line: int) -> StatedAggregate | None:
    score = SCORE_LINE.match(text)
    if score is None or score["wo"] or "agg" not in (score["mid"] + score["tail"]).casefold():
        return None
    return StatedAggregate(score["home"].strip(), score["away"].strip(), int(score["hs"]), int(score["as"]), line)


def _without_icons(text: str) -> str:
    """`G.NranyanYellow card.svg 50'` -> `G.Nranyan Yellow card 50'`; a ball icon marks a goal and is dropped."""

    def word(found: re.Match[str]) -> str:
        kind = found["kind"]
        return f" {kind.replace('_', ' ')} card" if kind else " "

    return " ".join(_ICON.sub(word, text).split())


def read_rendered(text: str, source: str, *, lenient: bool = False) -> Article:
    """Parse copied page text into an Article; what cannot be read is refused at its line (or, lenient, skipped)."""
    return RenderedReader(text, source, lenient).read()
