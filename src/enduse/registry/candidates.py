"""The candidate transfers for one kind of claim, laid out to be cut by date in O(log n).

A claim's candidates depend on its recipient, supplier, system or category and stated origin,
and then on its date: only transfers that can have arrived by the event count. Claims repeat
the first five far more than they repeat dates, so `RegistryIndex.candidates` builds one
`Candidates` per key, once, and a claim only bisects it: the groups, the transfers, and the
suppliers and recipients in order of their first arrival. A claim about "armoured vehicles"
with no supplier named, against a registry of every SIPRI delivery, costs a few bisections
instead of a pass over thousands of transfers.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING

from enduse.model import Transfer

if TYPE_CHECKING:
    from enduse.registry.index import Group, Timeline


def _firsts(names: Sequence[tuple[dt.date, str]]) -> tuple[list[dt.date], list[str]]:
    """(dates, names): each name once, at the date it first appears."""
    seen: dict[str, dt.date] = {}
    for day, name in sorted(names):
        seen.setdefault(name, day)
    ordered = sorted(seen.items(), key=lambda kv: (kv[1], kv[0]))
    return [d for _, d in ordered], [n for n, _ in ordered]


def reads_union(bits: Iterable[int]) -> int:
    """Several regimes' READS_* bits (`index.READS_*`) together."""
    out = 0
    for b in bits:
        out |= b
    return out


def _reads_by_interval(days: list[dt.date], timelines: list[Timeline]) -> list[int]:
    """For each interval of `days` (interval i: from days[i - 1] to before days[i]), what the
    regimes of `timelines` in force then can read of a claim. Every bound of every timeline is
    one of `days`, so each regime covers whole intervals."""
    out = [0] * (len(days) + 1)
    at = {d: i + 1 for i, d in enumerate(days)}  # a bound's first interval
    # Groups of one supplier mostly share their conditions: each distinct timeline once.
    for bounds, reads in {(t.bounds, t.regime_reads) for t in timelines}:
        for j, bits in enumerate(reads):
            if bits:
                last = at[bounds[j + 1]] if j + 1 < len(bounds) else len(out)
                for i in range(at[bounds[j]], last):
                    out[i] |= bits
    return out


