"""Analyst decisions applied over what the pipeline computed, every time it runs.

Decisions are stored apart from the pipeline's output and name their targets by keys that
survive a re-run (claim keys, document ids, source keys), so re-running ingestion, extraction
or assessment never loses them: the pipeline recomputes, then the decisions are applied again,
oldest first, so a later decision overrides an earlier one.

- accept / reject a claim: a rejected claim takes no part in any assertion; an accepted one is
  marked accepted;
- merge assertions / stories: the groups holding any of the targets become one;
- split an assertion / a story: the targets leave their groups and form one group of their own;
- set reliability: the source key's grade (A–F), over the `sources` table.

A decision whose targets are all gone (the text changed, the claim is no longer extracted)
is reported as not applied rather than dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TypeVar

from enduse.model import Decision, DecisionKind

T = TypeVar("T", bound=Hashable)


def in_order(decisions: Sequence[Decision]) -> list[Decision]:
    """Oldest first (undated ones first of all, in the order given)."""
    return sorted(decisions, key=lambda d: d.at or dt.datetime.min.replace(tzinfo=dt.UTC))


def apply_partition(
    groups: Sequence[Sequence[T]],
    decisions: Sequence[Decision],
    merge: DecisionKind,
    split: DecisionKind,
    members_of: Callable[[str], Sequence[T]],
) -> tuple[list[list[T]], list[Decision]]:
    """Apply merge and split decisions to a partition; returns the new groups and the decisions
    that had nothing to apply to. `members_of` maps a decision's target key to its members."""
    group_of: dict[T, int] = {}
    out: list[list[T]] = []
    for g in groups:
        for m in g:
            group_of[m] = len(out)
        out.append(list(g))
    unapplied = []
    for d in in_order([d for d in decisions if d.kind in (merge, split)]):
        members = list(dict.fromkeys(m for t in d.targets for m in members_of(t) if m in group_of))
        if not members:
            unapplied.append(d)
            continue
        if d.kind == merge:
            into = group_of[members[0]]
            for other in sorted({group_of[m] for m in members} - {into}):
                for m in out[other]:
                    group_of[m] = into
                out[into].extend(out[other])
                out[other] = []
        else:
            for m in members:
                out[group_of[m]].remove(m)
                group_of[m] = len(out)
            out.append(members)
    return [g for g in out if g], unapplied


def reviews(decisions: Sequence[Decision]) -> dict[str, DecisionKind]:
    """The latest accept or reject decision for each claim key."""
    out: dict[str, DecisionKind] = {}
    for d in in_order(decisions):
        if d.kind in (DecisionKind.ACCEPT_CLAIM, DecisionKind.REJECT_CLAIM):
            for t in d.targets:
                out[t] = d.kind
    return out


def source_grades(base: Mapping[str, str], decisions: Sequence[Decision]) -> dict[str, str]:
    """Source reliability grades: the stored ones, overridden by "set reliability" decisions."""
    out = dict(base)
    for d in in_order(decisions):
        if d.kind == DecisionKind.SET_RELIABILITY and d.value:
            for t in d.targets:
                out[t] = d.value
    return out
