"""Schema extensions of our own: the SQL statement count that CUPQL_DEBUG_SQL=1 adds to every response."""

from __future__ import annotations

from typing import Any

from strawberry.extensions import SchemaExtension


class SqlStatementCount(SchemaExtension):
    """Report `extensions.sql.statements`: how many SQL statements the request ran."""

    def get_results(self) -> dict[str, Any]:
        database = getattr(self.execution_context.context, "database", None)
        return {"sql": {"statements": database.statements}} if database is not None else {}
