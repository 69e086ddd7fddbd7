"""Read an article's MediaWiki wikitext (export, API or dump) into the same raw pieces as our plain text.

mwparserfromhell parses the markup; this module only knows which templates carry what: the season infobox,
`{{Football box}}` (any spelling) with `{{goal}}`, `{{yel}}`, `{{sent off}}`, `{{pengoal}}`/`{{penmiss}}`,
`{{TwoLegResult}}` rows and `{{fb r}}` grid cells, headings and wikitables. A player's wikilink gives his full
name and a stable identity (the linked article's key).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import mwparserfromhell
from mwparserfromhell.nodes import Heading, Tag, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from cupql.article.names import without_tiers
from cupql.article.parser import (
    GROUP_HEADING,
    Article,
    ArticleError,
    CardMark,
    Entry,
    FormatRow,
    Minute,
    Prose,
    RawMatch,
    ScoreNotes,
    StatedAggregate,
    StatedStanding,
    TeamLine,
    looks_like_score,
    no_match,
    not_read,
    parse_date,
    parse_score_notes,
    round_from_name,
)
from football.vocabulary import CardKind, RoundKind, slug

WIKITEXT = "wikitext"
# The templates, and the module that today's articles invoke directly (`{{#invoke:Football box|main|...}}`).
_BOXES = {"footballbox", "footballboxcollapsible", "#invoke:footballbox", "#invoke:footballboxcollapsible"}
# `{{fb|MAR}}`, `{{fb-rt|ENG}}`, `{{#invoke:flag|fb|MAR}}`: a side the box names only by its code.
_CODE_TEAMS = {"fb", "fb-rt", "#invoke:flag"}
_TWO_LEGS = {"twolegresult", "two-legged", "twoleggedresult"}
_GRID_CELLS = {"fbr", "fbrw"}
# `{{Fb r2 header}}` opens a grid of templates: each `{{Fb r2 team|t=...}}` starts a row of `{{fb r}}` cells.
_GRID_HEADERS = {"fbrheader", "fbr2header"}
_GRID_ROWS = {"fbrteam", "fbr2team"}
_GRID_FOOTERS = {"fbrfooter", "fbr2footer"}
# `{{fb cl2 team|t=...|w=|d=|l=|gf=|ga=}}`: a group table's row, with the figures it states.
_TABLE_ROWS = {"fbcl2team", "fbclteam"}
_RESULT_MODULES = {"#invoke:sportsresults", "#invoke:sportstable"}
_NO_RESULT = {"", "\u2014", "\u2013", "-", "\u00d7", "x"}
_MINUTE_TEXT = re.compile(r"^(\d+)(?:\s*\+\s*(\d+))?['\u2032\u2019]?$")
_SCORE_TEXT = re.compile(r"(\d+)\s*[-\u2013\u2014]\s*(\d+)")
_PARENTHESISED = re.compile(r"\s*\(.*\)\s*$")
# Infobox parameter -> the plain format's infobox key.
_INFOBOX_KEYS = {
    "title": "Title",
    "tourney_name": "Title",
    "year": "Year",
    "country": "Country",
    "num_teams": "Num Teams",
    "winners": "Winners",
    "champions": "Winners",
    "champion": "Winners",
    "second": "Second",
    "runner-up": "Second",
    "runners-up": "Second",
    "matches": "Matches",
    "goals": "Goals",
    "updated": "Updated",
}
_COUNTS = {"Num Teams", "Matches", "Goals"}


def template_name(template: Template) -> str:
    """`Football box collapsible`, `footballbox`, `Football_box` -> a key without case, spaces or underscores."""
    return re.sub(r"[\s_]+", "", str(template.name).strip().casefold())


def looks_like_wikitext(text: str) -> bool:
    """Whether `text` is wikitext: a match box, an infobox or a result template, or bold title and links."""
    if re.search(r"\{\{\s*(?:football[ _]?box|infobox football|fb r\b|two[ -]?leg)", text, re.IGNORECASE):
        return True
    return "'''" in text and "[[" in text


@dataclass
class _GridRow:
    club: str
    line: int
    cells: list[tuple[Template, int]] = field(default_factory=list)


@dataclass
class _State:
    round: RoundKind | None = None
    group: str | None = None
    last_match: RawMatch | None = None
    # The rows of an open `{{Fb r2 header}}` grid, read when its footer (or the next heading) closes it.
    grid: list[_GridRow] | None = None


class WikitextReader:
    """Walks the top-level nodes of the parsed article, keeping each node's line number."""

    def __init__(self, text: str, source: str, lenient: bool) -> None:
        self.text = text
        self.source = source
        self.lenient = lenient
        self.code = mwparserfromhell.parse(text)
        self.article = Article(source, "", 1, {}, [], [], [], {}, [], [], format=WIKITEXT)

    def fail(self, line: int, message: str) -> ArticleError:
        return ArticleError(self.source, line, message)

    def read(self) -> Article:
        state = _State()
        offset = 0
        pending: list[tuple[str, int]] = []
        for node in self.code.nodes:
            written = str(node)
            line = self.text.count("\n", 0, offset) + 1
            offset += len(written)
            if isinstance(node, Template | Heading) or (isinstance(node, Tag) and str(node.tag) == "table"):
                self._prose(pending, state)
                pending = []
            if isinstance(node, Heading):
                self._close_grid(state)
                self._heading(node, line, state)
            elif isinstance(node, Template):
                self._template(node, line, state)
            elif isinstance(node, Tag) and str(node.tag) == "table":
                self._table(node, line, state)
            else:
                pending.append((written, line))
        self._prose(pending, state)
        self._close_grid(state)
        self._title()
        if not self.article.matches and not self.article.results:
            raise no_match(
                self.article,
                self.article.title_line,
                "{{Football box}} templates under round headings, and read to the end "
                f"(line {self.text.count(chr(10)) + 1}) without one",
            )
        return self.article

    def _title(self) -> None:
        title, year = self.article.info("Title"), self.article.info("Year")
        season = re.match(r"\d{4}(?:[-\u2013]\d{2,4})?", year or "")
        if title and season:
            self.article.title = f"{season[0]} {title}"
            return
        bold = re.search(r"'''(.+?)'''", self.text)
        lead = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", bold[1]) if bold else ""
        if re.match(r"\d{4}", lead):
            self.article.title = lead
            competition = re.sub(r"^\d{4}(?:[-\u2013]\d{2,4})?\s+", "", lead)
            self.article.infobox.setdefault("Title", (competition, 1))
            self.article.title_line = self.text.count("\n", 0, bold.start()) + 1 if bold else 1
            return
        raise self.fail(1, "not a season article: expected an infobox with a title and a year, or a bold title")

    def _heading(self, node: Heading, line: int, state: _State) -> None:
        name = node.title.strip_code().strip()
        group = GROUP_HEADING.match(name)
        kind = round_from_name(name)
        state.last_match = None
        if group:
            state.group = group["name"]
            state.round = RoundKind.GROUP_STAGE
            self.article.group_lines.setdefault(group["name"], line)
        elif kind is not None or node.level == 2:
            state.round, state.group = kind, None

    def _prose(self, pending: list[tuple[str, int]], state: _State) -> None:
        if not pending:
            return
        first_line = pending[0][1]
        for number, raw in enumerate("".join(text for text, _ in pending).split("\n")):
            text = " ".join(mwparserfromhell.parse(raw).strip_code().split())
            line = first_line + number
            if not text:
                continue
            if state.round is not None and looks_like_score(text):
                not_read(self.article, line, text, self.lenient)
            elif state.last_match is not None:
                state.last_match.prose.append((text, line))
            else:
                self.article.prose.append(Prose(state.round, text, line))

    def _template(self, template: Template, line: int, state: _State) -> None:
        name = template_name(template)
        if name.startswith("infoboxfootball"):
            self._infobox(template, line)
        elif name in _BOXES:
            match = self._box(template, line, state)
            self.article.matches.append(match)
            state.last_match = match
        elif name in _TWO_LEGS:
            self._two_legs(template, line, state)
        elif name in _RESULT_MODULES:
            self._module_results(template, line, state)
        elif name in _GRID_HEADERS:
            self._close_grid(state)
            state.grid = []
        elif name in _GRID_ROWS and state.grid is not None:
            named = {str(p.name).strip().casefold(): p.value for p in template.params if p.showkey}
            state.grid.append(_GridRow(without_tiers(plain(named.get("t"))), line))
        elif name in _GRID_CELLS and state.grid:
            state.grid[-1].cells.append((template, line))
        elif name in _GRID_CELLS:
            not_read(self.article, line, str(template), self.lenient, "a result cell outside a results grid")
        elif name in _GRID_FOOTERS:
            self._close_grid(state)
        elif name in _TABLE_ROWS:
            stated = {str(p.name).strip().casefold(): plain(p.value) for p in template.params if p.showkey}
            self._stated_row(state, without_tiers(stated.get("t", "")), stated, ("w", "d", "l", "gf", "ga"), line)

    def _close_grid(self, state: _State) -> None:
        """Read a template grid by position, as the page shows it: row i's cell j is club i at home to club j."""
        rows, state.grid = state.grid or [], None
        clubs = [row.club for row in rows]
        for index, row in enumerate(rows):
            square = len(row.cells) == len(rows) and all(clubs)
            for column, (cell, line) in enumerate(row.cells):
                code = mwparserfromhell.parse(str(cell))
                if not square or column == index:
                    if _score_text(code).casefold() not in _NO_RESULT:
                        why = "a results grid whose rows and columns are not the same clubs"
                        not_read(self.article, line, str(cell), self.lenient, why)
                    continue
                self._cell(row.club, clubs[column], code, line, state)

    def _infobox(self, template: Template, line: int) -> None:
        for param in template.params:
            key = _INFOBOX_KEYS.get(str(param.name).strip().casefold())
            if key is None:
                continue
            value = plain(param.value)
            if key in _COUNTS:
                value = (re.match(r"\d+", value.replace(",", "")) or [""])[0]
            elif key in ("Winners", "Second"):
                value = without_tiers(_PARENTHESISED.sub("", value))
            if value:
                self.article.infobox[key] = (value, line + str(template).count("\n", 0, _position(template, param)))

    def _box(self, template: Template, line: int, state: _State) -> RawMatch:
        params = {str(p.name).strip().casefold(): p for p in template.params if p.showkey}

        def value(key: str) -> Wikicode | None:
            param = params.get(key)
            return param.value if param is not None else None

        def line_of(key: str) -> int:
            param = params.get(key)
            return line + str(template).count("\n", 0, _position(template, param)) if param is not None else line

        home, away = _team(value("team1")), _team(value("team2"))
        if not home or not away:
            raise self.fail(line, "a match box without team1 and team2")
        date = _date(value("date"))
        if date is None and plain(value("date")):
            raise self.fail(line_of("date"), f"unreadable date {plain(value('date'))!r} in the match box")
        kind = state.round or round_from_name(plain(value("round")))
        if kind is None:
            raise self.fail(line, f"{home} v {away} is under no round heading cupql knows")
        home_score, away_score, notes = self._score(value("score"), line_of("score"))
        aet = plain(value("aet")).casefold()
        if aet and aet not in ("no", "n"):
            notes.extra_time = True
        penalties = _SCORE_TEXT.search(plain(value("penaltyscore")))
        if penalties:
            notes.home_penalties, notes.away_penalties = int(penalties[1]), int(penalties[2])
        elif notes.home_penalties is None and (value("penalties1") or value("penalties2")):
            scored = [_count(value(f"penalties{side}"), "pengoal") for side in (1, 2)]
            if any(scored):
                notes.home_penalties, notes.away_penalties = scored
        match = RawMatch(
            line=line,
            date=date,
            round=kind,
            group=state.group if kind is RoundKind.GROUP_STAGE else None,
            home=home,
            away=away,
            home_score=home_score,
            away_score=away_score,
            notes=notes,
            stadium=plain(value("stadium")) or None,
            referee=_PARENTHESISED.sub("", plain(value("referee"))) or None,
        )
        attendance = plain(value("attendance")).replace(",", "").replace(".", "").replace(" ", "")
        if attendance:
            if not attendance.isdigit():
                raise self.fail(line_of("attendance"), f"unreadable attendance {plain(value('attendance'))!r}")
            match.attendance = int(attendance)
        for side, club in (("goals1", home), ("goals2", away)):
            # A line of bare `{{goal}}`/`{{yel}}` templates names no player, but its minutes and cards still count.
            events = value(side)
            read = entries(events) if events is not None else []
            if read:
                match.teams[club] = TeamLine(club, read, line_of(side))
        if notes.aggregate:
            self.article.aggregates.append(StatedAggregate(home, away, *notes.aggregate, line_of("score")))
        return match

    def _score(self, code: Wikicode | None, line: int) -> tuple[int | None, int | None, ScoreNotes]:
        read = read_score(_score_text(code))
        if isinstance(read, str):
            raise self.fail(line, f"{read} in the match box")
        return read

    def _two_legs(self, template: Template, line: int, state: _State) -> None:
        """`{{TwoLegResult|team1|nation1|aggregate|team2|nation2|leg1|leg2}}`: an aggregate to check the legs
        against, and both legs (each written with team1's goals first; team1 at home in the first) as undated
        results, served where no match box gives them."""
        args = [p.value for p in template.params if not p.showkey]
        home, away = (without_tiers(plain(args[index])) for index in (0, 3)) if len(args) >= 4 else ("", "")
        if not home or not away or state.round is None:
            why = "a two-legged result needs both clubs" if state.round else "a two-legged result under no round"
            not_read(self.article, line, str(template), self.lenient, why)
            return
        aggregate = _SCORE_TEXT.search(_score_text(args[2]))
        if aggregate:
            self.article.aggregates.append(StatedAggregate(home, away, int(aggregate[1]), int(aggregate[2]), line))
        for leg, code in enumerate(args[5:7], start=1):
            read = read_score(_score_text(code))
            if isinstance(read, str):
                not_read(self.article, line, str(template), self.lenient, f"leg {leg}: {read}")
                continue
            first, second, notes = read
            if leg == 2:
                first, second = second, first
                notes.home_penalties, notes.away_penalties = notes.away_penalties, notes.home_penalties
            hosts, guests = (home, away) if leg == 1 else (away, home)
            self._result(RawMatch(line, None, state.round, None, hosts, guests, first, second, notes, leg=leg))
        if len(args) < 7:
            not_read(self.article, line, str(template), self.lenient, "a two-legged result without both legs")

    def _result(self, match: RawMatch) -> None:
        self.article.results.append(match)
        if match.notes.aggregate:
            self.article.aggregates.append(StatedAggregate(match.home, match.away, *match.notes.aggregate, match.line))

    def _module_results(self, template: Template, line: int, state: _State) -> None:
        """`{{#invoke:Sports results|main|team1=AKT|...|name_AKT=[[FC Aktobe|Aktobe]]|match_AKT_KYZ=2–0}}` (and
        the sports-table module with its matches): each `match_HOME_AWAY` is an undated result."""
        params = {str(p.name).strip().casefold(): p for p in template.params if p.showkey}
        codes = [plain(p.value) for key, p in params.items() if re.fullmatch(r"team\d+", key)]
        if "team_order" in params:
            codes = [code.strip() for code in plain(params["team_order"].value).split(",") if code.strip()]
        names = {
            code: without_tiers(plain(named.value)) if (named := params.get(f"name_{code}".casefold())) else code
            for code in codes
        }
        for code in codes:
            keys = tuple(f"{figure}_{code}".casefold() for figure in ("win", "draw", "loss", "gf", "ga"))
            if template_name(template) == "#invoke:sportstable" and keys[0] in params:
                at = line + _lines_before(template, params[keys[0]])
                self._stated_row(state, names[code], {k: plain(p.value) for k, p in params.items()}, keys, at)
        for home in codes:
            for away in codes:
                cell = params.get(f"match_{home}_{away}".casefold())
                if home != away and cell is not None:
                    self._cell(names[home], names[away], cell.value, line + _lines_before(template, cell), state)

    def _stated_row(self, state: _State, club: str, named: dict[str, str], keys: tuple[str, ...], line: int) -> None:
        """A table row's wins, draws, losses and goals (under `keys`), kept to check against the matches read; a
        row whose figures are not all numbers states nothing to check."""
        figures = [named.get(key, "").strip() for key in keys]
        if club and all(figure.isdigit() for figure in figures):
            won, drawn, lost, scored, conceded = (int(figure) for figure in figures)
            self.article.tables.append(
                StatedStanding(state.group, club, None, won, drawn, lost, scored, conceded, line)
            )

    def _cell(self, home: str, away: str, code: Wikicode, line: int, state: _State) -> None:
        """One result of a group grid: a score, a walkover, or nothing (not played, or the grid's diagonal)."""
        text = _score_text(code)
        if text.casefold() in _NO_RESULT:
            return
        read = read_score(text)
        if isinstance(read, str) or state.round is None:
            why = read if isinstance(read, str) else "a result under no round heading"
            not_read(self.article, line, text, self.lenient, f"{home} v {away}: {why}")
            return
        group = state.group if state.round is RoundKind.GROUP_STAGE else None
        self._result(RawMatch(line, None, state.round, group, home, away, *read))

    def _table(self, table: Tag, line: int, state: _State) -> None:
        """A format table (`Round | Clubs remaining | Clubs involved | First match date`) becomes format rows; a
        results grid (rows and columns of the same clubs, `{{fb r}}` or plain scores in its cells) undated results;
        `{{TwoLegResult}}` rows inside a table are read as outside one."""
        written = str(table)
        for template in table.contents.filter_templates(recursive=True):
            if template_name(template) in _TWO_LEGS | _RESULT_MODULES:
                self._template(template, line + written.count("\n", 0, max(written.find(str(template)), 0)), state)
        rows = [
            [cell for cell in row.contents.filter_tags(recursive=False) if str(cell.tag) in ("td", "th")]
            for row in table.contents.filter_tags(recursive=False)
            if row.tag == "tr"
        ]
        if self._grid(table, [cells for cells in rows if len(cells) > 1], line, state):
            return
        for row_number, row in enumerate(rows):
            cells = [" ".join(cell.contents.strip_code().split()) for cell in row]
            kind = round_from_name(cells[0]) if cells else None
            if kind is None or len(cells) != 4 or state.round is not None:
                continue
            try:
                date = parse_date(cells[3]) if cells[3] else None
            except ValueError:
                date = None  # a year-only or partial date states no first match day
            counts = [int(c) if c.isdigit() else None for c in cells[1:3]]
            self.article.format_rows.append(FormatRow(kind, counts[0], counts[1], date, line + row_number))

    def _grid(self, table: Tag, rows: list[list[Tag]], line: int, state: _State) -> bool:
        """Read `table` as a results grid if it is one: the club of row i is the club of column i, and the cell
        where they cross is blank or a dash. A table with `{{fb r}}` cells that does not pair up is refused."""
        written = str(table)
        cells_read = any(template_name(t) in _GRID_CELLS for t in table.contents.filter_templates(recursive=True))
        clubs = [without_tiers(plain(cells[0].contents)) for cells in rows]
        square = bool(rows) and all(
            len(cells) == len(rows) + 1 and _score_text(cells[index + 1].contents).casefold() in _NO_RESULT
            for index, cells in enumerate(rows)
        )
        scored = square and any(_SCORE_TEXT.search(_score_text(c.contents)) for cells in rows for c in cells[1:])
        if not (square and (cells_read or scored)):
            if cells_read:
                for template in table.contents.filter_templates(recursive=True):
                    if template_name(template) in _GRID_CELLS:
                        at = line + written.count("\n", 0, max(written.find(str(template)), 0))
                        why = "a results grid whose rows and columns are not the same clubs"
                        not_read(self.article, at, str(template), self.lenient, why)
            return cells_read
        position = 0
        for home, cells in zip(clubs, rows, strict=True):
            for away, cell in zip(clubs, cells[1:], strict=True):
                position = written.find(str(cell), position)
                if home != away:
                    self._cell(home, away, cell.contents, line + written.count("\n", 0, max(position, 0)), state)
        return True


