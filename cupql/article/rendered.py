"""Read the rendered page text of a season article, as copied from a browser on Wikipedia or a mirror.

A copy keeps the footballbox's cells, one per line or separated by tabs: a date line (with round or match
number), a time, the clubs and score (possibly spread over lines: `Alashkert 6–0` / `(9–1 agg.)` / `Artsakh`),
the home club's events, `Report`, the away club's events, a shoot-out and the stadium, attendance and referee.
Headings come with or without `[edit]`; icons come as words (`Yellow card 13'`) or as file names glued to a name.
Where no `Report` cell separates the clubs' events, the side of an event is open: it is reported, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from cupql.article.header import (
    glued_cells,
    space_score,
    split_away,
    strip_markers,
    two_cells,
    venue_after_tier,
)
from cupql.article.names import without_tiers
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
    StatedStanding,
    TeamLine,
    apply_detail,
    looks_like_score,
    no_match,
    not_read,
    parse_date,
    parse_entries,
    parse_score_notes,
    round_from_name,
)
from cupql.article.table_rows import standing_club, standing_row
from football.season import ReportNote
from football.vocabulary import RoundKind

RENDERED = "rendered page text"
# A mirror may glue a match number to the year: `16 March 20231 Akzhayik ...` is match 1 on 16 March 2023.
_DATE_START = re.compile(
    r"^(?P<date>\d{1,2} [A-Z][a-z]+\.? \d{4}|[A-Z][a-z]+\.? \d{1,2}, \d{4})(?:\d{1,3}(?=\s))?\b(?P<rest>.*)$"
)
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}\b")
_DETAIL = re.compile(r"^(?P<key>stadium|venue|attendance|referee)\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_NOTES_ONLY = re.compile(r"^(?:\([^()]*\)\s*)+$")
_EDIT_PREFIX = re.compile(r"^\s*\[\s*edit\s*\](?=\s*\S)", re.IGNORECASE)
_SHOOTOUT = re.compile(r"^(\d+)\s*[-\u2013\u2014]\s*(\d+)$")
_ICON = re.compile(
    r"\s*(?:(?P<kind>yellow[ _-]red|second[ _]yellow|yellow|red)[ _]card|(?:soccer)?ball(?:[ _]shade)?(?:[ _]cross)?)"
    r"\.(?:svg|png|gif)",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^[A-Z][\w ]{2,40}:\s")
_VENUE = re.compile(r"\b(?:stadium|stadion|arena|park|ground|field|sports? (?:centre|complex))\b|, ", re.IGNORECASE)
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
_SKIPPED_CELLS = re.compile(
    r"^(?:report|summary|match \d+|first leg|second leg|replay|\(.*\d{4}-\d{2}-\d{2}.*\))$", re.I
)


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
    # The date line carried the clubs and score too (`15 September 2021 Shirak0–1 Noravank Gyumri`): the away
    # part may end with the venue's city.
    glued: bool = False
    leg: int | None = None


@dataclass(frozen=True)
class _GluedAway:
    """A glued header's away part, read once every club the article names is known."""

    match: RawMatch
    text: str
    line: int


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
        self._glued: list[_GluedAway] = []
        self._headings: list[int] = []

    def fail(self, line: int, message: str) -> ArticleError:
        return ArticleError(self.source, line, message)

    def read(self) -> Article:
        self._title()
        for cell in self._cells():
            self._cell(cell)
        self._close()
        self._split_glued_aways()
        self._tables()
        if not self.article.matches:
            raise no_match(
                self.article,
                len(self.lines),
                "a date line (`12 April 2023`) then the clubs and their score (`Home 2–1 Away`) under a round "
                "heading; read to the end without one",
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
            # Cells come separated by tabs, or by pipes where a mirror renders tables as text (`| a | b |`, or
            # `Report | Azin 13' |` where the row's first cell was not boxed).
            separator = "|" if line.strip().endswith("|") else "\t"
            # A heading's `[edit]` link may be glued to the start of the next line: `[edit]19 September 2018 ...`.
            line = _EDIT_PREFIX.sub("", line)
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
        if whole_line and not heading:
            return  # `[edit]` on a line of its own, after its heading
        if whole_line and (heading != text or _is_heading(heading)):
            self._heading(heading, cell.line)
            return
        if not self.seen_heading:
            self._front(cell)
            return
        date = _DATE_START.match(text)
        if date and cell.first_on_line:
            self._close()
            rest = date["rest"].strip()
            self.block = _Block(cell.line, date["date"], round_from_name(rest) or self.round)
            if rest and not round_from_name(rest):
                self._glued_header(self.block, _Cell(rest, cell.line, False, cell.last_on_line))
            return
        if self.block is not None:
            pieces = glued_cells(text)
            for index, piece in enumerate(pieces):
                first, last = cell.first_on_line and index == 0, cell.last_on_line and index == len(pieces) - 1
                self._in_block(_Cell(piece, cell.line, first, last))
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
        glued = _glued_infobox_row(cell.text) if cell.first_on_line and cell.last_on_line else None
        if glued:
            # `Teams12`, `ChampionsNoravank`: the row's two cells with nothing between them.
            self._pending_key = (_INFOBOX[glued[0]], cell.line)
            cell = _Cell(glued[1], cell.line, False, True)
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

    def _heading(self, name: str, line: int) -> None:
        self._close()
        self.seen_heading = True
        self.last_match = None
        self._headings.append(line)
        group = GROUP_HEADING.match(name)
        if group:
            self.round, self.group = RoundKind.GROUP_STAGE, group["name"]
            self.article.group_lines.setdefault(group["name"], line)
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
        elif _is_report(text):
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

    def _glued_header(self, block: _Block, cell: _Cell) -> None:
        """The rest of a date line: a round or leg marker, then the clubs and score when the copy glued them on."""
        markers = strip_markers(cell.text)
        block.round, block.leg = markers.round or block.round, markers.leg
        if markers.rest:
            block.glued = True
            self._score_part(block, _Cell(markers.rest, cell.line, False, cell.last_on_line))

    def _score_part(self, block: _Block, cell: _Cell) -> None:
        text = cell.text
        if _TIME.match(text) or _SKIPPED_CELLS.match(text) or (round_from_name(text) and not block.parts):
            block.round = round_from_name(text) or block.round
            return
        block.parts.append(cell)
        header = space_score(" ".join(part.text for part in block.parts), dashless=block.glued)
        joined = without_tiers(header)
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
            leg=block.leg,
        )
        tiered = venue_after_tier(header, block.match.away) if block.glued else None
        if tiered:
            block.match.away, block.match.stadium = tiered.club, tiered.venue
        elif block.glued:
            self._glued.append(_GluedAway(block.match, block.match.away, block.date_line))
        if notes.aggregate:
            self.article.aggregates.append(
                StatedAggregate(block.match.home, block.match.away, *notes.aggregate, block.match.line)
            )

    def _tables(self) -> None:
        """The group tables' rows (`1 Makhtaaral 2 1 1 0 5 3 +2 4`, or glued), each under the group heading before it,
        kept to check their figures against the matches read."""
        groups = {line: group for group, line in self.article.group_lines.items()}
        for number, text in enumerate(self.lines, 1):
            heading = max((line for line in self._headings if line < number), default=None)
            row = standing_row(text) if heading in groups else None
            if row is not None:
                club, (played, won, drawn, lost, scored, conceded) = row
                group = groups[heading] if heading is not None else None
                stated = StatedStanding(group, club, played, won, drawn, lost, scored, conceded, number)
                self.article.tables.append(stated)

    def _split_glued_aways(self) -> None:
        """Tell each glued header's away club from the venue's city, by the clubs the article names elsewhere (the
        infobox, the other matches, the other leg) or the city its stadium line names; refuse what stays open."""
        open_ones = list(self._glued)
        clubs = {self.article.info("Winners") or "", self.article.info("Second") or ""}
        clubs |= {club for line in self.lines if (club := standing_club(line))}
        clubs |= {match.home for match in self.article.matches}
        clubs |= {match.away for match in self.article.matches if all(match is not g.match for g in open_ones)}
        progress = True
        while open_ones and progress:
            progress = False
            for glued in list(open_ones):
                split = split_away(glued.text, clubs, glued.match.stadium)
                if split is not None:
                    self._set_away(glued, split.club, split.venue)
                    clubs.add(split.club)
                    open_ones.remove(glued)
                    progress = True
        for glued in open_ones:
            match = glued.match
            not_read(
                self.article,
                glued.line,
                self.lines[glued.line - 1].strip(),
                self.lenient,
                f"which words of {glued.text!r} are the away club and which the venue's city is open: "
                "no other match, leg or infobox row names the club, and the stadium line names no city",
            )
            self.article.matches.remove(match)
            self.article.aggregates = [a for a in self.article.aggregates if a.line != match.line]

    def _set_away(self, glued: _GluedAway, club: str, venue: str | None) -> None:
        match = glued.match
        match.away = club
        if match.stadium is None:
            match.stadium = venue
        if glued.text in match.teams:
            match.teams[club] = match.teams.pop(glued.text)
            match.teams[club].club = club
        self.article.aggregates = [
            replace(a, away=club) if (a.home, a.away) == (match.home, glued.text) else a
            for a in self.article.aggregates
        ]

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
            _is_report(text)
            or lowered == "penalties"
            or block.shootout
            or _TIME.match(text)
            or _SKIPPED_CELLS.match(text)
            or _NOTES_ONLY.match(text)
            or _is_sentence(text)
        )

    def _event(self, block: _Block, cell: _Cell) -> None:
        text = _without_icons(cell.text)
        # Only where the copy kept no cell separators: a tab or pipe row already divides the clubs' cells.
        untabbed = not re.search(r"\t|\|\s*$", self.lines[cell.line - 1])
        cells = two_cells(text) if untabbed and not block.reported else None
        if cells:
            # The home cell's last event glued to the away cell's first: the line is where the sides divide.
            self._settle(block)
            block.home.append((cells[0], cell.line))
            block.away.append((cells[1], cell.line))
            block.reported = block.started = True
            block.side = 1
            return
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
            # Minutes that are no readable event: several players in one cell with nothing between them (a mirror
            # that lost the goal and card icons), so which minute is whose goal or card is open.
            why = "several events with nothing between them" if re.search(r"\d['\u2032\u2019]", cell.text) else ""
            not_read(self.article, cell.line, cell.text, self.lenient, why or "a name with neither a minute nor a card")

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
        if not block.reported and (sides := _split_by_score(match, block.home)) is not None:
            # No `Report` cell, but the score says whose they are: the home cell is copied before the away cell.
            block.reported = True
            block.home, block.away = sides
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


