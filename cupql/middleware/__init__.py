"""Pure ASGI middleware wrapped around the whole application: body limits and request observation."""
