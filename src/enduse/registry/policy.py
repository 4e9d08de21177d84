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
import gc
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any, Final, NamedTuple

from enduse.knowledge.catalog import Knowledge
from enduse.model import Claim, Condition, Finding, Reason, Transfer, Verdict
from enduse.registry.candidates import Candidates
from enduse.registry.dates import iso
from enduse.registry.findings import (
    CHECKED_TYPES,
    MAX_LISTED_TRANSFERS,
    Query,
    Summaries,
    finding_json,
    query_from_claim,
    query_from_dict,
)
from enduse.registry.index import READS_END_USERS, READS_PURPOSE, Group, RegistryIndex
from enduse.registry.places import Place
from enduse.registry.rules import Outcome, judge

MEMO_LIMIT: Final = 1_000_000  # entries per memo at most; all memos start afresh together beyond
BATCH: Final = 10_000  # claims `check_many` checks with the garbage collector paused
LISTED_GROUPS: Final = 20  # candidate groups named in the `candidates` reason
HEDGED: Final = "the claim is hedged (alleged or unconfirmed); so is the finding"
HEDGED_REASON: Final = Reason("hedged", "engine", "", HEDGED)
NEGATED: Final = Finding(
    Verdict.NOT_APPLICABLE,
    (Reason("negated", "engine", "", "the claim says this did not happen: there is nothing to check"),),
)


class Context(NamedTuple):
    """What a finding says that depends on the candidates and the event's last day only."""

    reasons: tuple[Reason, ...]  # the stated origin, the candidates when supplier or recipient is unnamed
    missing: tuple[str, ...]
    transfers: tuple[Transfer, ...]
    total: int
    suppliers: tuple[str, ...]


class Decision(NamedTuple):
    """What the outcomes of several candidate groups add to a finding (`PolicyEngine._decide`)."""

    verdict: Verdict
    reasons: tuple[Reason, ...]
    conditions: tuple[Condition, ...]
    missing: tuple[str, ...]


