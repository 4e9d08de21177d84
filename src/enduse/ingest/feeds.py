"""RSS and Atom feeds: the watch list that tells enduse which pages are new.

feedparser reads every feed dialect (RSS 0.9x/1.0/2.0, Atom) and tolerates the broken XML
many outlets serve; it is handed bytes we fetched ourselves, so the fetcher's timeouts and
size cap apply to feeds too and feedparser never touches the network. A feed entry gives the
page URL and often a publication date, which is passed on as the input's own date (the most
explicit source `published.find_published` knows). Whether an entry is *new* is decided by
the caller against the store: a page whose canonical URL is already stored is not fetched
again (`urls.url_document_id`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

import feedparser

from enduse.errors import InputError
from enduse.ingest.fetch import FetchOptions, Target, fetch_targets, new_targets
from enduse.ingest.raw import RawInput
from enduse.model import Rejection

#: Media types feeds are served as, in practice (some outlets serve them as HTML or text).
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
    "text/html",
    "text/plain",
)


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its title and its entries as fetch targets, newest first as served."""

    url: str
    title: str | None
    entries: list[Target]


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    """The entry's publication (else update) date as ISO, from feedparser's parsed UTC tuple."""
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).date().isoformat()
            except (OverflowError, ValueError, OSError):
                continue
    return None


def parse_feed(data: bytes, url: str) -> Feed:
    """Parse feed bytes; raises InputError naming the feed when they hold no feed at all."""
    parsed = feedparser.parse(data)
    if parsed.get("bozo") and not parsed.get("entries") and not parsed.get("feed"):
        problem = parsed.get("bozo_exception")
        raise InputError(url, "not an RSS or Atom feed", str(problem) if problem else "")
    entries = []
    for entry in parsed.get("entries", []):
        link = entry.get("link")
        if isinstance(link, str) and link.strip():
            title = entry.get("title")
            entries.append(Target(link.strip(), _entry_date(entry), title if isinstance(title, str) else None))
    title = parsed.get("feed", {}).get("title")
    return Feed(url, title if isinstance(title, str) else None, entries)


def fetch_feed(url: str, options: FetchOptions | None = None) -> Feed:
    """Fetch and parse one feed; raises InputError with the reason when it cannot be had."""
    options = options or FetchOptions()
    feed_options = replace(options, host_delay=0.0, chunk=1, accept=FEED_TYPES)
    [result] = list(fetch_targets([Target(url)], feed_options))
    if isinstance(result, Rejection):
        raise InputError(url, f"feed not fetched: {result.reason}", result.detail)
    return parse_feed(result.data, url)


def fetch_new_items(
    feed_url: str, is_stored: set[str], options: FetchOptions | None = None
) -> Iterator[RawInput | Rejection]:
    """Poll one feed and fetch the pages of its new entries."""
    feed = fetch_feed(feed_url, options)
    yield from fetch_targets(new_targets(feed.entries, is_stored), options)
