"""The page at / (cupql/web_page.py) over HTTP: served with its files, revalidated, compressed; GraphiQL linked only
where it is served; its GraphQL documents trusted from start-up; a favicon."""

from __future__ import annotations

import hashlib
import json

from cupql.persisted_queries import PersistedQueries
from cupql.settings import Settings
from cupql.web_page import page_documents
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
        assert "function scoreFrom(match, slug)" in script.text
        assert (await http.get("/app/nothing.js")).status_code == 404


async def test_production_links_no_graphiql(loaded_database_url: str) -> None:
    async with api_client(Settings(database_url=loaded_database_url, production=True)) as http:
        page = await http.get("/")
        assert page.status_code == 200
        assert 'href="/graphql"' not in page.text


def persisted_get(sha256: str, variables: dict[str, object]) -> dict[str, str]:
    return {
        "variables": json.dumps(variables),
        "extensions": json.dumps({"persistedQuery": {"version": 1, "sha256Hash": sha256}}),
    }


async def test_the_page_documents_are_known_by_their_hashes_from_start_up(loaded_database_url: str) -> None:
    # Production too: a persisted GET there needs the preflight header, which the page sends.
    async with api_client(Settings(database_url=loaded_database_url, production=True)) as http:
        page = (await http.get("/")).text
        documents = json.loads(
            page.split('<script id="documents" type="application/json">', 1)[1].split("</script>")[0]
        )
        assert documents == page_documents()
        assert set(documents) == {"ClubPage", "Overview", "Seasons"}
        assert "fragment Score on Match" in documents["ClubPage"] and "fragment Score" in documents["Overview"]
        variables: dict[str, dict[str, object]] = {"ClubPage": {"slug": "aktobe"}, "Overview": {}, "Seasons": {}}
        for name, text in documents.items():
            params = persisted_get(hashlib.sha256(text.encode()).hexdigest(), variables[name])
            answer = await http.get("/graphql", params=params, headers={"graphql-require-preflight": "1"})
            assert answer.status_code == 200 and "errors" not in answer.json(), (name, answer.text)
        # Any other hash still has to be sent with its text once.
        other = persisted_get(hashlib.sha256(b"{ season { year } }").hexdigest(), {})
        missed = await http.get("/graphql", params=other, headers={"graphql-require-preflight": "1"})
        assert missed.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_the_favicon_is_an_svg_at_both_usual_addresses(loaded_database_url: str) -> None:
    async with api_client(Settings(database_url=loaded_database_url)) as http:
        assert '<link rel="icon" href="/favicon.svg" type="image/svg+xml">' in (await http.get("/")).text
        for path in ("/favicon.svg", "/favicon.ico"):
            icon = await http.get(path)
            assert icon.status_code == 200
            assert icon.headers["content-type"] == "image/svg+xml"
            assert icon.text.startswith('<svg xmlns="http://www.w3.org/2000/svg"')


def test_trusted_documents_outlast_a_full_store() -> None:
    # Larger than the whole store, and followed by enough others to evict anything it could hold.
    store = PersistedQueries(max_bytes=200)
    overview = page_documents()["Overview"]
    store.trust(overview)
    for number in range(50):
        store.register(f"{number:064x}", "{ season { year name } }")
    sha256 = hashlib.sha256(overview.encode()).hexdigest()
    assert store.resolve(None, {"persistedQuery": {"version": 1, "sha256Hash": sha256}}) == (overview, None)
