"""The rules one regime of conditions applies to one claim: territory, purpose, end user,
excluded systems, re-transfer consent.

`judge` answers for one candidate group of transfers and one interval of conditions; the
engine (`policy.py`) combines the answers over candidates and over time. The rules:

- **Territory.** Use is permitted where some grant in force covers the place (ISO 3166; see
  `places.py`). A place outside every grant is a possible breach; when the grant that would
  cover it leaves the system out (ATACMS under the 2024 counter-fire permission), the reason
  names the exclusion. A place too vague to tell is undetermined.
- **Purpose.** A grant that lists purposes permits the place only for them. Use on the
  recipient's own territory counts as defence of territory; counter-battery fire and air
  defence are kinds of defence of territory. A purpose-limited grant and a claim that states
  no purpose give undetermined, naming the grant.
- **End user.** When conditions name end users, a claim naming an actor that counts as one
  (`endusers.py`) passes; one that does not is undetermined. A claim naming no actor is
  checked as use by the recipient, and the unnamed user is listed in `missing`.
- **Re-transfer.** Passing weapons on needs the supplier's consent where a condition in force
  says so; consent is on record when the supplier authorized the system for the destination.
- **Capture** is checked for territory only: a weapon taken by the other side is not in
  itself a breach by the recipient, but where it was taken says where it had been brought.
"""

from __future__ import annotations

import datetime as dt
from typing import Final, NamedTuple

from enduse.model import Reason, Verdict
from enduse.registry.endusers import counts_as
from enduse.registry.findings import Query
from enduse.registry.index import Grant, Group, Regime, RegistryIndex
from enduse.registry.places import Place

DEFENCE: Final = "defence of territory"
#: Purposes that are forms of defence of territory.
DEFENSIVE: Final = frozenset({DEFENCE, "counter-battery", "air defence"})


class Outcome(NamedTuple):
    verdict: Verdict
    reasons: tuple[Reason, ...]
    missing: tuple[str, ...] = ()


def judge(q: Query, place: Place, g: Group, r: Regime, index: RegistryIndex, day: dt.date | None) -> Outcome:
    """The verdict of regime `r` on claim `q` about the transfers of group `g`."""
    if not r.in_force:
        text = f"no condition of {g.supplier} on {g.what} for {g.recipient} is on record {r.period}"
        need = f"the conditions {g.supplier} attached to {g.what} for {g.recipient} ({r.period})"
        return Outcome(Verdict.UNDETERMINED, (Reason("no-conditions", "registry", "", text),), (need,))
    if q.type == "RETRANSFER":
        return _retransfer(q, place, g, r, index, day)
    return _use(q, place, g, r)


def _use(q: Query, place: Place, g: Group, r: Regime) -> Outcome:
    if not r.grants and not r.excluded:
        ids = ", ".join(c.id for c in r.in_force)
        text = f"the conditions in force ({ids}) do not say where {g.what} may be used"
        need = f"where {g.supplier} permits {g.what} to be used ({r.period})"
        return Outcome(Verdict.UNDETERMINED, (Reason("no-territory-rule", "registry", "", text),), (need,))
    if place.country is None:
        text = "the claim does not say where the weapon was"
        return Outcome(
            Verdict.UNDETERMINED, (Reason("place", "engine", "", text),), ("where the weapon was used or seen",)
        )
    covering: list[Grant] = []
    vague: Grant | None = None
    for grant in r.grants:
        inside = grant.territory.contains(place)
        if inside:
            covering.append(grant)
        elif inside is None:
            vague = grant
    if covering:
        return _inside(q, place, g, r, covering)
    if vague is not None:
        c, terr = vague.condition, vague.territory.text
        text = f"the place is given only as {place.country}; permitted there only in {terr}"
        need = f"the region of the place within {place.country} ({c.id} permits only {terr})"
        return Outcome(Verdict.UNDETERMINED, (Reason.of(c, text),), (need,))
    where = place.region or place.country
    for c in reversed(r.excluded):
        if c.kind == "authorization" and c.permitted_territory and _covers(c.permitted_territory, place):
            reasons = [
                Reason.of(
                    c, f"{g.what} is excluded from this permission to use weapons in {', '.join(c.permitted_territory)}"
                )
            ]
            reasons += [
                Reason.of(x.condition, f"{where} is outside the territory permitted for {g.what}: {x.territory.text}")
                for x in r.grants
            ]
            return Outcome(Verdict.POSSIBLE_BREACH, tuple(reasons))
    reasons_ = tuple(
        Reason.of(x.condition, f"{where} is outside the permitted territory {x.territory.text}") for x in r.grants
    )
    return Outcome(Verdict.POSSIBLE_BREACH, reasons_)


