"""A story's date, reconciled from its documents, and the page dates that are reposts.

Page dates lie: an aggregator reposts a June article in November under a new date, and the
article's "last month" then reads as October. Within a story the documents check each other:

- `first_reported` is the earliest page date in the story;
- a document is flagged as a probable repost when its page date is at least `REPOST_DAYS`
  after that, and no other original report of the story (copies of earlier ones do not
  count) appeared within `ALONE_DAYS` of it: follow-ups come with other coverage, reposts
  come alone;
- the event span is where most of the narrow claim spans (at most about two months) of the
  unflagged documents agree (the deepest point of their overlap, and the overlap of the spans
  that cover it), ending no later than the first report;
- claims of flagged and undated documents have their date words resolved again, by the
  extractor's own resolver, against the story's first report instead of the page date, and
  say so in the span's `resolution`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from enduse.assess.copies import Copies
from enduse.assess.facts import informative
from enduse.extract.dates import find_dates
from enduse.model import Claim, DateSpan, Document

REPOST_DAYS = 60
ALONE_DAYS = 30


@dataclass(frozen=True, slots=True)
class Repost:
    """Whether a document's page date is probably the date of a repost, and why."""

    flag: bool = False
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class StoryDates:
    event: DateSpan | None
    first_reported: dt.date | None
    last_reported: dt.date | None
    reposts: dict[str, Repost]


def date_story(members: Sequence[Document], claims: Sequence[Claim], copies: Copies) -> StoryDates:
    """Reconcile the dates of one story's documents (see the module docstring)."""
    dated = sorted((d.published.value, d.id) for d in members if d.published is not None)
    first = dated[0][0] if dated else None
    reposts: dict[str, Repost] = {}
    for day, doc_id in dated:
        if first is None or (day - first).days < REPOST_DAYS:
            continue
        group = copies.group.get(doc_id, doc_id)
        near = [
            o
            for d2, o in dated
            if copies.original(o) is None and copies.group.get(o, o) != group and abs((d2 - day).days) <= ALONE_DAYS
        ]
        if not near:
            copied = copies.original(doc_id)
            of = f", and its text copies {copied}" if copied else ""
            reposts[doc_id] = Repost(
                True,
                f"page date {day} is {(day - first).days} days after the story's first report ({first}) and no "
                f"other report of the story appeared within {ALONE_DAYS} days of it{of}: probably the date of a "
                "repost, not of the original",
            )
    kept = [day for day, doc_id in dated if doc_id not in reposts]
    spans = [
        (c.when.start, c.when.end, c.doc_id)
        for c in claims
        if c.doc_id not in reposts and c.when is not None and informative(c.when.start, c.when.end)
    ]
    return StoryDates(_event_span(spans, first), first, max(kept) if kept else None, reposts)


def _event_span(spans: list[tuple[dt.date | None, dt.date | None, str]], first: dt.date | None) -> DateSpan | None:
    """Where most claim spans overlap, clipped to end by the first report."""
    points = sorted({s for s, _, _ in spans if s is not None})
    best: list[tuple[dt.date, dt.date, str]] = []
    for p in points:
        covering = [(s, e, d) for s, e, d in spans if s is not None and e is not None and s <= p <= e]
        if len(covering) > len(best):
            best = covering
    if not best:
        if first is None:
            return None
        return DateSpan(None, first, None, f"no claim dates it; before its first report ({first})")
    start = max(s for s, _, _ in best)
    end = min(e for _, e, _ in best)
    if first is not None and end > first >= start:
        end = first
    docs = sorted({d for _, _, d in best})
    note = f"claims in {', '.join(docs)} agree on it"
    if first is not None:
        note += f"; first reported {first}"
    return DateSpan(start, end, None, note)


def reanchor(claim: Claim, anchor: dt.date, why: str) -> Claim:
    """The claim with its date words resolved against `anchor` instead of its page date."""
    if claim.when is None or not claim.when.text:
        return claim
    found = find_dates(claim.when.text, anchor)
    if not found or found[0].span.start is None:
        return claim
    span = found[0].span
    if (span.start, span.end) == (claim.when.start, claim.when.end):
        return claim
    resolution = f"{span.resolution}; {why}"
    return replace(claim, when=DateSpan(span.start, span.end, claim.when.text, resolution))
