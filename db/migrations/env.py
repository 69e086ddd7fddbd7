"""Alembic environment: runs migrations on the engine that `db.migrate` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from db.models import Base

engine: Engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
