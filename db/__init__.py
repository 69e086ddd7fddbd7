"""The database layer: the SQLAlchemy model, engines, migrations, and the season writer."""
