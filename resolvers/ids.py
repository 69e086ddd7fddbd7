"""Global IDs: opaque strings that encode a type name and the row's natural key (stable across databases)."""

from __future__ import annotations

import base64
import binascii


def encode_id(type_name: str, key: str) -> str:
    """The global ID of the `type_name` object stored under `key`."""
    return base64.urlsafe_b64encode(f"{type_name}:{key}".encode()).decode().rstrip("=")


def decode_id(global_id: str) -> tuple[str, str] | None:
    """(type name, key) of a global ID, or None when `global_id` is not one of ours."""
    try:
        text = base64.urlsafe_b64decode(global_id + "=" * (-len(global_id) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    type_name, sep, key = text.partition(":")
    # No key holds a control character, and PostgreSQL could not even compare one holding NUL.
    if not sep or not type_name.isidentifier() or not key or not key.isprintable():
        return None
    return type_name, key
