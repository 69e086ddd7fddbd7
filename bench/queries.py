"""The contract queries the benchmark times, and the page-size sweeps that expose an N+1."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContractQuery:
    """A GraphQL query clients depend on, with a short name for the table."""

    name: str
    description: str
    text: str


AKTOBE_RUN = ContractQuery(
    "aktobe-cup-run",
    "Aktobe's cup run with scorers",
    '{ club(name: "aktobe") { cupRun { steps { round opponent { name } goalsFor goalsAgainst result '
    "match { goals { minute scorer { name } attribution } } } } scorers { player { name } goals } } }",
)

ALL_CUP_RUNS_TEMPLATE = (
    "{ clubs(first: %d) { nodes { name cupRun { steps { round opponent { name } "
    "match { goals { minute scorer { name } } cards { kind player { name } } } } } "
    "scorers { player { name } goals } } } }"
)

ALL_MATCHES_TEMPLATE = (
    "{ matches(first: %d) { totalCount nodes { date round home { name } away { name } homeScore awayScore "
    "goals { minute scorer { name nationality } club { name } } cards { kind player { name } club { name } } } } }"
)

ALL_CUP_RUNS = ContractQuery("all-cup-runs", "The cup runs of all 32 clubs", ALL_CUP_RUNS_TEMPLATE % 50)

ALL_MATCHES = ContractQuery(
    "all-matches", "All matches with goals, scorers, cards and clubs", ALL_MATCHES_TEMPLATE % 100
)

GROUP_STANDINGS = ContractQuery(
    "group-standings",
    "Group standings",
    "{ groups { name standings { position club { name } points goalDifference } } }",
)

GOALS_BY_MINUTE = ContractQuery(
    "goals-by-minute",
    "Analyst group-by: goals per minute bucket",
    "{ goals { totalCount groupBy(key: MINUTE_BUCKET) { key count } } }",
)

CONTRACT_QUERIES: tuple[ContractQuery, ...] = (AKTOBE_RUN, ALL_CUP_RUNS, ALL_MATCHES, GROUP_STANDINGS, GOALS_BY_MINUTE)

NAIVE_NAME = "all-cup-runs (naive N+1)"


@dataclass(frozen=True)
class Sweep:
    """One query run at growing page sizes: its statement count must not grow with the page."""

    name: str
    template: str
    sizes: tuple[int, ...]

    def text(self, size: int) -> str:
        return self.template % size


SWEEPS: tuple[Sweep, ...] = (
    Sweep("all-cup-runs", ALL_CUP_RUNS_TEMPLATE, (1, 2, 4, 8, 16, 32)),
    Sweep("all-matches", ALL_MATCHES_TEMPLATE, (1, 2, 5, 10, 20, 41)),
)
