"""Schema extensions of our own: the SQL statement count that CUPQL_DEBUG_SQL=1 adds to every response."""

from __future__ import annotations

from typing import Any

from strawberry.extensions import SchemaExtension


class SqlStatementCount(SchemaExtension):
    """Report `extensions.sql.statements`: how many SQL statements the request ran."""

    def get_results(self) -> dict[str, Any]:
        counter = getattr(self.execution_context.context, "sql", None)
        return {"sql": {"statements": counter.statements}} if counter is not None else {}