def _glued_infobox_row(text: str) -> tuple[str, str] | None:
    """`Goals scored27 (2.45 per match)` -> (`goals scored`, `27 (2.45 per match)`): the longest infobox key the
    line starts with, then (glued on, or after one space) a short value that starts with a capital or a digit."""
    for key in sorted(_INFOBOX, key=len, reverse=True):
        value = text[len(key) :].removeprefix(" ")
        if text[: len(key)].casefold() == key and (value[:1].isupper() or value[:1].isdigit()) and len(value) <= 40:
            return key, value
    return None


def _split_by_score(
    match: RawMatch, events: list[tuple[str, int]]
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]] | None:
    """Events with no `Report` cell between them, split into the home cell's and the away cell's: possible when
    they are goals only, as many as the score, and the first `home score` of them end on a line of their own.
    None when the split stays open (cards, another count, or a line holding goals of both sides)."""
    if match.home_score is None or match.away_score is None:
        return None
    counted = total = home_lines = 0
    for text, _ in events:
        entries = parse_entries(text)
        if not entries or any(entry.cards or not entry.minutes for entry in entries):
            return None
        goals = sum(len(entry.minutes) for entry in entries)
        if counted < match.home_score:
            counted, home_lines = counted + goals, home_lines + 1
        total += goals
    if counted != match.home_score or total - counted != match.away_score:
        return None
    return events[:home_lines], events[home_lines:]


def _is_report(text: str) -> bool:
    """The cell between the clubs' events: `Report` (a link, perhaps with words after it) or `Summary`."""
    return text.casefold().startswith("report") or text.casefold() == "summary"


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
