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
from typing import Any, NamedTuple

from enduse.knowledge.catalog import Knowledge
from enduse.model import Claim, Condition, Finding, Reason, Transfer, Verdict
from enduse.registry.candidates import Candidates
from enduse.registry.dates import iso
from enduse.registry.findings import (
    _EMPTY,
    CHECKED_TYPES,
    MAX_LISTED_TRANSFERS,
    Query,
    _code,
    _date,
    query_from_claim,
    query_from_dict,
)
from enduse.registry.index import READS_END_USERS, READS_PURPOSE, Group, RegistryIndex
from enduse.registry.places import ANY_REGION, Place
from enduse.registry.rules import Outcome, judge

MEMO_LIMIT = 1_000_000  # entries per memo at most; all memos start afresh together beyond
BATCH = 10_000  # claims `check_many` checks with the garbage collector paused
LISTED_GROUPS = 20  # candidate groups named in the `candidates` reason
HEDGED = "the claim is hedged (alleged or unconfirmed); so is the finding"
HEDGED_REASON = Reason("hedged", "engine", "", HEDGED)
_NO = object()  # the fast path of `check_many` leaves the claim to `check`
NEGATED = Finding(
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
        self._not_checked: dict[str, Finding] = {}
        self._full = False  # some memo is at MEMO_LIMIT: all start afresh before the next claim
        # `check_many`'s fast path: what raw field values of interchange dicts mean (strings
        # only; `_NO` for values it leaves to `check`), by the claims' recurring values.
        self._raw_types: dict[Any, Any] = {}
        self._raw_cands: dict[tuple[Any, ...], Any] = {}
        self._raw_dates: dict[tuple[Any, Any], Any] = {}
        self._raw_places: dict[tuple[Any, Any], Any] = {}
        self._raw_purposes: dict[Any, Any] = {}
        self._raw_actors: dict[tuple[Any, Any], Any] = {}

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
        check = self._check_batch if self.memo else self._check_each
        while batch := list(islice(it, BATCH)):
            enabled = gc.isenabled()
            gc.disable()
            try:
                found = check(batch)
            finally:
                if enabled:
                    gc.enable()
            yield from found

    def _check_each(self, batch: list[Claim | Mapping[str, Any]]) -> list[Finding]:
        check = self.check
        return [check(c) for c in batch]

    def _check_batch(self, batch: list[Claim | Mapping[str, Any]]) -> list[Finding]:
        """`check` for each claim, with a fast path for interchange dicts: the memo key is
        worked out straight from the raw fields (their meanings looked up in caches keyed on
        the raw values), and a Query is built only when the memo does not answer.

        The fast path only reads the memos: anything it does not cover (another claim type,
        a negated claim, a field that is not a string, no live candidate, facts never seen,
        a memo miss, memos about to start afresh) goes the ordinary way through `check`."""
        check = self.check
        findings, hedged_memo, fact_ids = self._findings, self._hedged, self._fact_ids
        raw_cands, raw_places, raw_dates = self._raw_cands, self._raw_places, self._raw_dates
        raw_purposes, raw_actors, raw_types = self._raw_purposes, self._raw_actors, self._raw_types
        condition_days = self.index.condition_days
        out: list[Finding] = []
        append = out.append
        for c in batch:
            if c.__class__ is not dict or self._full:
                append(check(c))
                continue
            get = c.get  # type: ignore[union-attr]
            try:
                t = raw_types.get(get("type"))
                if t is None:
                    t = self._raw_type(get("type"))
                if t is _NO or get("negated"):
                    append(check(c))
                    continue
                weapon, place, when = get("weapon"), get("place"), get("when")
                if not isinstance(weapon, dict):
                    weapon = _EMPTY
                if not isinstance(place, dict):
                    place = _EMPTY
                if not isinstance(when, dict):
                    when = _EMPTY
                ck = (weapon.get("name"), weapon.get("category"), get("origin"), get("supplier"), get("recipient"))
                cands = raw_cands.get(ck)
                if cands is None:
                    cands = self._raw_candidates(ck)
                if cands is _NO:
                    append(check(c))
                    continue
                dk = (when.get("start"), when.get("end"))
                span = raw_dates.get(dk)
                if span is None:
                    span = self._raw_span(dk)
                if span is _NO:
                    append(check(c))
                    continue
                start, end = span
                if cands.live(end) == 0:
                    append(check(c))
                    continue
                pk = (place.get("country"), place.get("region"))
                where = raw_places.get(pk)
                if where is None:
                    where = self._raw_place(pk)
                if where is _NO:
                    append(check(c))
                    continue
                reads = cands.reads
                if not reads:
                    facts: int | None = 0
                else:
                    if t == "RETRANSFER":
                        day = -1 if end is None else bisect_right(condition_days, end)
                        fk: tuple[Any, ...] = (t, where.country, day)
                    else:
                        purpose: Any = None
                        actor: Any = None
                        if t == "USE" and reads & READS_PURPOSE:
                            kind = "USE"
                            raw = get("purpose")
                            purpose = raw_purposes.get(raw, _NO)
                            if purpose is _NO:
                                purpose = self._raw_purpose(raw)
                        elif t == "CAPTURE" and reads & READS_END_USERS:
                            kind = "CAPTURE"
                        else:
                            kind = "seen"
                        if t != "CAPTURE" and reads & READS_END_USERS:
                            who = get("actor")
                            if not isinstance(who, dict):
                                who = _EMPTY
                            ak = (who.get("name"), who.get("text"))
                            actor = raw_actors.get(ak)
                            if actor is None:
                                actor = self._raw_actor(ak)
                        if purpose is _NO or actor is _NO:
                            append(check(c))
                            continue
                        fk = (kind, where, purpose, actor)
                    facts = fact_ids.get(fk)
                    if facts is None:
                        append(check(c))
                        continue
                days = cands.change_days
                key = (
                    id(cands),
                    facts,
                    -1 if start is None else bisect_right(days, start),
                    -1 if end is None else bisect_right(days, end),
                )
                hit = (hedged_memo if get("hedged") else findings).get(key)
            except TypeError:  # an unhashable field: the ordinary way
                hit = None
            append(check(c) if hit is None else hit)
        return out

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
            return _hedge(core) if q.hedged else core
        key = (id(cands), self._facts(q, place, end, cands.reads), si, ei)
        memo = self._hedged if q.hedged else self._findings
        hit = memo.get(key)
        if hit is not None:
            return hit
        judged = place.judged_as(self.index.named_places)
        if judged is not place:
            # Regions no condition names are judged alike: the finding is worked out (and
            # memoised) once for all of them, and this region's code written in.
            finding = _in_region(self._finding(q, system, judged, cands, n, start, end), place.region)
        elif q.hedged:
            # A hedged claim's finding is the plain one with the hedge said first: it is
            # worked out once for both.
            plain = self._findings.get(key)
            if plain is None:
                plain = self._findings[key] = self._work_out(q, system, place, cands, n, start, end, ei)
            finding = _hedge(plain)
        else:
            finding = self._work_out(q, system, place, cands, n, start, end, ei)
        memo[key] = finding
        return finding

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
    ) -> Finding:
        """The finding, as if the claim were not hedged."""
        ctx = self._context(q, system, end, cands, n, ei)
        if n > 1:
            return self._decide(q, cands, n, place, start, end, ctx)
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
    ) -> Finding:
        """The finding over several candidate groups: one verdict when all agree."""
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
        reasons = list(ctx.reasons)
        verdict = _combine(results, reasons, n)
        conditions = {c.id: c for f in forces for c in f}
        return Finding(
            verdict=verdict,
            reasons=tuple(dict.fromkeys([*reasons, *(r for _, o in results for r in o.reasons)])),
            transfers=ctx.transfers,
            conditions=tuple(sorted(conditions.values(), key=_condition_order)),
            missing=tuple(dict.fromkeys([*ctx.missing, *(m for _, o in results for m in o.missing)])),
            candidates=ctx.suppliers,
            transfers_total=ctx.total,
        )

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
            key = (id(g), lo, hi, start is None, self._facts(q, place, end, timeline.reads))
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
            if max(len(self._fact_ids), len(self._findings), len(self._hedged), len(self._outcomes)) >= MEMO_LIMIT:
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
        self._not_checked.clear()
        for raw in (self._raw_types, self._raw_cands, self._raw_dates, self._raw_places, self._raw_purposes):
            raw.clear()
        self._raw_actors.clear()

    # the fast path's look-ups: each the same as `query_from_dict` and `check_query` give --------

    @staticmethod
    def _remember(cache: dict[Any, Any], key: Any, value: Any) -> Any:
        if len(cache) < MEMO_LIMIT:
            cache[key] = value
        return value

    def _raw_type(self, raw: Any) -> Any:
        if not _text(raw):
            return _NO
        t = str(raw or "").upper()
        return self._remember(self._raw_types, raw, t if t in CHECKED_TYPES else _NO)

    def _raw_candidates(self, key: tuple[Any, ...]) -> Any:
        if not all(_text(x) for x in key):
            return _NO
        name, category, origin, supplier, recipient = key
        system = self.index.catalog.canonical(name) if name else None
        cands = self.index.candidates(_code(recipient), _code(supplier), system, category or None, _code(origin))
        return self._remember(self._raw_cands, key, cands)

    def _raw_span(self, key: tuple[Any, Any]) -> Any:
        if not (_text(key[0]) and _text(key[1])):
            return _NO
        start, end = _date(key[0]), _date(key[1])
        return self._remember(self._raw_dates, key, (start or end, end or start))

    def _raw_place(self, key: tuple[Any, Any]) -> Any:
        if not (_text(key[0]) and _text(key[1])):
            return _NO
        country, region = _code(key[0]), _code(key[1])
        place = Place(region[: region.index("-")], region) if region and "-" in region else Place(country, None)
        return self._remember(self._raw_places, key, place)

    def _raw_purpose(self, raw: Any) -> Any:
        if not _text(raw):
            return _NO
        return self._remember(self._raw_purposes, raw, str(raw).strip().lower() if raw else None)

    def _raw_actor(self, key: tuple[Any, Any]) -> Any:
        if not (_text(key[0]) and _text(key[1])):
            return _NO
        name, words = key
        names: tuple[str, ...] = (name, words) if name and words else (name or words,) if name or words else ()
        return self._remember(self._raw_actors, key, names)

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


def _text(value: Any) -> bool:
    """Whether the fast path of `check_many` takes a raw field value (a string, or none)."""
    return value is None or value.__class__ is str


def _hedge(f: Finding) -> Finding:
    """The finding of the hedged claim whose plain finding is `f`."""
    return Finding(
        f.verdict, (HEDGED_REASON, *f.reasons), f.transfers, f.conditions, f.missing, f.candidates, f.transfers_total
    )


def _in_region(f: Finding, region: str | None) -> Finding:
    """Finding `f`, worked out for `ANY_REGION`, with the claim's region written in."""
    code = region or ""
    reasons = tuple(r._replace(text=r.text.replace(ANY_REGION, code)) if ANY_REGION in r.text else r for r in f.reasons)
    missing = tuple(m.replace(ANY_REGION, code) for m in f.missing)
    return Finding(f.verdict, reasons, f.transfers, f.conditions, missing, f.candidates, f.transfers_total)


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