def plain(code: Wikicode | None) -> str:
    """The text a reader sees: templates dropped, links as their text, spaces collapsed."""
    return " ".join(code.strip_code().split()) if code is not None else ""


def _team(code: Wikicode | None) -> str:
    """A box's team: the club its link or text names, else the code a `{{fb|MAR}}` template gives."""
    name = without_tiers(plain(code))
    if name or code is None:
        return name
    for template in code.filter_templates(recursive=False):
        shown = [plain(p.value) for p in template.params if not p.showkey]
        if template_name(template) in _CODE_TEAMS and shown:
            return shown[-1]
    return ""


def _score_text(code: Wikicode | None) -> str:
    """A score as written: `{{score link|...|2–1}}` and `[[...|2–1]]` give their shown text."""
    if code is None:
        return ""
    parts = []
    for node in code.nodes:
        named = (
            {str(p.name).strip().casefold(): plain(p.value) for p in node.params if p.showkey}
            if isinstance(node, Template)
            else {}
        )
        if isinstance(node, Template) and template_name(node) in _GRID_CELLS and named.get("gf") and named.get("ga"):
            # `{{fb r|gf=1|ga=2}}`: the row club's goals, then the column club's.
            parts.append(f"{named['gf']}\u2013{named['ga']}")
        elif isinstance(node, Template) and template_name(node) in ("scorelink", "score", *_GRID_CELLS):
            shown = [p.value for p in node.params if not p.showkey]
            # `{{score link|target|2–1}}` shows its last argument, `{{fb r|2–1}}` its first.
            index = 0 if template_name(node) in _GRID_CELLS else -1
            parts.append(plain(shown[index]) if shown else "")
        elif isinstance(node, Template):
            continue
        else:
            parts.append(plain(mwparserfromhell.parse(str(node))))
    return " ".join(" ".join(parts).split())


