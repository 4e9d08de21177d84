"""The policy engine: a claim against the transfers and the conditions in force on its date.

For a USE, SIGHTING, RETRANSFER or CAPTURE claim the engine

1. finds the candidate transfers: the named supplier's transfers of that system (or
   category) to the recipient that can have arrived by the event date, or, when no supplier
   is named, every supplier's. "Rifles made in Belgium" is not "rifles supplied by Belgium":
   a stated origin only narrows the candidates to systems made there (the catalog's
   origin), and only when some are;
2. takes, for each candidate group, the conditions in force on every day the claim's date
   span covers (an undated claim: every day since the transfer) from the compiled timeline;
3. applies the rules of `rules.py`, and combines: one verdict when every candidate and every
   interval agree, `undetermined` when they differ, with the reason saying on what.

Other claim types, and negated claims, are `not applicable`. Nothing unknown is filled in:
what would settle an undetermined finding is listed in `missing`. The engine is a pure
function of the registry and the claim, so a finding is reproducible from the stored inputs.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from typing import Any

from enduse.knowledge.catalog import Knowledge
from enduse.model import Claim, Condition, Finding, Reason, Transfer, Verdict
from enduse.registry.candidates import Candidates
from enduse.registry.dates import iso
from enduse.registry.findings import (
    CHECKED_TYPES,
    MAX_LISTED_TRANSFERS,
    Query,
    query_from_claim,
    query_from_dict,
)
from enduse.registry.index import Group, Regime, RegistryIndex
from enduse.registry.places import Place
from enduse.registry.rules import Outcome, judge

MEMO_LIMIT = 1_000_000  # rule outcomes (and distinct claim facts) kept at most; the memo starts afresh beyond
LISTED_GROUPS = 20  # candidate groups named in the `candidates` reason
HEDGED = "the claim is hedged (alleged or unconfirmed); so is the finding"


class PolicyEngine:
    """Checks claims against one registry; build it once and reuse it (it indexes on creation)."""

    def __init__(
        self,
        transfers: Iterable[Transfer],
        conditions: Iterable[Condition],
        knowledge: Knowledge | None = None,
        memo: bool = True,
    ) -> None:
        """Index the registry. `memo` keeps each rule outcome for reuse: `judge` is a pure
        function of (interval of conditions, claim type, place, purpose, actor), and claims
        repeat these far more often than not (the same regions, the same few purposes)."""
        self.index = RegistryIndex(transfers, conditions, knowledge)
        self._memo: dict[int, Outcome] | None = {} if memo else None
        self._fact_ids: dict[tuple[Any, ...], int] = {}
        self._findings: dict[tuple[Any, ...], Finding] = {}

    def check(self, claim: Claim | Mapping[str, Any]) -> Finding:
        """The finding for one claim (a domain Claim or an interchange dict)."""
        q = query_from_claim(claim) if isinstance(claim, Claim) else query_from_dict(claim)
        return self.check_query(q)

    def check_query(self, q: Query) -> Finding:
        if q.type not in CHECKED_TYPES:
            text = f"{q.type or 'an untyped'} claim states no use, sighting, capture or hand-over to check"
            return Finding(Verdict.NOT_APPLICABLE, (Reason("claim-type", "engine", "", text),))
        if q.negated:
            text = "the claim says this did not happen: there is nothing to check"
            return Finding(Verdict.NOT_APPLICABLE, (Reason("negated", "engine", "", text),))
        system = self.index.catalog.canonical(q.system) if q.system else None
        start, end = q.start or q.end, q.end or q.start
        cands = self.index.candidates(q.recipient, q.supplier, system, q.category, q.origin)
        n = cands.live(end)
        if n == 0:
            reasons = [Reason("hedged", "engine", "", HEDGED)] if q.hedged else []
            return self._no_transfer(q, system, end, cands.origin_narrowed, reasons)
        region = q.region
        place = Place(region[: region.index("-")], region) if region and "-" in region else Place(q.country, None)
        facts = self._facts(q, place, end)
        shared = self._shared_key(q, cands, facts, start, end)
        if shared is not None:
            hit = self._findings.get(shared)
            if hit is not None:
                return hit
        reasons = [Reason("hedged", "engine", "", HEDGED)] if q.hedged else []
        if cands.origin_narrowed is not None:
            reasons.append(_origin_reason(q.origin or "", cands.origin_narrowed))
        missing: list[str] = []
        if q.supplier is None or q.recipient is None:
            self._candidate_reasons(q, system, end, cands, n, reasons, missing)
        finding = self._decide(q, cands, n, place, facts, start, end, reasons, missing)
        if shared is not None:
            self._findings[shared] = finding
        return finding

    def _shared_key(
        self, q: Query, cands: Candidates, facts: int, start: dt.date | None, end: dt.date | None
    ) -> tuple[Any, ...] | None:
        """A key under which claims get the very same finding, or None when there is none.

        Between two consecutive days on which something in the candidates' registry changes
        (a delivery, a supplier's first delivery, a condition taking or losing force), every
        day gives the same candidates and the same conditions: the finding depends on the day
        only through which of those intervals holds the claim's start and end. Re-transfer
        consent looks up another recipient's conditions, so it is not shared.
        """
        if self._memo is None or q.type == "RETRANSFER":
            return None
        days = cands.changes(self.index)
        return (
            id(cands),
            facts,
            q.hedged,
            -1 if start is None else bisect_right(days, start),
            -1 if end is None else bisect_right(days, end),
        )

    def _decide(
        self,
        q: Query,
        cands: Candidates,
        n: int,
        place: Place,
        facts: int,
        start: dt.date | None,
        end: dt.date | None,
        reasons: list[Reason],
        missing: list[str],
    ) -> Finding:
        transfers, total = cands.transfers_by(end, MAX_LISTED_TRANSFERS)
        suppliers = cands.suppliers_by(end)
        if n == 1:
            g = cands.groups[0]
            outcome, in_force = self._judge_group(q, place, g, start, end, facts)
            reasons += outcome.reasons
            missing += outcome.missing
            return Finding(
                outcome.verdict, tuple(reasons), tuple(transfers), in_force, tuple(missing), tuple(suppliers), total
            )
        results: list[tuple[Group, Outcome]] = []
        forces: list[tuple[Condition, ...]] = []
        first: Verdict | None = None
        for g in cands.in_judging_order(end):
            outcome, in_force = self._judge_group(q, place, g, start, end, facts)
            results.append((g, outcome))
            forces.append(in_force)
            # Once one candidate is undetermined, or two disagree, nothing the others say can
            # settle the verdict: the rest stay listed as candidates without being judged.
            if outcome.verdict is Verdict.UNDETERMINED or (first is not None and outcome.verdict is not first):
                break
            first = outcome.verdict
        verdict = _combine(results, reasons, n)
        conditions = {c.id: c for f in forces for c in f}
        return Finding(
            verdict=verdict,
            reasons=tuple(dict.fromkeys([*reasons, *(r for _, o in results for r in o.reasons)])),
            transfers=tuple(transfers),
            conditions=tuple(sorted(conditions.values(), key=_condition_order)),
            missing=tuple(dict.fromkeys([*missing, *(m for _, o in results for m in o.missing)])),
            candidates=tuple(suppliers),
            transfers_total=total,
        )

    def _judge_group(
        self, q: Query, place: Place, g: Group, start: dt.date | None, end: dt.date | None, facts: int
    ) -> tuple[Outcome, tuple[Condition, ...]]:
        """One group's outcome over the claim's dates, and the conditions in force on them."""
        timeline = g.timeline or self.index.timeline(g)
        first = g.first
        # An undated claim, or one starting before the first delivery: from the first delivery on.
        since = first if start is None or (first is not None and first > start) else start
        regimes = timeline.between(since, end)
        if len(regimes) == 1:
            r = regimes[0]
            memo = self._memo
            if memo is None:
                return judge(q, place, g, r, self.index, end), r.in_force
            key = (id(r) << 24) | facts  # see `_judge`
            hit = memo.get(key)
            if hit is None:
                hit = memo[key] = judge(q, place, g, r, self.index, end)
            return hit, r.in_force
        outcomes = [self._judge(q, place, g, r, end, facts) for r in regimes]
        in_force = tuple({c.id: c for r in regimes for c in r.in_force}.values())
        return _over_time(outcomes, regimes, q), in_force

    def _facts(self, q: Query, place: Place, end: dt.date | None) -> int:
        """A small number standing for everything `judge` reads from the claim.

        Hashing the facts once per claim, not once per candidate and interval, is what makes
        the memo cheaper than judging again. Only re-transfer consent looks at the day itself.
        """
        if self._memo is None:
            return 0
        key = (q.type, place, q.purpose, q.actor, end if q.type == "RETRANSFER" else None)
        n = self._fact_ids.get(key)
        if n is None:
            if len(self._fact_ids) >= MEMO_LIMIT or len(self._memo) >= MEMO_LIMIT or len(self._findings) >= MEMO_LIMIT:
                self._fact_ids.clear()  # fact numbers are in the other keys: all start afresh together
                self._memo.clear()
                self._findings.clear()
            n = self._fact_ids[key] = len(self._fact_ids)
        return n

    def _judge(self, q: Query, place: Place, g: Group, r: Regime, end: dt.date | None, facts: int) -> Outcome:
        if self._memo is None:
            return judge(q, place, g, r, self.index, end)
        # A regime belongs to one group's timeline and lives as long as the index: its id is a
        # stable key, and with the claim's facts number it makes one integer.
        key = (id(r) << 24) | facts
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = judge(q, place, g, r, self.index, end)
        return hit

    # steps --------------------------------------------------------------------------------

    def _no_transfer(
        self, q: Query, system: str | None, end: dt.date | None, narrowed: bool | None, reasons: list[Reason]
    ) -> Finding:
        what = system or (f"{q.category} weapons" if q.category and q.category != "generic" else "weapons")
        made = f" made in {q.origin}" if narrowed else ""
        frm = f" from {q.supplier}" if q.supplier else ""
        to = f" to {q.recipient}" if q.recipient else ""
        by = f" by {iso(end)}" if end else ""
        text = f"no transfer of {what}{made}{frm}{to}{by} is on record"
        reasons.append(Reason("no-transfer", "registry", "", text))
        return Finding(Verdict.UNDETERMINED, tuple(reasons), missing=(f"a transfer of {what}{made}{frm}{to}{by}",))

    def _candidate_reasons(
        self,
        q: Query,
        system: str | None,
        end: dt.date | None,
        cands: Candidates,
        n: int,
        reasons: list[Reason],
        missing: list[str],
    ) -> None:
        what = system or (q.category if q.category and q.category != "generic" else "weapons")
        # No date in these words: a finding is shared by claims whose dates differ but fall
        # between the same changes of the registry (see `_shared_key`).
        by = " that can have arrived by the event" if end else ""
        listed = cands.listing(n, LISTED_GROUPS)
        unnamed = " and ".join(x for x, v in (("supplier", q.supplier), ("recipient", q.recipient)) if v is None)
        text = f"the claim names no {unnamed}; every transfer of {what}{by} on record is a candidate: {listed}"
        reasons.append(Reason("candidates", "registry", "", text))
        if q.supplier is None:
            missing.append(f"the supplier (candidates: {cands.named('suppliers', end)})")
        if q.recipient is None:
            missing.append(f"the recipient (candidates: {cands.named('recipients', end)})")


def _condition_order(c: Condition) -> tuple[dt.date, str]:
    return (c.valid_from or dt.date.min, c.id)


def _origin_reason(origin: str, narrowed: bool) -> Reason:
    if narrowed:
        text = (
            f"made in {origin} is not supplied by {origin}: the stated origin only narrows "
            f"the candidates to systems made in {origin}"
        )
    else:
        text = f"no candidate system is known to be made in {origin}; all are kept"
    return Reason("origin", "engine", "", text)


def _over_time(outcomes: list[Outcome], regimes: tuple[Any, ...], q: Query) -> Outcome:
    """One outcome for a group whose claim spans several intervals of conditions."""
    if len(outcomes) == 1:
        return outcomes[0]
    verdicts = {o.verdict for o in outcomes}
    reasons = list(dict.fromkeys(r for o in outcomes for r in o.reasons))
    missing = list(dict.fromkeys(m for o in outcomes for m in o.missing))
    if len(verdicts) == 1:
        return Outcome(outcomes[0].verdict, tuple(reasons), tuple(missing))
    changes = ", ".join(iso(r.start) for r in regimes[1:] if r.start)
    steps = "; ".join(
        f"{'from ' + iso(r.start) if r.start else 'before'}: {o.verdict.value}"
        for r, o in zip(regimes, outcomes, strict=True)
    )
    span = "the claim gives no date" if q.start is None and q.end is None else "the claim's date span covers a change"
    reasons.insert(0, Reason("event-date", "engine", "", f"{span}; the verdict depends on the day: {steps}"))
    missing.insert(0, f"the exact date of the event (the conditions changed on {changes})")
    return Outcome(Verdict.UNDETERMINED, tuple(reasons), tuple(missing))


def _combine(results: list[tuple[Group, Outcome]], reasons: list[Reason], candidates: int) -> Verdict:
    """One verdict over the candidate groups judged; a split verdict is undetermined and says how."""
    verdicts = {o.verdict for _, o in results}
    if len(verdicts) == 1 and len(results) == candidates:
        return next(iter(verdicts))
    split = "; ".join(f"{g.label()}: {o.verdict.value}" for g, o in results)
    rest = candidates - len(results)
    more = f" ({rest} further candidates need not be judged: the verdict cannot be settled)" if rest else ""
    reasons.append(Reason("candidates", "engine", "", f"the verdict depends on which transfer is meant: {split}{more}"))
    return Verdict.UNDETERMINED


def check_claims(
    claims: Iterable[Claim | Mapping[str, Any]],
    transfers: Iterable[Transfer],
    conditions: Iterable[Condition],
    knowledge: Knowledge | None = None,
) -> list[Finding]:
    """Findings for many claims against one registry (indexes once)."""
    engine = PolicyEngine(transfers, conditions, knowledge)
    return [engine.check(c) for c in claims]


def conditions_in_force(
    conditions: Iterable[Condition], on: dt.date, supplier: str | None = None, recipient: str | None = None
) -> list[Condition]:
    """The conditions valid on `on`, optionally of one supplier and for one recipient, in date order."""
    out = [
        c
        for c in conditions
        if (supplier is None or c.supplier == supplier)
        and (recipient is None or c.recipient in (None, recipient))
        and (c.valid_from is None or c.valid_from <= on)
        and (c.valid_to is None or on <= c.valid_to)
    ]
    return sorted(out, key=lambda c: (c.valid_from or dt.date.min, c.id))
