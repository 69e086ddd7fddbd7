"""`cupql load`: read season articles, reconcile them, report, and write them in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import func, make_url, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from tqdm import tqdm

from cupql.article.parser import read_article
from cupql.article.reconcile import build_season
from cupql.article.season import Season
from db import models
from db.engine import sync_engine
from db.migrate import upgrade
from db.store import save_seasons

BUNDLED_ARTICLES = Path(__file__).resolve().parents[1] / "seed_data"


class LoadRefused(Exception):
    """The import was refused (strict mode found disagreements, or the database failed); nothing was written."""


def bundled_articles() -> list[Path]:
    """The season articles shipped in `seed_data/`."""
    return sorted(BUNDLED_ARTICLES.glob("*.txt"))


def read_seasons(paths: Sequence[Path], *, progress: bool) -> list[tuple[Season, str]]:
    """Parse and reconcile every article; the first bad one raises ArticleError naming its file and line."""
    bar = tqdm(paths, desc="reading articles", unit="article", disable=not progress or len(paths) < 2)
    return [(build_season(read_article(path)), str(path)) for path in bar]


def format_report(season: Season, source: str) -> str:
    """The importer's report on one season, as `cupql load` prints it."""
    report = season.report
    counts = ", ".join(f"{kind.value} {count}" for kind, count in report.attributions.items())
    lines = [
        f"{season.name} ({source})",
        f"  matches: {report.matches} (infobox: {season.stated_matches})",
        f"  goals: {report.goals} (infobox: {season.stated_goals})",
        f"  winner: {season.winner}, runner-up: {season.runner_up}",
        f"  goal attributions: {counts}",
        f"  disagreements: {len(report.disagreements)}",
    ]
    lines += [f"    line {d.line}: [{d.code}] {d.message}" for d in report.disagreements]
    return "\n".join(lines)


def write_seasons(database_url: str, seasons: Sequence[tuple[Season, str]]) -> None:
    """Migrate the database, then replace the seasons in one transaction."""
    engine = sync_engine(database_url)
    try:
        upgrade(engine)
        with Session(engine) as session, session.begin():
            save_seasons(session, seasons)
    except SQLAlchemyError as error:
        raise LoadRefused(
            f"the database refused the import, nothing was written: {error.__class__.__name__}: "
            f"{str(error).splitlines()[0]}"
        ) from error
    finally:
        engine.dispose()


def load(
    database_url: str, paths: Sequence[Path], *, strict: bool, echo: Callable[[str], None], progress: bool = True
) -> list[Season]:
    """Read, report on and write `paths`; with `strict`, any disagreement refuses the whole run."""
    seasons = read_seasons(paths, progress=progress)
    for season, source in seasons:
        echo(format_report(season, source))
    disagreements = sum(len(season.report.disagreements) for season, _ in seasons)
    if strict and disagreements:
        raise LoadRefused(f"--strict: {disagreements} disagreement(s) found, nothing was written")
    write_seasons(database_url, seasons)
    return [season for season, _ in seasons]


def seasons_held(database_url: str) -> int:
    """How many seasons the database holds (migrating it first, so a new database holds none)."""
    engine = sync_engine(database_url)
    try:
        upgrade(engine)
        with Session(engine) as session:
            return int(session.scalar(select(func.count()).select_from(models.Season)) or 0)
    finally:
        engine.dispose()


def database_is_empty(database_url: str) -> bool:
    """True when the database has no season yet (or no schema at all)."""
    return seasons_held(database_url) == 0


def load_summary(database_url: str, loaded: Sequence[Season]) -> str:
    """The last line of `cupql load`: which seasons were written, and how many the database holds now."""
    names = list(dict.fromkeys(season.name for season in loaded))
    held = seasons_held(database_url)
    shown_url = make_url(database_url).render_as_string(hide_password=True)
    return f"loaded {', '.join(names)} into {shown_url}; it now holds {held} season{'' if held == 1 else 's'}"