def _position(template: Template, param: object) -> int:
    return max(str(template).find(str(param)), 0)


def _lines_before(template: Template, param: object) -> int:
    return str(template).count("\n", 0, _position(template, param))


def read_score(text: str) -> tuple[int | None, int | None, ScoreNotes] | str:
    """A score as a box or a grid writes it (`2–1 (a.e.t.)`, `w/o`), or why it cannot be read."""
    found = _SCORE_TEXT.search(text)
    walkover = re.search(r"\bw/?o\b|walkover", text, re.IGNORECASE)
    if found is None and not walkover:
        return f"unreadable score {text!r}"
    rest = text[found.end() :] if found else text[walkover.end() :] if walkover else ""
    notes = parse_score_notes(rest)
    if isinstance(notes, str):
        return f"unknown note ({notes}) on the score {text!r}"
    if walkover:
        notes.awarded = notes.walkover = True
    if found is None:
        return None, None, notes
    return int(found[1]), int(found[2]), notes


def _date(code: Wikicode | None) -> dt.date | None:
    if code is None:
        return None
    for template in code.filter_templates(recursive=False):
        if template_name(template) in ("startdate", "dts", "date"):
            numbers = [plain(p.value) for p in template.params if not p.showkey]
            if len(numbers) >= 3 and all(n.isdigit() for n in numbers[:3]):
                return dt.date(*(int(n) for n in numbers[:3]))
    text = plain(code)
    found = re.search(r"\d{1,2} [A-Z][a-z]+\.? \d{4}|[A-Z][a-z]+\.? \d{1,2}, \d{4}", text)
    try:
        return parse_date(found[0]) if found else None
    except ValueError:
        return None


