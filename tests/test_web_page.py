"""The page at / (cupql/web_page.py) over HTTP: served with its files, revalidated, compressed; GraphiQL linked only
where it is served."""

from __future__ import annotations

from cupql.settings import Settings
from tests.conftest import api_client


async def test_serves_the_page_and_its_files(loaded_database_url: str) -> None:
    async with api_client(Settings(database_url=loaded_database_url)) as http:
        page = await http.get("/")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert page.headers["cache-control"] == "no-cache"
        assert '<script src="/app/app.js"></script>' in page.text
        assert 'href="/graphql"' in page.text

        script = await http.get("/app/app.js", headers={"Accept-Encoding": "gzip"})
        assert script.status_code == 200
        assert script.headers["content-encoding"] == "gzip"
        assert script.headers["cache-control"] == "no-cache"
        assert "query Overview" in script.text
        assert (await http.get("/app/nothing.js")).status_code == 404


async def test_production_links_no_graphiql(loaded_database_url: str) -> None:
    async with api_client(Settings(database_url=loaded_database_url, production=True)) as http:
        page = await http.get("/")
        assert page.status_code == 200
        assert 'href="/graphql"' not in page.text
