"""The GraphQL schema: object types, connections, inputs, enums and query limits (assembled in `schema.build`)."""
