"""Publication dates: from the input record, the page markup, a header line or a dateline.

Each date carries its precision and where it was found, and none is accepted from after the
retrieval date (a page cannot be published after it was fetched). Only short lines in the
page header are handed to dateparser: searching whole articles for dates is slow and finds
the dates of events, not of publication.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from functools import lru_cache
from typing import Any

from enduse.model import DatePrecision, PublishedDate

# The archive/header convention " date 2023-06-04 ..." at the very start of a text.
HEADER_DATE = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}){0,2})\b\s*")
_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_HAS_DIGIT = re.compile(r"\d")
DATE_LANGUAGES = ["en", "ru", "uk", "de", "fr"]


def parse_partial_iso(value: str, source: str) -> PublishedDate | None:
    """'2023', '2023-08' or '2023-08-14' (or a longer ISO timestamp) as a PublishedDate."""
    m = _ISO_PARTIAL.match(value.strip())
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day:
            return PublishedDate(dt.date(int(year), int(month), int(day)), DatePrecision.DAY, source)
        if month:
            return PublishedDate(dt.date(int(year), int(month), 1), DatePrecision.MONTH, source)
        return PublishedDate(dt.date(int(year), 1, 1), DatePrecision.YEAR, source)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _dateparser() -> Any:
    # Imported lazily: dateparser's import costs about a second.
    import dateparser

    return dateparser


def parse_dateline(line: str) -> PublishedDate | None:
    """A header line that is nothing but a date: 'Friday, June 21, 2024', '30 Jan, 2024 13:45'."""
    if not _HAS_DIGIT.search(line) or len(line) > 60 or len(line.split()) > 8:
        return None
    if not re.search(r"\b(1[89]|20)\d{2}\b", line):
        return None  # without a year the line is more likely a time or a count
    parsed = _dateparser().parse(
        line,
        languages=DATE_LANGUAGES,
        settings={"STRICT_PARSING": False, "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False},
    )
    if parsed is None:
        return None
    return PublishedDate(parsed.date(), DatePrecision.DAY, "dateline")


def date_from_markup(html: Any) -> PublishedDate | None:
    """The publication date in a page's markup (meta tags, JSON-LD, time elements) via htmldate.

    :param html: the page as a string or, cheaper, as an lxml tree already parsed.
    """
    from htmldate import find_date

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
        except Exception:  # htmldate raises assorted parser errors on broken markup
            return None
    return parse_partial_iso(found, "markup") if found else None


_URL_DAY = re.compile(
    r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|$)|[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)"
)
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/")


def date_from_url(url: str | None) -> PublishedDate | None:
    """A date in a URL's path: "/2023/05/11/", "-20170612", or the month of "/2023/05/"."""
    if not url:
        return None
    path = url.split("?", 1)[0]
    m = _URL_DAY.search(path)
    try:
        if m:
            y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
            return PublishedDate(dt.date(int(y), int(mo), int(d)), DatePrecision.DAY, "url")
        m = _URL_MONTH.search(path)
        if m:
            return PublishedDate(dt.date(int(m.group(1)), int(m.group(2)), 1), DatePrecision.MONTH, "url")
    except ValueError:
        return None
    return None


def not_after(date: PublishedDate | None, limit: dt.date | None) -> PublishedDate | None:
    if date is None or limit is None:
        return date
    return date if date.value <= limit else None


def find_published(
    *,
    given: str | None,
    header_date: str | None,
    header_lines: list[str],
    markup: PublishedDate | None,
    retrieved: dt.date | None,
    url: str | None = None,
) -> PublishedDate | None:
    """The best publication date, trying the most explicit sources first.

    :param markup: the date found in the page's markup (`date_from_markup`), if any.
    :param url: the page's URL, whose path often carries the date (`/2023/05/11/`).
    """
    limit = retrieved or dt.date.today()
    candidates: list[PublishedDate | None] = []
    if given:
        candidates.append(parse_partial_iso(given, "input") or parse_dateline(given))
    if header_date:
        candidates.append(parse_partial_iso(header_date, "header"))
    candidates.append(markup)
    for line in header_lines[-8:]:
        candidates.append(parse_dateline(line))
    candidates.append(date_from_url(url))
    for c in candidates:
        ok = not_after(c, limit)
        if ok is not None:
            return ok
    return None