def _count(code: Wikicode | None, name: str) -> int:
    return sum(template_name(t) == name for t in code.filter_templates()) if code is not None else 0


def entries(code: Wikicode) -> list[Entry]:
    """A box's `goals1`/`goals2`: one entry per player, split at `<br>` and new lines."""
    read: list[Entry] = []
    builder = _EntryBuilder()
    for node in code.nodes:
        if (isinstance(node, Tag) and str(node.tag) == "br") or (isinstance(node, Text) and "\n" in node.value):
            parts = node.value.split("\n") if isinstance(node, Text) else ["", ""]
            for index, part in enumerate(parts):
                if index:
                    read += builder.flush()
                builder.text(part)
            continue
        if isinstance(node, Text) and builder.note(node.value):
            continue
        if builder.complete and (isinstance(node, Wikilink) or (isinstance(node, Text) and node.value.strip(" ,;"))):
            read += builder.flush()
        builder.node(node)
    return read + builder.flush()


class _EntryBuilder:
    """Collects one player's name, identity, minutes and cards from the nodes of a goals line."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.identity: str | None = None
        self.minutes: list[Minute] = []
        self.cards: list[CardMark] = []

    @property
    def complete(self) -> bool:
        return bool(self.names and (self.minutes or self.cards))

    def note(self, text: str) -> bool:
        """A goal note written after the template (`{{goal|23}} (pen.)`): applied to the last minute."""
        found = re.fullmatch(r"\s*\((pen\.?|p|o\.\s?g\.?|og)\)\s*", text, re.IGNORECASE)
        if found is None or not self.minutes:
            return False
        self._goal_part(mwparserfromhell.parse(found[1]))
        return True

    def text(self, text: str) -> None:
        """Words of a name; a minute written as text (`*[[Kai Havertz|Havertz]] 54'`) is a goal's minute."""
        words: list[str] = []
        for word in text.replace("\u00a0", " ").split():
            minute = _MINUTE_TEXT.match(word.strip(",;"))
            if minute and word.rstrip(",;")[-1:] in "'\u2032\u2019" and (self.names or words):
                self.minutes.append(Minute(int(minute[1]), int(minute[2]) if minute[2] else None, False, False))
            elif self.minutes and re.fullmatch(r"\((?:pen\.?|p|o\.\s?g\.?|og)\),?", word, re.IGNORECASE):
                self._goal_part(mwparserfromhell.parse(word.strip(",()")))
            else:
                words.append(word)
        named = " ".join(words).strip(",;*# ")
        if named:
            self.names.append(named)

    def node(self, node: object) -> None:
        if isinstance(node, Wikilink):
            target = str(node.title).strip()
            if target.casefold().startswith(("file:", "image:")):
                return
            self.names.append(_PARENTHESISED.sub("", target).strip())
            self.identity = slug(_PARENTHESISED.sub("", target))
        elif isinstance(node, Template):
            self._template(node)
        elif isinstance(node, Text):
            self.text(node.value)
        elif isinstance(node, Tag) and str(node.tag) == "sup" and self.minutes:
            self._stoppage(plain(node.contents))

    def _template(self, template: Template) -> None:
        name = template_name(template)
        args = [p.value for p in template.params if not p.showkey]
        if name in ("goal", "goals"):
            for arg in args:
                self._goal_part(arg)
        elif name in ("yel", "yellowcard", "yc"):
            self.cards += [_card(CardKind.YELLOW, arg) for arg in args] or [_card(CardKind.YELLOW, None)]
        elif name in ("sentoff", "redcard", "rc", "red"):
            self._sent_off(name, args)
        elif name in ("abbr", "sup") and args:
            self._stoppage(plain(args[0])) if name == "sup" else self.text(plain(args[0]))

    def _goal_part(self, arg: Wikicode) -> None:
        text = _note_text(arg)
        minute = _MINUTE_TEXT.match(text)
        if minute:
            stoppage = int(minute[2]) if minute[2] else None
            self.minutes.append(Minute(int(minute[1]), stoppage, False, False))
            return
        if not self.minutes:
            return
        note = re.sub(r"[\s.()]", "", text.casefold())
        last = self.minutes[-1]
        if note in ("pen", "p", "penalty", "penaltykick"):
            self.minutes[-1] = Minute(last.minute, last.stoppage, True, last.own_goal)
        elif note in ("og", "owngoal"):
            self.minutes[-1] = Minute(last.minute, last.stoppage, last.penalty, True)
        elif note.startswith("+") and note[1:].isdigit():
            self._stoppage(note)

    def _stoppage(self, text: str) -> None:
        found = re.fullmatch(r"\+?\s*(\d+)['\u2032]?", text.strip())
        if found and self.minutes:
            last = self.minutes[-1]
            self.minutes[-1] = Minute(last.minute, int(found[1]), last.penalty, last.own_goal)

    def _sent_off(self, name: str, args: list[Wikicode]) -> None:
        """`{{sent off|0|80}}` a straight red; `{{sent off|2|28|81}}` a second yellow (at 28 and 81). Without the
        count of yellow cards first (`{{sent off|81}}`), the sending-off's kind is not said: UNKNOWN, at its minute."""
        if name != "sentoff":
            self.cards.append(_card(CardKind.RED, args[0] if args else None))
            return
        yellows = plain(args[0]) if args else "0"
        if yellows not in ("", "0", "1", "2"):
            self.cards.append(_card(CardKind.UNKNOWN, args[-1]))
            return
        minutes = args[1:]
        if yellows in ("", "0"):
            self.cards.append(_card(CardKind.RED, minutes[-1] if minutes else None))
            return
        if len(minutes) >= 2 and not any(card.kind is CardKind.YELLOW for card in self.cards):
            self.cards.append(_card(CardKind.YELLOW, minutes[0]))
        self.cards.append(_card(CardKind.SECOND_YELLOW, minutes[-1] if minutes else None))

    def flush(self) -> list[Entry]:
        if not (self.names or self.minutes or self.cards):
            return []
        name = " ".join(self.names) or None
        entry = Entry(name, tuple(self.minutes), tuple(self.cards), self.identity)
        self.names, self.identity, self.minutes, self.cards = [], None, [], []
        return [entry]


