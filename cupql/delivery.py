"""How responses travel: CORS for browser apps on other origins, and compression of larger bodies.

CORS follows the settings' allowed origins (any, by default: the API is public, read-only and uses no
credentials, so there is nothing a foreign page could misuse). Compression picks br, gzip or zstd from
the client's Accept-Encoding for API responses and static assets alike, above ``COMPRESS_MINIMUM_BYTES``:
zstd only when the client weighs it above both others, since some clients offer it without being able to
read it (Node 20's fetch offers `gzip, deflate, br, zstd` with equal weight and has no zstd decoder).
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette_compress import CompressMiddleware, add_compress_type

from cupql.settings import Settings

# Below this a compressed body saves less than the headers and the work cost.
COMPRESS_MINIMUM_BYTES = 1024
# How long a browser may reuse a preflight answer (Chromium caps it at two hours).
PREFLIGHT_MAX_AGE_SECONDS = 7200

# The GraphQL-over-HTTP media type is not in the library's list of compressible types.
add_compress_type("application/graphql-response+json")


def _weight(accepted: dict[str, float], coding: str) -> float:
    return accepted.get(coding, accepted.get("*", 0.0))


def quality_items(header: str) -> list[tuple[str, float]]:
    """Each item of an `Accept`-style header, lower-cased, with its quality (1 when not given, 0 when unreadable)."""
    items = []
    for part in header.split(","):
        item, *parameters = (token.strip() for token in part.split(";"))
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        items.append((item.lower(), quality))
    return items


def weights(accept_encoding: str) -> dict[str, float]:
    """Each coding of an Accept-Encoding header with its quality (1 when not given, 0 when unreadable)."""
    return {coding: quality for coding, quality in quality_items(accept_encoding) if coding}


def prefers_zstd(accept_encoding: str) -> bool:
    """Whether the client weighs zstd above both br and gzip."""
    accepted = weights(accept_encoding)
    return _weight(accepted, "zstd") > max(_weight(accepted, "br"), _weight(accepted, "gzip"), 0.0)


class PreferredCompression:
    """starlette-compress, which always ranks zstd first among what a client accepts, used so that zstd goes
    only to clients that weigh it above br and gzip; otherwise br, then gzip."""

    def __init__(self, app: ASGIApp, *, minimum_size: int) -> None:
        self._with_zstd = CompressMiddleware(app, minimum_size=minimum_size)
        self._without_zstd = CompressMiddleware(app, minimum_size=minimum_size, zstd=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        header = Headers(scope=scope).get("accept-encoding", "") if scope["type"] == "http" else ""
        chosen = self._with_zstd if prefers_zstd(header) else self._without_zstd
        await chosen(scope, receive, send)


def delivery_middleware(settings: Settings) -> list[Middleware]:
    """CORS outermost, so a preflight is answered before anything else runs; compression inside it."""
    return [
        Middleware(
            CORSMiddleware,
            allow_origins=list(settings.allowed_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["*"],
            expose_headers=["ETag"],
            allow_credentials=False,
            max_age=PREFLIGHT_MAX_AGE_SECONDS,
        ),
        Middleware(PreferredCompression, minimum_size=COMPRESS_MINIMUM_BYTES),
    ]
