"""The data version a server reads: bumped by every import, unknown while the database cannot be read."""

from __future__ import annotations

import asyncio

from cupql.data_version import DataVersion
from cupql.loading import bundled_articles, load


async def test_every_import_bumps_the_version_a_worker_reads(empty_database_url: str) -> None:
    load(empty_database_url, bundled_articles(), strict=False, echo=lambda _line: None, progress=False)
    changes: list[int] = []
    version = DataVersion(empty_database_url, 0.05, on_change=lambda: changes.append(1))
    try:
        first = await version.current()
        assert first is not None and changes == [1]
        load(empty_database_url, bundled_articles(), strict=False, echo=lambda _line: None, progress=False)
        await asyncio.sleep(0.06)
        assert await version.current() == first + 1
        assert changes == [1, 1]
    finally:
        await version.close()


async def test_an_unreadable_database_leaves_the_version_unknown() -> None:
    version = DataVersion("postgresql://nobody@127.0.0.1:9/nothing", 0.05, on_change=lambda: None)
    try:
        assert await version.current() is None
    finally:
        await version.close()
