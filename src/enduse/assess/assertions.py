"""Assertions: claims from many documents that state the same thing, merged.

Two documents that state the same thing are about the same event, so claims are merged
within their story first (stories are small, and every pair in one is worth comparing):
the most specific claims seed assertions, and each claim joins the compatible assertion it
agrees with most (`facts.py`), or seeds a new one. Then assertions whose facts pin an event
down (a weapon or category, a country, a span of at most about two months) are merged across
stories through an index on those facts, for documents the clustering put apart; nothing is
compared pairwise across the corpus.

Every claim is kept with its evidence; nothing is dropped by merging.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from enduse.assess.facts import Facts, informative

# Assertions read per index key when merging across stories: the cost per claim stays bounded.
SCAN = 50


@dataclass(slots=True)
class Group:
    """Claims (by id) merged so far, and the most specific facts they state together."""

    facts: Facts
    claim_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Item:
    """One claim to merge: its id, its facts, its story and an order key (oldest document first)."""

    claim_id: int
    facts: Facts
    story: str
    order: tuple[dt.date, str, int]


def merge_claims(items: Sequence[Item]) -> list[Group]:
    """Merge claims into assertions: within stories, then across them by indexed facts."""
    by_story: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_story[item.story].append(item)
    groups: list[Group] = []
    for story in sorted(by_story):
        groups.extend(_merge_story(by_story[story]))
    return _merge_across(groups)


def _merge_story(items: list[Item]) -> list[Group]:
    groups: list[Group] = []
    for item in sorted(items, key=lambda i: (-i.facts.specificity(), i.order)):
        fits = [g for g in groups if g.facts.compatible(item.facts)]
        if fits:
            home = max(fits, key=lambda g: g.facts.agreement(item.facts))  # first of the best: stable
            home.facts = home.facts.narrow(item.facts)
            home.claim_ids.append(item.claim_id)
        else:
            groups.append(Group(item.facts, [item.claim_id]))
    return groups


def _index_keys(f: Facts) -> Iterator[tuple[str, str, str, str]]:
    """Index keys of facts that pin an event down; none for vaguer ones (they stay in their story)."""
    if not (f.category and f.country and (f.weapon or f.origin) and informative(f.start, f.end)):
        return
    assert f.start is not None and f.end is not None
    month = dt.date(f.start.year, f.start.month, 1)
    while month <= f.end:
        yield (f.group, f.category, f.country, f"{month:%Y-%m}")
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _merge_across(groups: list[Group]) -> list[Group]:
    index: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
    kept: list[Group] = []
    for g in groups:
        home = next(
            (
                i
                for key in _index_keys(g.facts)
                for i in index.get(key, ())[-SCAN:]
                if kept[i].facts.compatible(g.facts)
            ),
            None,
        )
        if home is None:
            kept.append(g)
            for key in _index_keys(g.facts):
                index[key].append(len(kept) - 1)
        else:
            kept[home].facts = kept[home].facts.narrow(g.facts)
            kept[home].claim_ids.extend(g.claim_ids)
    return kept
