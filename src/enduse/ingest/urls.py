"""URL canonicalisation: one page, one URL, one document.

The same report reaches us under many spellings of its address: tracking parameters
(`utm_*`, `fbclid`, `ref=rss`), a fragment, upper-case hosts, default ports, `www.` or
`m.` hosts, `http` against `https`, a trailing slash. courlan removes the tracking
parameters and normalises the rest; this module adds what courlan leaves to the caller
(fragments, trailing slashes) and defines the *identity* of a URL — its canonical form
without scheme and `www.` — from which documents read from URLs (WARC records, URL lists,
feeds) take their id. Two inputs whose URLs share that identity are the same document, so
re-fetching a page or meeting it again in another crawl stores nothing twice.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit, urlunsplit

from courlan import clean_url, normalize_url

_HOST_PREFIX = re.compile(r"^(?:www\d*|m|amp|mobile)\.")
_SAFE_ID = re.compile(r"[^a-z0-9.-]+")


def canonical_url(url: str | None) -> str | None:
    """The canonical spelling of an http(s) URL, or None when `url` is not one.

    Tracking parameters and the fragment go, the host is lower-cased, the default port and a
    trailing slash are dropped; the scheme and the rest of the path and query stay, since
    some sites do tell articles apart by a query parameter (`article.php?id=3`).
    """
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if not re.match(r"(?i)^https?://", url):
        return None
    try:
        cleaned = clean_url(url)
        if not cleaned:
            return None
        normal = normalize_url(cleaned, strict=False, trailing_slash=False)
        parts = urlsplit(normal)
    except (ValueError, TypeError, AttributeError):
        # courlan passes through urllib, which raises ValueError on a bad port or IPv6 host
        return None
    if not parts.hostname:
        return None
    path = parts.path.rstrip("/") if parts.path not in ("", "/") else ""
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def url_identity(url: str) -> str | None:
    """The canonical URL without scheme and `www.`/`m.` host prefix: what "the same page" means."""
    canonical = canonical_url(url)
    if canonical is None:
        return None
    parts = urlsplit(canonical)
    host = _HOST_PREFIX.sub("", parts.netloc)
    return host + parts.path + (f"?{parts.query}" if parts.query else "")


def url_document_id(url: str) -> str | None:
    """A stable, readable document id for a page known by its URL: `host-<hash of identity>`."""
    identity = url_identity(url)
    if identity is None:
        return None
    host = _SAFE_ID.sub("-", identity.split("/", 1)[0].split("?", 1)[0])[:60]
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]
    return f"{host}-{digest}"