class PolicyEngine:
    """Checks claims against one registry; build it once and reuse it (it indexes on creation)."""

    def __init__(
        self,
        transfers: Iterable[Transfer],
        conditions: Iterable[Condition],
        knowledge: Knowledge | None = None,
        memo: bool = True,
    ) -> None:
        """Index the registry. With `memo` (the default) the engine keeps what it worked out
        for reuse: the finding of each claim key, each candidate group's outcome over a
        span of its timeline, and the words about each set of candidates up to a day. The
        engine is a pure function of the registry and the claim, so a memo answers exactly
        what working it out again would (`memo=False` does; the tests compare the two)."""
        self.index = RegistryIndex(transfers, conditions, knowledge)
        self.memo = memo
        self._fact_ids: dict[tuple[Any, ...], int] = {}
        self._findings: dict[tuple[Any, ...], Finding] = {}
        self._hedged: dict[tuple[Any, ...], Finding] = {}
        self._outcomes: dict[tuple[Any, ...], tuple[Outcome, tuple[Condition, ...]]] = {}
        self._contexts: dict[tuple[int, int], Context] = {}
        self._decisions: dict[tuple[Any, ...], Decision] = {}
        self._not_checked: dict[str, Finding] = {}
        self._summaries: Summaries = {}  # not a memo: bounded by the registry, kept by `_forget`
        self._full = False  # some memo is at MEMO_LIMIT: all start afresh before the next claim

    def check(self, claim: Claim | Mapping[str, Any]) -> Finding:
        """The finding for one claim (a domain Claim or an interchange dict).

        With the memo on, claims with the same key get the same Finding object: treat it as
        read-only."""
        q = query_from_claim(claim) if isinstance(claim, Claim) else query_from_dict(claim)
        return self.check_query(q)

    def check_many(self, claims: Iterable[Claim | Mapping[str, Any]]) -> Iterator[Finding]:
        """The findings of many claims, in order, as `check` gives them one by one.

        Claims are checked in batches with the cyclic garbage collector paused: the memos
        add objects by the hundred thousand, none of them in a cycle, and every collection
        would scan them again (about a third of the time otherwise)."""
        it = iter(claims)
        check = self.check
        while batch := list(islice(it, BATCH)):
            enabled = gc.isenabled()
            gc.disable()
            try:
                found = [check(c) for c in batch]
            finally:
                if enabled:
                    gc.enable()
            yield from found

    def to_json(self, f: Finding, doc_id: str | None, claim: Mapping[str, Any] | None) -> dict[str, Any]:
        """`finding_json` of one of this engine's findings, reusing the summaries of the
        transfers and conditions it lists (the registry does not change under an engine)."""
        return finding_json(f, doc_id, claim, self._summaries)

    def check_query(self, q: Query) -> Finding:
        if self._full:
            # Between claims only: a key made before the memos start afresh must not be
            # stored after (fact numbers are parts of keys).
            self._forget()
        if q.type not in CHECKED_TYPES:
            return self._not_applicable(q.type)
        if q.negated:
            return NEGATED
        index = self.index
        system = index.catalog.canonical(q.system) if q.system else None
        start, end = q.start or q.end, q.end or q.start
        if start is not None and end is not None and end < start:
            # A span written backwards (a scraper's or a hand's slip) means the same days.
            start, end = end, start
        cands = index.candidates(q.recipient, q.supplier, system, q.category, q.origin)
        n = cands.live(end)
        if n == 0:
            return self._no_transfer(q, system, end, cands.origin_narrowed)
        region = q.region
        place = Place(region[: region.index("-")], region) if region and "-" in region else Place(q.country, None)
        return self._finding(q, system, place, cands, n, start, end)

    def _finding(
        self,
        q: Query,
        system: str | None,
        place: Place,
        cands: Candidates,
        n: int,
        start: dt.date | None,
        end: dt.date | None,
    ) -> Finding:
        """The finding of a claim with candidates (`n` of them live by `end`), memoised."""
        # Between two consecutive days on which something changes for the candidates (a
        # delivery, a supplier's first delivery, a condition taking or losing force) every
        # day gives the same candidates and conditions: the finding depends on the dates
        # only through which of those intervals hold the claim's start and end.
        days = cands.change_days
        si = -1 if start is None else bisect_right(days, start)
        ei = -1 if end is None else bisect_right(days, end)
        if not self.memo:
            core = self._work_out(q, system, place, cands, n, start, end, ei)
            return core.hedged(HEDGED_REASON) if q.hedged else core
        # Regions no condition names are judged alike: their finding is worked out (and
        # memoised) once for all of them, and each claim's finding shares it, with its own
        # region's code to write in (`Finding.region`).
        judged = place.judged_as(self.index.named_places)
        judging = self._judging(q, judged, cands, start, end)
        key = (id(cands), judging[0], si, ei)
        memo = self._hedged if q.hedged else self._findings
        finding = memo.get(key)
        if finding is None:
            if q.hedged:
                # A hedged claim's finding is the plain one with the hedge said first: it is
                # worked out once for both.
                plain = self._findings.get(key)
                if plain is None:
                    plain = self._work_out(q, system, judged, cands, n, start, end, ei, judging)
                    self._findings[key] = plain
                finding = plain.hedged(HEDGED_REASON)
            else:
                finding = self._work_out(q, system, judged, cands, n, start, end, ei, judging)
            memo[key] = finding
        return finding if judged is place else finding.in_region(place.region or "")

    def _work_out(
        self,
        q: Query,
        system: str | None,
        place: Place,
        cands: Candidates,
        n: int,
        start: dt.date | None,
        end: dt.date | None,
        ei: int,
        judging: tuple[int, int, int] | None = None,
    ) -> Finding:
        """The finding, as if the claim were not hedged (`judging`: see `_judging`; with the
        memos on only)."""
        ctx = self._context(q, system, end, cands, n, ei)
        if n > 1:
            return self._decide(q, cands, n, place, start, end, ctx, judging)
        outcome, in_force = self._judge_group(q, place, cands.groups[0], start, end)
        return Finding(
            outcome.verdict,
            ctx.reasons + outcome.reasons,
            ctx.transfers,
            in_force,
            ctx.missing + outcome.missing,
            ctx.suppliers,
            ctx.total,
        )

    def _decide(
        self,
        q: Query,
        cands: Candidates,
        n: int,
        place: Place,
        start: dt.date | None,
        end: dt.date | None,
        ctx: Context,
        judging: tuple[int, int, int] | None,
    ) -> Finding:
        """The finding over several candidate groups: one verdict when all agree.

        The verdict, and what the groups' outcomes add to the reasons, conditions and missing
        facts, change only on the candidates' `verdict_days`; the transfers listed (`ctx`)
        change on more days. So the decision is memoised apart from the finding."""
        if judging is not None:
            # Keyed on the groups, not the candidates: an origin that narrows nothing shares
            # them (`RegistryIndex.candidates`), and the judging never reads the origin.
            key = (id(cands.groups), *judging)
            decision = self._decisions.get(key)
            if decision is None:
                decision = self._decisions[key] = self._judge_all(q, cands, n, place, start, end)
        else:
            decision = self._judge_all(q, cands, n, place, start, end)
        verdict, reasons, conditions, missing = decision
        # The context says what the candidates are, the decision what the rules made of
        # them: their reasons and missing facts never repeat each other.
        return Finding(
            verdict,
            ctx.reasons + reasons,
            ctx.transfers,
            conditions,
            ctx.missing + missing,
            ctx.suppliers,
            ctx.total,
        )

    def _judge_all(
        self, q: Query, cands: Candidates, n: int, place: Place, start: dt.date | None, end: dt.date | None
    ) -> Decision:
        """The verdict over the `n` live candidate groups, the reasons and missing facts their
        outcomes (and a split between them) add, and the conditions in force."""
        results: list[tuple[Group, Outcome]] = []
        forces: list[tuple[Condition, ...]] = []
        first: Verdict | None = None
        for g in cands.in_judging_order(end):
            outcome, in_force = self._judge_group(q, place, g, start, end)
            results.append((g, outcome))
            forces.append(in_force)
            # Once one candidate is undetermined, or two disagree, nothing the others say can
            # settle the verdict: the rest stay listed as candidates without being judged.
            if outcome.verdict is Verdict.UNDETERMINED or (first is not None and outcome.verdict is not first):
                break
            first = outcome.verdict
        reasons: list[Reason] = []
        verdict = _combine(results, reasons, n)
        conditions = {c.id: c for f in forces for c in f}
        return Decision(
            verdict,
            tuple(dict.fromkeys([*reasons, *(r for _, o in results for r in o.reasons)])),
            tuple(sorted(conditions.values(), key=_condition_order)),
            tuple(dict.fromkeys(m for _, o in results for m in o.missing)),
        )

    def _judging(
        self, q: Query, place: Place, cands: Candidates, start: dt.date | None, end: dt.date | None
    ) -> tuple[int, int, int]:
        """(facts, si, ei): what the rules read of the claim (`_facts`) over the intervals of
        the candidates' `verdict_days` that hold its start and end (-1: none stated)."""
        days = cands.verdict_days
        si = -1 if start is None else bisect_right(days, start)
        ei = -1 if end is None else bisect_right(days, end)
        return self._facts(q, place, end, cands.reads_between(si, ei)), si, ei

    def _judge_group(
        self, q: Query, place: Place, g: Group, start: dt.date | None, end: dt.date | None
    ) -> tuple[Outcome, tuple[Condition, ...]]:
        """One group's outcome over the claim's dates, and the conditions in force on them."""
        timeline = g.timeline or self.index.timeline(g)
        first = g.first
        # An undated claim, or one starting before the first delivery: from the first delivery on.
        since = first if start is None or (first is not None and first > start) else start
        lo, hi = timeline.span(since, end)
        key: tuple[Any, ...] | None = None
        if self.memo:
            # A group lives as long as the index, so its id is a stable key; the facts are
            # those the group's conditions read (see `_facts`).
            key = (id(g), lo, hi, start is None, self._facts(q, place, end, timeline.reads_in(lo, hi)))
            hit = self._outcomes.get(key)
            if hit is not None:
                return hit
        regimes = timeline.regimes[lo:hi]
        if len(regimes) == 1:
            r = regimes[0]
            result = (judge(q, place, g, r, self.index, end), r.in_force)
        else:
            outcomes = [judge(q, place, g, r, self.index, end) for r in regimes]
            in_force = tuple({c.id: c for r in regimes for c in r.in_force}.values())
            result = (_over_time(outcomes, regimes, q), in_force)
        if key is not None:
            self._outcomes[key] = result
        return result

    def _facts(self, q: Query, place: Place, end: dt.date | None, reads: int) -> int:
        """A small number standing for everything the rules read from the claim, given what
        the conditions concerned can read (`index.READS_*`).

        Conditions that name no purpose never read the claim's purpose, nor do those that
        name no end users its actor; where no condition is in force at all, the rules read
        nothing of the claim. Leaving out what is not read lets claims that differ only
        there share one finding.
        """
        if not reads:
            return 0
        t = q.type
        if t == "RETRANSFER":
            # Consent is looked up for the destination country on the day, and the consents on
            # record change only on the days some condition takes or loses force.
            day = -1 if end is None else bisect_right(self.index.condition_days, end)
            key: tuple[Any, ...] = (t, place.country, day)
        else:
            # A stated use is judged against purposes, a capture is not judged against end
            # users; where neither is on record, a use, a sighting and a capture are judged alike.
            kind = (
                "USE"
                if t == "USE" and reads & READS_PURPOSE
                else "CAPTURE"
                if t == "CAPTURE" and reads & READS_END_USERS
                else "seen"
            )
            key = (
                kind,
                place,
                q.purpose if t == "USE" and reads & READS_PURPOSE else None,
                q.actor if t != "CAPTURE" and reads & READS_END_USERS else None,
            )
        n = self._fact_ids.get(key)
        if n is None:
            memos: tuple[dict[Any, Any], ...] = (
                self._fact_ids,
                self._findings,
                self._hedged,
                self._outcomes,
                self._decisions,
            )
            if max(len(m) for m in memos) >= MEMO_LIMIT:
                self._full = True
            n = self._fact_ids[key] = len(self._fact_ids) + 1
        return n

    def _forget(self) -> None:
        self._full = False
        # Fact numbers are parts of the other keys: all memos start afresh together.
        self._fact_ids.clear()
        self._findings.clear()
        self._hedged.clear()
        self._outcomes.clear()
        self._contexts.clear()
        self._decisions.clear()
        self._not_checked.clear()

    # steps --------------------------------------------------------------------------------

    def _not_applicable(self, kind: str) -> Finding:
        hit = self._not_checked.get(kind)
        if hit is None:
            text = f"{kind or 'an untyped'} claim states no use, sighting, capture or hand-over to check"
            hit = Finding(Verdict.NOT_APPLICABLE, (Reason("claim-type", "engine", "", text),))
            if self.memo and len(self._not_checked) < MEMO_LIMIT:
                self._not_checked[kind] = hit
        return hit

    def _no_transfer(self, q: Query, system: str | None, end: dt.date | None, narrowed: bool | None) -> Finding:
        what = system or (f"{q.category} weapons" if q.category and q.category != "generic" else "weapons")
        made = f" made in {q.origin}" if narrowed else ""
        frm = f" from {q.supplier}" if q.supplier else ""
        to = f" to {q.recipient}" if q.recipient else ""
        by = f" by {iso(end)}" if end else ""
        text = f"no transfer of {what}{made}{frm}{to}{by} is on record"
        reason = Reason("no-transfer", "registry", "", text)
        reasons = (HEDGED_REASON, reason) if q.hedged else (reason,)
        return Finding(Verdict.UNDETERMINED, reasons, missing=(f"a transfer of {what}{made}{frm}{to}{by}",))

    def _context(
        self, q: Query, system: str | None, end: dt.date | None, cands: Candidates, n: int, ei: int
    ) -> Context:
        """The stated origin, the candidates in words, and the candidate transfers and
        suppliers by `end` (`ei`: its interval among the candidates' change days)."""
        key = (id(cands), ei)  # candidates live as long as the index
        if self.memo:
            hit = self._contexts.get(key)
            if hit is not None:
                return hit
        reasons: list[Reason] = []
        missing: list[str] = []
        if cands.origin_narrowed is not None:
            reasons.append(_origin_reason(q.origin or "", cands.origin_narrowed))
        if q.supplier is None or q.recipient is None:
            what = system or (q.category if q.category and q.category != "generic" else "weapons")
            # No date in these words: they are shared by claims whose dates differ but fall
            # between the same changes of the registry.
            by = " that can have arrived by the event" if end else ""
            listed = cands.listing(n, LISTED_GROUPS)
            unnamed = " and ".join(x for x, v in (("supplier", q.supplier), ("recipient", q.recipient)) if v is None)
            text = f"the claim names no {unnamed}; every transfer of {what}{by} on record is a candidate: {listed}"
            reasons.append(Reason("candidates", "registry", "", text))
            if q.supplier is None:
                missing.append(f"the supplier (candidates: {cands.named('suppliers', end)})")
            if q.recipient is None:
                missing.append(f"the recipient (candidates: {cands.named('recipients', end)})")
        transfers, total = cands.transfers_by(end, MAX_LISTED_TRANSFERS)
        ctx = Context(tuple(reasons), tuple(missing), tuple(transfers), total, tuple(cands.suppliers_by(end)))
        if self.memo:
            self._contexts[key] = ctx
        return ctx


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
    # Not how many: the candidates are counted in the context, and the decision is shared by
    # claims whose dates see different numbers of them (`Candidates.verdict_days`).
    more = (
        " (the other candidates need not be judged: the verdict cannot be settled)" if len(results) < candidates else ""
    )
    reasons.append(Reason("candidates", "engine", "", f"the verdict depends on which transfer is meant: {split}{more}"))
    return Verdict.UNDETERMINED


def engine_kind() -> str:
    """Which engine runs: this module compiled by mypyc (setup.py) or as pure Python."""
    return "pure Python" if __file__.endswith(".py") else "compiled with mypyc"


def check_claims(
    claims: Iterable[Claim | Mapping[str, Any]],
    transfers: Iterable[Transfer],
    conditions: Iterable[Condition],
    knowledge: Knowledge | None = None,
) -> list[Finding]:
    """Findings for many claims against one registry (indexes once)."""
    return list(PolicyEngine(transfers, conditions, knowledge).check_many(claims))


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
