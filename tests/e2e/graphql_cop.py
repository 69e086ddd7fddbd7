"""The thirteen checks of graphql-cop (github.com/dolevf/graphql-cop, its current main), rewritten for our tests.

graphql-cop is not installable from PyPI (the name there holds an empty placeholder), so each of its
thirteen checks is restated here with the same request, the same verdict rule and the same severity.
`audit(url)` returns the findings: the checks that found the weakness they look for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

USER_AGENT = {"User-Agent": "graphql-cop"}


@dataclass(frozen=True)
class Finding:
    title: str
    severity: str


def _post(url: str, payload: Any) -> Any:
    """graphql-cop's graph_query: POST JSON, operation name "cop" unless it is a batch."""
    body = payload if isinstance(payload, list) else {"query": payload, "operationName": "cop"}
    try:
        return httpx.post(url, json=body, headers=USER_AGENT, timeout=60).json()
    except ValueError:
        return {}


def _get(url: str, params: dict[str, str] | None = None, method: str = "GET") -> httpx.Response:
    return httpx.request(method, url, params=params, headers=USER_AGENT, timeout=20, follow_redirects=True)


def _data(body: Any, *keys: str) -> Any:
    try:
        for key in keys:
            body = body[key]
    except (KeyError, TypeError, IndexError):
        return None
    return body


def field_suggestions(url: str) -> bool:
    message = _data(_post(url, "query cop { __schema { directive } }"), "errors", 0, "message")  # type: ignore[arg-type]
    return "Did you mean" in (message or "")


def introspection(url: str) -> bool:
    return bool(
        _data(_post(url, "query cop { __schema { types { name fields { name } } } }"), "data", "__schema", "types")
    )


def graphql_ide(url: str) -> bool:
    base = url.rsplit("/", 1)[0]
    heuristics = ("graphiql.min.css", "GraphQL Playground", "GraphiQL", "graphql-playground")
    return any(
        any(word in _get(base + endpoint).text for word in heuristics)
        for endpoint in ("/graphiql", "/playground", "/console", "/graphql")
    )


def get_method_support(url: str) -> bool:
    return _json_data(_get(url, {"query": "{__typename}"}))


def alias_overloading(url: str) -> bool:
    aliases = "".join(f"alias{i}:__typename \n" for i in range(101))
    return bool(_data(_post(url, "query cop { " + aliases + " }"), "data", "alias100"))


def batch_query(url: str) -> bool:
    body = _post(url, [{"query": "query cop { __typename }"}] * 10)
    return isinstance(body, list) and len(body) >= 10


def field_duplication(url: str) -> bool:
    return bool(_data(_post(url, "query cop { " + "__typename \n" * 500 + "} "), "data", "__typename"))


def trace_mode(url: str) -> bool:
    body = _post(url, "query cop { __typename }")
    errors = body.get("errors") if isinstance(body, dict) else None
    extensions = errors.get("extensions", {}) if isinstance(errors, dict) else {}
    return bool(extensions.get("tracing") or extensions.get("exception")) or "stacktrace" in str(body).lower()


def directive_overloading(url: str) -> bool:
    errors = _data(_post(url, "query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }"), "errors")
    return isinstance(errors, list) and len(errors) == 10


def circular_introspection(url: str) -> bool:
    query = "query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }"
    types = _data(_post(url, query), "data", "__schema", "types")
    return isinstance(types, list) and len(types) > 25


def get_based_mutation(url: str) -> bool:
    return _json_data(_get(url, {"query": "mutation cop {__typename}"}))


def post_based_csrf(url: str) -> bool:
    return _json_data(_get(url, {"query": "query cop {__typename}"}, method="POST"))


def unhandled_errors(url: str) -> bool:
    body = _post(url, "qwerty cop { abc }")
    return (
        bool(_data(body, "errors", 0, "extensions", "exception")) or "'extensions': {'exception':" in str(body).lower()
    )


def _json_data(response: httpx.Response) -> bool:
    try:
        return bool(_data(response.json(), "data", "__typename"))
    except ValueError:
        return False


CHECKS: dict[str, tuple[str, Callable[[str], bool]]] = {
    "Field Suggestions": ("LOW", field_suggestions),
    "Introspection": ("HIGH", introspection),
    "GraphQL IDE": ("LOW", graphql_ide),
    "GET Method Query Support": ("MEDIUM", get_method_support),
    "Alias Overloading": ("HIGH", alias_overloading),
    "Array-based Query Batching": ("HIGH", batch_query),
    "Field Duplication": ("HIGH", field_duplication),
    "Trace Mode": ("INFO", trace_mode),
    "Directive Overloading": ("HIGH", directive_overloading),
    "Introspection-based Circular Query": ("HIGH", circular_introspection),
    "Mutation is allowed over GET (possible CSRF)": ("MEDIUM", get_based_mutation),
    "POST based url-encoded query (possible CSRF)": ("MEDIUM", post_based_csrf),
    "Unhandled Errors Detection": ("INFO", unhandled_errors),
}


def audit(url: str) -> set[Finding]:
    """What graphql-cop would report against the GraphQL endpoint at `url`."""
    return {Finding(title, severity) for title, (severity, check) in CHECKS.items() if check(url)}
