"""Which of the bench's and GraphiQL's example documents run as compiled plans rather than through strawberry.

Each document is asked once of an in-process cupql with `--debug-sql` over the bench's database; its
`extensions.plan.execution` says how it ran (see `schema.compiled`).
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from bench.queries import LOAD_QUERIES, SCALE_QUERIES
from cupql.app import create_app
from cupql.graphiql import _EXAMPLE_QUERIES
from cupql.settings import Settings


def documents() -> dict[str, str]:
    """The bench's documents and GraphiQL's examples, by a name for the report."""
    named = {f"bench {query.name}": query.cupql.query for query in LOAD_QUERIES}
    named |= {f"bench {query.name}": query.request.query for query in SCALE_QUERIES}
    for example in _EXAMPLE_QUERIES:
        named[f"GraphiQL {example.split('query ', 1)[1].split()[0]}"] = example
    return named


async def _executions(database_url: str) -> dict[str, str]:
    app = create_app(Settings(database_url=database_url, debug_sql=True))
    transport = httpx.ASGITransport(app=app)
    executions = {}
    async with app.router.lifespan_context(app), httpx.AsyncClient(transport=transport, base_url="http://b") as http:
        for name, query in documents().items():
            body = (await http.post("/graphql", json={"query": query})).json()
            executions[name] = body.get("extensions", {}).get("plan", {}).get("execution", "interpreted")
    return executions


def measure_compiled_share(database_url: str) -> dict[str, Any]:
    """How each document ran, and the share that ran compiled."""
    executions = asyncio.run(_executions(database_url))
    compiled = sum(execution == "compiled" for execution in executions.values())
    return {
        "documents": len(executions),
        "compiled": compiled,
        "share": round(compiled / len(executions), 3),
        "executions": executions,
    }
