"""One entry point for every article: detect its format (never flagged) and read it into raw pieces.

Three formats produce the same `Article`: our plain text (a `= 2024 X Cup =` title line), MediaWiki wikitext,
and the rendered page text copied from Wikipedia or a mirror.
"""

from __future__ import annotations

from pathlib import Path

from cupql.article.parser import PLAIN_TEXT, Article, parse_article, read_text
from cupql.article.rendered import RENDERED, read_rendered
from cupql.article.wikitext import WIKITEXT, looks_like_wikitext, read_wikitext

FORMATS = (PLAIN_TEXT, WIKITEXT, RENDERED)


def detect_format(text: str) -> str:
    """Plain text starts with a `= Title =` line; wikitext has its templates or links; anything else is a page."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first.startswith("=") and first.endswith("=") and not first.startswith("=="):
        return PLAIN_TEXT
    if looks_like_wikitext(text):
        return WIKITEXT
    return RENDERED


def parse_any(text: str, source: str = "<article>", *, lenient: bool = False) -> Article:
    """Read `text` in the format it is written in."""
    found = detect_format(text)
    if found == PLAIN_TEXT:
        return parse_article(text, source, lenient=lenient)
    if found == WIKITEXT:
        return read_wikitext(text, source, lenient=lenient)
    return read_rendered(text, source, lenient=lenient)


def read_any(path: Path, *, lenient: bool = False) -> Article:
    """Read the article at `path` in whichever format it is; a missing or unreadable file is an ArticleError."""
    return parse_any(read_text(path), str(path), lenient=lenient)