def _note_text(code: Wikicode) -> str:
    """A `{{goal}}` argument as text: `{{abbr|pen.|penalty}}` is `pen.`, `45{{sup|+2}}` is `45+2`."""
    parts = []
    for node in code.nodes:
        if isinstance(node, Template) and template_name(node) in ("abbr", "sup"):
            shown = [p.value for p in node.params if not p.showkey]
            parts.append(("+" if template_name(node) == "sup" else "") + (plain(shown[0]).lstrip("+") if shown else ""))
        elif isinstance(node, Tag) and str(node.tag) == "sup":
            parts.append("+" + plain(node.contents).lstrip("+"))
        else:
            parts.append(plain(mwparserfromhell.parse(str(node))))
    return "".join(parts).strip()


def _card(kind: CardKind, code: Wikicode | None) -> CardMark:
    minute = _MINUTE_TEXT.match(_note_text(code)) if code is not None else None
    if minute is None:
        return CardMark(kind, None)
    return CardMark(kind, int(minute[1]), int(minute[2]) if minute[2] else None)


def read_wikitext(text: str, source: str, *, lenient: bool = False) -> Article:
    """Parse wikitext into an Article; what cannot be read is refused at its line (or skipped with `lenient`)."""
    return WikitextReader(text, source, lenient).read()
