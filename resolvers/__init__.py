"""Resolvers: read the database for the GraphQL schema, through per-request DataLoaders; no HTTP here."""