def _covers(codes: list[str], place: Place) -> bool:
    return place.country in codes or (place.region is not None and place.region in codes)


def _inside(q: Query, place: Place, g: Group, r: Regime, covering: list[Grant]) -> Outcome:
    where = place.region or place.country
    own = place.country == g.recipient
    purposeless = q.type in ("SIGHTING", "CAPTURE")  # no use stated: a purpose limit does not bite
    unknown: Grant | None = None
    wrong: list[Grant] = []
    for grant in reversed(covering):  # the latest permission first
        if grant.purposes and not purposeless:
            if own and DEFENCE in grant.purposes:
                note = f"; use on {g.recipient}'s own territory counts as {DEFENCE}"
            elif q.purpose is None:
                unknown = unknown or grant
                continue
            elif q.purpose in grant.purposes or (DEFENCE in grant.purposes and q.purpose in DEFENSIVE):
                note = f", for {', '.join(sorted(grant.purposes))}; the stated purpose is {q.purpose}"
            else:
                wrong.append(grant)
                continue
        else:
            note = ""
        terr = grant.territory
        iso_note = (
            f" (ISO 3166-2 lists {place.region} under {place.country})"
            if place.region and place.country in terr.codes and place.region not in terr.codes
            else ""
        )
        text = f"{where} is inside the permitted territory {terr.text}{iso_note}{note}"
        return _end_user(q, g, r, Outcome(Verdict.CONSISTENT, (Reason.of(grant.condition, text),)))
    if unknown is not None:
        purposes = ", ".join(sorted(unknown.purposes))
        c = unknown.condition
        text = f"{where} is permitted only for {purposes}; the claim states no purpose"
        need = f"the purpose of the use ({c.id} permits {where} only for {purposes})"
        return Outcome(Verdict.UNDETERMINED, (Reason.of(c, text),), (need,))
    reasons = tuple(
        Reason.of(
            x.condition, f"{where} is permitted only for {', '.join(sorted(x.purposes))}; the claim says {q.purpose}"
        )
        for x in wrong
    )
    return Outcome(Verdict.POSSIBLE_BREACH, reasons)


def _end_user(q: Query, g: Group, r: Regime, ok: Outcome) -> Outcome:
    if r.end_users is None or q.type == "CAPTURE":
        return ok
    users = ", ".join(sorted(r.end_users))
    rule = r.end_user_rules[-1]
    if not q.actor:
        note = f"who used it (the conditions permit only {users}); checked as use by {g.recipient}"
        return Outcome(ok.verdict, ok.reasons, (*ok.missing, note))
    if counts_as(q.actor, r.end_users):
        return Outcome(
            ok.verdict,
            (*ok.reasons, Reason.of(rule, f"{q.actor[0]} counts as a permitted end user ({users})")),
            ok.missing,
        )
    return Outcome(
        Verdict.UNDETERMINED,
        (*ok.reasons, Reason.of(rule, f"only {users} may use it; whether {q.actor[0]} counts is not on record")),
        (*ok.missing, f"whether {q.actor[0]} counts as a permitted end user ({users})"),
    )


def _retransfer(q: Query, place: Place, g: Group, r: Regime, index: RegistryIndex, day: dt.date | None) -> Outcome:
    if not r.consent_rules:
        ids = ", ".join(c.id for c in r.in_force)
        text = f"the conditions in force ({ids}) do not address re-transfer"
        need = f"whether {g.supplier} requires consent to pass {g.what} on"
        return Outcome(Verdict.UNDETERMINED, (Reason("no-retransfer-rule", "registry", "", text),), (need,))
    destination = place.country if place.country != g.recipient else None
    consents = index.consent_on_record(g, destination, day)
    if consents:
        c = consents[-1]
        return Outcome(Verdict.CONSISTENT, (Reason.of(c, f"{g.supplier} authorized {g.what} for {destination}"),))
    rule = r.consent_rules[0]  # the first rule in force: the same one across intervals, so reasons stay short
    to = destination or "the third party"
    return Outcome(
        Verdict.POSSIBLE_BREACH,
        (Reason.of(rule, f"passing {g.what} on needs {g.supplier}'s consent; none for {to} is on record"),),
        (f"whether {g.supplier} consented to the re-transfer to {to}",),
    )