@dataclass(slots=True)
class Candidates:
    """Groups, transfers, suppliers and recipients of one claim key, each by first arrival."""

    groups: list[Group]
    firsts: list[dt.date]
    ruled: list[Group]  # the groups whose supplier has conditions on record
    ruled_firsts: list[dt.date]
    transfer_starts: list[dt.date]  # every transfer's earliest arrival, sorted
    supplier_firsts: list[dt.date]
    suppliers: list[str]
    recipient_firsts: list[dt.date]
    recipients: list[str]
    origin_narrowed: bool | None  # True: narrowed to the stated origin; False: none made there; None: no origin
    ruled_ids: frozenset[int]
    texts: dict[tuple[str, int], str]  # words about a prefix of the candidates, made once each
    # Every day on which the candidates or the conditions in force on them change: arrivals
    # (each transfer's earliest date, each group's first dated one) and the first day of every
    # interval of every group's timeline. Two days with no change between them give every
    # claim the same finding.
    change_days: list[dt.date]
    reads: int  # what the rules of any candidate's conditions can read of a claim (index.READS_*)
    # Fewer: the days on which the judging of the candidates can change. The engine judges
    # the live groups with conditions on record, then at most one without (it settles
    # nothing), so the verdict and its reasons change only on the days where a ruled group's
    # timeline changes or it first arrives, and where the first and second unruled groups
    # arrive (whether there are others left unjudged). The transfers listed change more often.
    verdict_days: list[dt.date]
    # What the ruled groups' conditions can read of a claim (index.READS_*) in each interval
    # of `verdict_days` (`bisect_right(verdict_days, day)` is a day's interval; 0 is never one):
    # a claim shares its finding with claims that differ only in what is not read then.
    verdict_reads: list[int]

    @classmethod
    def of(
        cls,
        groups: list[Group],
        ruled_suppliers: set[str] | frozenset[str],
        narrowed: bool | None,
        timeline: Callable[[Group], Timeline],
    ) -> Candidates:
        """`timeline` gives a group's compiled timeline (`RegistryIndex.timeline`)."""
        groups = sorted(groups, key=attrgetter("rank"))  # by (first arrival, recipient, supplier, what)
        ruled = [g for g in groups if g.supplier in ruled_suppliers]
        # Only the dates are sorted (in C); the transfers themselves are read from their groups.
        starts = sorted(chain.from_iterable(g.starts for g in groups))
        sup = _firsts([(g.starts[0], g.supplier) for g in groups])
        rec = _firsts([(g.starts[0], g.recipient) for g in groups])
        days = set(starts)
        days.update(g.first for g in groups if g.first is not None)
        if groups:
            days.add(dt.date.min)  # every timeline's first bound
        # A group whose supplier has no conditions on record has one interval and reads
        # nothing: only the others' timelines are compiled here (of thousands of groups in a
        # candidate set naming no recipient, few are ruled).
        reads = 0
        judging = {dt.date.min}
        for g in ruled:
            t = timeline(g)
            judging.update(t.bounds)
            judging.add(g.starts[0])
            if g.first is not None:
                judging.add(g.first)
            reads |= t.reads
        judging.update([g.starts[0] for g in groups if g.supplier not in ruled_suppliers][:2])
        days |= judging
        verdict_days = sorted(judging)
        return cls(
            groups=groups,
            firsts=[g.starts[0] for g in groups],
            ruled=ruled,
            ruled_firsts=[g.starts[0] for g in ruled],
            transfer_starts=starts,
            supplier_firsts=sup[0],
            suppliers=sup[1],
            recipient_firsts=rec[0],
            recipients=rec[1],
            origin_narrowed=narrowed,
            ruled_ids=frozenset(map(id, ruled)),
            texts={},
            change_days=sorted(days),
            reads=reads,
            verdict_days=verdict_days,
            verdict_reads=_reads_by_interval(verdict_days, [timeline(g) for g in ruled]),
        )

    def reads_between(self, si: int, ei: int) -> int:
        """What the rules can read of a claim whose start and end fall in intervals `si` and
        `ei` of `verdict_days` (-1: no start, or no end)."""
        if si == ei and si > 0:
            return self.verdict_reads[si]
        if si < 0 and ei < 0:
            return self.reads
        return reads_union(self.verdict_reads[max(si, 1) : (len(self.verdict_reads) if ei < 0 else ei + 1)])

    def live(self, end: dt.date | None) -> int:
        """How many groups can have arrived by `end` (the first ones of `groups`)."""
        return len(self.groups) if end is None else bisect_right(self.firsts, end)

    def in_judging_order(self, end: dt.date | None) -> Iterator[Group]:
        """The live groups, those with conditions on record first (a verdict can rest on them).

        A generator: the engine stops as soon as the verdict is settled, so a key with
        thousands of groups costs no more than the groups actually judged.
        """
        n = self.live(end)
        m = len(self.ruled) if end is None else bisect_right(self.ruled_firsts, end)
        yield from self.ruled[:m]
        if m < n:
            ruled = self.ruled_ids
            for g in self.groups[:n]:
                if id(g) not in ruled:
                    yield g

    def transfers_by(self, end: dt.date | None, limit: int) -> tuple[list[Transfer], int]:
        """Up to `limit` transfers that can have arrived by `end`, earliest groups first, and
        how many there are in all."""
        total = len(self.transfer_starts) if end is None else bisect_right(self.transfer_starts, end)
        if len(self.groups) == 1:
            return self.groups[0].before(end)[:limit], total
        out: list[Transfer] = []
        for g in self.groups[: self.live(end)]:
            out += g.before(end)
            if len(out) >= limit:
                return out[:limit], total
        return out, total

    def listing(self, n: int, limit: int) -> str:
        """The first `n` groups in words ("BE → UA: FN SCAR; ..."), at most `limit` of them."""
        key = ("groups", n)
        text = self.texts.get(key)
        if text is None:
            text = "; ".join(f"{g.supplier} → {g.recipient}: {g.what}" for g in self.groups[: min(n, limit)])
            if n > limit:
                text += f" and {n - limit} more"
            self.texts[key] = text
        return text

    def named(self, kind: str, end: dt.date | None) -> str:
        """The suppliers or recipients (`kind`) that can have delivered or received by `end`, joined."""
        names = self.suppliers_by(end) if kind == "suppliers" else self.recipients_by(end)
        key = (kind, len(names))
        text = self.texts.get(key)
        if text is None:
            text = self.texts[key] = ", ".join(names)
        return text

    def suppliers_by(self, end: dt.date | None) -> list[str]:
        return self.suppliers if end is None else self.suppliers[: bisect_right(self.supplier_firsts, end)]

    def recipients_by(self, end: dt.date | None) -> list[str]:
        return self.recipients if end is None else self.recipients[: bisect_right(self.recipient_firsts, end)]
