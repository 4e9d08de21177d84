"""Dates of the registry format: full or partial ISO dates and inclusive spans.

A partial date means the whole year or month ("2022" is 1 January to 31 December 2022).
Writing a span back uses the shortest form that reads back to the same days, so a file
exported and imported again is unchanged.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from typing import Any

from enduse.model import DateSpan

OPEN = ".."  # an open end of a span in CSV ("2022/.." = from 2022 on)


def parse_span(value: Any) -> DateSpan | None:
    """A date, a partial date, "start/end" text or a {start, end} mapping as an inclusive span.

    Raises ValueError on text that is not a date.
    """
    if value is None or value == "" or value == OPEN:
        return None
    if isinstance(value, dict):
        start = parse_span(value.get("start"))
        end = parse_span(value.get("end"))
        return DateSpan(start.start if start else None, end.end if end else None)
    if isinstance(value, dt.datetime):
        return DateSpan(value.date(), value.date())
    if isinstance(value, dt.date):
        return DateSpan(value, value)
    text = str(value).strip()
    if "/" in text:
        a, b = text.split("/", 1)
        start, end = parse_span(a), parse_span(b)
        return DateSpan(start.start if start else None, end.end if end else None)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return DateSpan(dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31))
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return DateSpan(dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last))
    if len(parts) == 3:
        d = dt.date(parts[0], parts[1], parts[2])
        return DateSpan(d, d)
    raise ValueError(f"not a date: {text!r}")


@lru_cache(maxsize=65536)
def iso(d: dt.date) -> str:
    """A date as ISO text, cached: the policy engine writes the same few thousand days into
    millions of reasons, and formatting a date is slower than looking it up."""
    return d.isoformat()


def year_span(first: int, last: int | None = None) -> DateSpan:
    """1 January of `first` to 31 December of `last` (default: the same year)."""
    return DateSpan(dt.date(first, 1, 1), dt.date(last if last is not None else first, 12, 31))


def format_start(d: dt.date | None) -> str | None:
    """The shortest text whose span starts on `d` ("2022" for 1 January 2022)."""
    if d is None:
        return None
    if d.day == 1:
        return f"{d.year:04d}" if d.month == 1 else f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def format_end(d: dt.date | None) -> str | None:
    """The shortest text whose span ends on `d` ("2022" for 31 December 2022)."""
    if d is None:
        return None
    if d.day == calendar.monthrange(d.year, d.month)[1]:
        return f"{d.year:04d}" if d.month == 12 else f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def format_span(span: DateSpan | None) -> str | dict[str, str | None] | None:
    """A span as one partial date when it is exactly one, else as {start, end}."""
    if span is None or (span.start is None and span.end is None):
        return None
    start, end = format_start(span.start), format_end(span.end)
    if start is not None and start == end:
        return start
    if span.start is not None and span.start == span.end:
        return span.start.isoformat()
    return {"start": start, "end": end}


def format_span_text(span: DateSpan | None) -> str:
    """A span as one CSV cell: "2022", "2022-03/2023", "2022/.." or ""."""
    shape = format_span(span)
    if shape is None:
        return ""
    if isinstance(shape, str):
        return shape
    return f"{shape['start'] or OPEN}/{shape['end'] or OPEN}"
