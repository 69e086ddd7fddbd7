"""The database layer: the SQLAlchemy model, engines and sessions, migrations, and the season writer."""
