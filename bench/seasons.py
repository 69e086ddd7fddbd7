"""Many seasons for the scale run: copies of the bundled article with the year (and its neighbours) rewritten.

The bundled 2024 article names its own year, the previous and the next season (`Prev Season: 2023`); a copy for
year Y names Y-1, Y and Y+1 instead, so the importer reads it as the Y season with every date moved to Y. The copies
are the years before 2024, so the bundled season stays the newest and the queries' answers stay the same.
"""

from __future__ import annotations

import re
from pathlib import Path

from cupql.loading import bundled_articles

BUNDLED_YEAR = 2024
_NEAR_YEARS = re.compile(rf"\b({BUNDLED_YEAR - 1}|{BUNDLED_YEAR}|{BUNDLED_YEAR + 1})\b")


def bundled_article() -> Path:
    """The bundled season's article (the bench assumes exactly one)."""
    (path,) = (path for path in bundled_articles() if path.name.startswith(str(BUNDLED_YEAR)))
    return path


def article_for_year(text: str, year: int) -> str:
    """`text` (the bundled article) moved to `year`."""
    return _NEAR_YEARS.sub(lambda found: str(int(found[0]) - BUNDLED_YEAR + year), text)


def write_older_seasons(directory: Path, count: int) -> list[Path]:
    """Articles for the `count` years before the bundled one, oldest first, written into `directory`."""
    source = bundled_article()
    text = source.read_text(encoding="utf-8")
    paths = []
    for year in range(BUNDLED_YEAR - count, BUNDLED_YEAR):
        path = directory / source.name.replace(str(BUNDLED_YEAR), str(year), 1)
        path.write_text(article_for_year(text, year), encoding="utf-8")
        paths.append(path)
    return paths
