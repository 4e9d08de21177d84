"""The raw input: one document as a reader found it, before decoding and cleaning.

It lives apart from the readers (files, JSONL, WARC, URLs, feeds) so that each reader module
can build one without importing the others.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: Media types a page may be served as for enduse to read it: HTML, XHTML and plain text.
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)


@dataclass(slots=True)
class RawInput:
    """One document as read, before cleaning: bytes or text, and what the input said about it."""

    id: str
    name: str  # where it came from, for messages: a path, path:line for JSONL, path@offset for WARC
    kind: str  # "text" | "html"
    data: bytes
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    retrieved: dt.date | None = None
    extra: dict[str, str] = field(default_factory=dict)


def media_type(content_type: str | None) -> str:
    """The bare media type of a Content-Type header: 'text/html; charset=utf-8' -> 'text/html'."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def html_content_type(content_type: str | None) -> bool:
    """True for an HTML or XHTML Content-Type."""
    return media_type(content_type) in HTML_TYPES
