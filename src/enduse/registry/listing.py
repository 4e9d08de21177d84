"""Choosing transfers to list: by recipient, supplier and the years they concern.

`since` keeps a transfer whose deliveries (or, when none are dated, whose order) reach into
or past that day: "Ukraine 2022+ deliveries" is every transfer to UA with a delivery in 2022
or later, including deals ordered before 2022.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from enduse.model import DateSpan, Transfer
from enduse.registry.dates import parse_span


def parse_since(value: str | None) -> dt.date | None:
    """A year ("2022"), month or day as the first day it covers; raises ValueError otherwise."""
    if not value:
        return None
    span = parse_span(value)
    if span is None or span.start is None:
        raise ValueError(f"not a date: {value!r}")
    return span.start


def _reaches(span: DateSpan | None, since: dt.date) -> bool | None:
    if span is None or (span.start is None and span.end is None):
        return None
    if span.end is not None:
        return span.end >= since
    return True  # open-ended: still running


def select_transfers(
    transfers: Iterable[Transfer],
    recipient: str | None = None,
    supplier: str | None = None,
    since: dt.date | None = None,
    system: str | None = None,
) -> list[Transfer]:
    """The transfers matching every given filter, by recipient, supplier, delivery and id."""
    out = []
    for t in transfers:
        if recipient and t.recipient != recipient.upper():
            continue
        if supplier and t.supplier != supplier.upper():
            continue
        if system and (t.system or "").lower() != system.lower():
            continue
        if since is not None:
            reached = _reaches(t.delivered, since)
            if reached is None:
                reached = _reaches(t.ordered, since)
            if not reached:
                continue
        out.append(t)
    return sorted(
        out,
        key=lambda t: (
            t.recipient,
            t.supplier,
            t.delivered.start if t.delivered and t.delivered.start else dt.date.min,
            t.id,
        ),
    )
