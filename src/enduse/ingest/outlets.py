"""Which outlet published a document: from its URL, the input's own field, or the text.

The text is read for a wire dateline ("BRUSSELS (Sputnik) -"); the knowledge catalog's outlet
signatures ("TV-Novosti") are matched by the caller that has the catalog loaded.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from enduse.ingest.boilerplate import DATELINE

_HOST_PREFIX = re.compile(r"^(?:www\d*|m|amp|mobile)\.")


def host_of(url: str | None) -> str | None:
    """The URL's host without a leading www., m. or amp."""
    if not url:
        return None
    try:
        host = urlsplit(url if "://" in url else "http://" + url).hostname
    except ValueError:
        return None
    return _HOST_PREFIX.sub("", host.lower()) if host else None


def dateline_outlet(paragraphs: list[str]) -> str | None:
    """The outlet named in a wire dateline at the start of an early paragraph."""
    for p in paragraphs[:6]:
        m = DATELINE.match(p)
        if m:
            return m.group("outlet").strip()
    return None
