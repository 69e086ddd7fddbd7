"""How responses travel: CORS for browser apps on other origins, and compression of larger bodies.

CORS follows the settings' allowed origins (any, by default: the API is public, read-only and uses no
credentials, so there is nothing a foreign page could misuse). Compression picks zstd, br or gzip from
the client's Accept-Encoding for API responses and static assets alike, above ``COMPRESS_MINIMUM_BYTES``.
"""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette_compress import CompressMiddleware, add_compress_type

from cupql.settings import Settings

# Below this a compressed body saves less than the headers and the work cost.
COMPRESS_MINIMUM_BYTES = 1024
# How long a browser may reuse a preflight answer (Chromium caps it at two hours).
PREFLIGHT_MAX_AGE_SECONDS = 7200

# The GraphQL-over-HTTP media type is not in the library's list of compressible types.
add_compress_type("application/graphql-response+json")


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
        Middleware(CompressMiddleware, minimum_size=COMPRESS_MINIMUM_BYTES),
    ]
