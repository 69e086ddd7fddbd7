"""`cupql load`: read season articles, reconcile them, report, and write them in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from alembic.util import CommandError
from sqlalchemy import func, make_url, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from tqdm import tqdm

from cupql.article.reader import FORMATS, read_any
from cupql.article.reconcile import build_season
from cupql.import_lock import ImportBusy, import_lock
from cupql.settings import Settings
from db import models
from db.engine import sync_engine
from db.migrate import upgrade
from db.store import save_seasons
from football.errors import one_line
from football.season import ArticleSeason

BUNDLED_ARTICLES = Path(__file__).resolve().parents[1] / "seed_data"
DEFAULT_LOCK_TIMEOUT: float = Settings.import_lock_timeout
_WAITING = "another import is running on this database: waiting up to {:g} s for it to finish"


class LoadRefused(Exception):
    """The import was refused (strict mode found disagreements, or the database failed); nothing was written."""


def bundled_articles() -> list[Path]:
    """The season articles shipped in `seed_data/`."""
    return sorted(BUNDLED_ARTICLES.glob("*.txt"))


def read_seasons(paths: Sequence[Path], *, progress: bool, lenient: bool = False) -> list[tuple[ArticleSeason, str]]:
    """Parse (in whichever format each is written) and reconcile every article; the first bad one raises
    ArticleError naming its file and line. With `lenient`, lines that look like a match but cannot be read are
    listed in the report instead."""
    bar = tqdm(paths, desc="reading articles", unit="article", disable=not progress or len(paths) < 2)
    return [(build_season(read_any(path, lenient=lenient)), str(path)) for path in bar]


def format_report(season: ArticleSeason, source: str) -> str:
    """The importer's report on one season, as `cupql load` prints it."""
    report = season.report
    counts = ", ".join(f"{kind.value} {count}" for kind, count in report.attributions.items())
    lines = [
        f"{season.name} ({source})",
        f"  read as {report.source_format}",
        f"  matches: {report.matches} (infobox: {season.stated_matches})",
        f"  goals: {report.goals} (infobox: {season.stated_goals})",
        f"  winner: {season.winner}, runner-up: {season.runner_up}",
        f"  goal attributions: {counts}",
        f"  disagreements: {len(report.disagreements)}",
    ]
    lines += [f"    line {d.line}: [{d.code}] {d.message}" for d in report.disagreements]
    if report.notes:
        lines.append(f"  notes: {len(report.notes)}")
        lines += [f"    line {n.line}: [{n.code}] {n.message}" for n in report.notes]
    return "\n".join(lines)


def format_counts(seasons: Sequence[ArticleSeason]) -> str:
    """What was read per format: `read per format: wikitext 1 article (5 matches, 13 goals, 5 cards); ...`."""
    parts = []
    for name in FORMATS:
        read = [season.report for season in seasons if season.report.source_format == name]
        if read:
            parts.append(
                f"{name} {len(read)} article{'' if len(read) == 1 else 's'} "
                f"({sum(r.matches for r in read)} matches, {sum(r.goals for r in read)} goals, "
                f"{sum(r.cards for r in read)} cards)"
            )
    return "read per format: " + "; ".join(parts)


def write_seasons(
    database_url: str,
    seasons: Sequence[tuple[ArticleSeason, str]],
    *,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    echo: Callable[[str], None] = lambda _line: None,
) -> None:
    """Migrate the database, then replace the seasons in one transaction, one import at a time."""
    engine = sync_engine(database_url)
    try:
        with import_lock(engine, lock_timeout, lambda: echo(_WAITING.format(lock_timeout))):
            upgrade(engine)
            with Session(engine) as session, session.begin():
                save_seasons(session, seasons)
    except ImportBusy as error:
        raise LoadRefused(f"{error}; nothing was written") from None
    except (SQLAlchemyError, CommandError) as error:
        raise LoadRefused(f"the database refused the import, nothing was written: {one_line(error)}") from error
    finally:
        engine.dispose()


def load(
    database_url: str,
    paths: Sequence[Path],
    *,
    strict: bool,
    echo: Callable[[str], None],
    progress: bool = True,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    lenient: bool = False,
) -> list[ArticleSeason]:
    """Read, report on and write `paths`; with `strict`, any disagreement refuses the whole run; with `lenient`,
    match lines that cannot be read are skipped and listed instead of refusing the article."""
    seasons = read_seasons(paths, progress=progress, lenient=lenient)
    for season, source in seasons:
        echo(format_report(season, source))
    echo(format_counts([season for season, _ in seasons]))
    disagreements = sum(len(season.report.disagreements) for season, _ in seasons)
    if strict and disagreements:
        raise LoadRefused(f"--strict: {disagreements} disagreement(s) found, nothing was written")
    write_seasons(database_url, seasons, lock_timeout=lock_timeout, echo=echo)
    return [season for season, _ in seasons]


def seasons_held(database_url: str, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> int:
    """How many seasons the database holds (migrating it first, under the import lock, so a new database holds none)."""
    engine = sync_engine(database_url)
    try:
        with import_lock(engine, lock_timeout):
            upgrade(engine)
        with Session(engine) as session:
            return int(session.scalar(select(func.count()).select_from(models.SeasonRow)) or 0)
    except ImportBusy as error:
        raise LoadRefused(str(error)) from None
    finally:
        engine.dispose()


def database_is_empty(database_url: str, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> bool:
    """True when the database has no season yet (or no schema at all)."""
    return seasons_held(database_url, lock_timeout=lock_timeout) == 0


def load_summary(database_url: str, loaded: Sequence[ArticleSeason]) -> str:
    """The last line of `cupql load`: which seasons were written, and how many the database holds now."""
    names = list(dict.fromkeys(season.name for season in loaded))
    held = seasons_held(database_url)
    shown_url = make_url(database_url).render_as_string(hide_password=True)
    return f"loaded {', '.join(names)} into {shown_url}; it now holds {held} season{'' if held == 1 else 's'}"
