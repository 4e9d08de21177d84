"""One merged group of claims made into an `Assertion`: what it states, its origins, its grades.

What the assertion states is the most specific value its claims give for each field, shown
with the words of a claim that gave it, so the analyst reads "rifles made in Belgium" next to
"FN SCAR" and can see where each came from.
"""

from __future__ import annotations

from collections.abc import Mapping

from enduse.assess.assertions import Group
from enduse.assess.copies import Copies
from enduse.assess.facts import Facts
from enduse.assess.grades import Context, credibility, reliability
from enduse.assess.names import Names
from enduse.assess.origins import trace_origins
from enduse.model import ActorRef, Assertion, Claim, ClaimType, DateSpan, Document, PlaceRef, WeaponRef


def build_assertion(
    aid: str,
    group: Group,
    claims: Mapping[int, Claim],
    facts: Mapping[int, Facts],
    docs: Mapping[str, Document],
    copies: Copies,
    names: Names,
    grades: Mapping[str, str],
    context: Context,
) -> Assertion:
    """The assertion of `group` (its claim ids, most specific first, and their joint facts)."""
    members = {cid: claims[cid] for cid in group.claim_ids}
    f = group.facts
    traced = trace_origins(list(members.items()), docs, copies, names, grades)
    grade, reasons = credibility(members, traced, f, context)
    types = {c.type for c in members.values()}
    if f.group == "EVENT":
        ctype = ClaimType.USE if ClaimType.USE in types else ClaimType.SIGHTING
    else:
        ctype = next(iter(types))
    return Assertion(
        id=aid,
        type=ctype,
        claim_ids=list(group.claim_ids),
        weapon=_weapon(f, members, facts, names),
        actor=_actor(f, members, facts, names),
        place=_place(f, members),
        when=_when(f, members),
        independent_origins=len(traced.origins),
        reliability=reliability(traced),
        credibility=grade,
        origins=traced.origins,
        reasons=reasons,
        origin=f.origin,
    )


def _weapon(f: Facts, members: dict[int, Claim], facts: Mapping[int, Facts], names: Names) -> WeaponRef | None:
    texts = [c.weapon.text for cid, c in members.items() if c.weapon and facts[cid].weapon == f.weapon]
    texts = texts or [c.weapon.text for c in members.values() if c.weapon]
    if not texts and not f.category and not f.weapon:
        return None
    name = names.knowledge.weapons[f.weapon].name if f.weapon else None
    return WeaponRef(texts[0] if texts else "", name, f.category or "generic")


def _actor(f: Facts, members: dict[int, Claim], facts: Mapping[int, Facts], names: Names) -> ActorRef | None:
    if f.actor is None:
        return None
    for cid, c in members.items():
        if c.actor and facts[cid].actor == f.actor:
            resolved = names.actor(c.actor.name, c.actor.text)
            return ActorRef(c.actor.text, resolved.label if resolved else c.actor.name)
    return None


def _place(f: Facts, members: dict[int, Claim]) -> PlaceRef | None:
    if f.country is None and f.region is None:
        return None
    texts = [c.place.text for c in members.values() if c.place and c.place.region == f.region and c.place.text]
    texts = texts or [c.place.text for c in members.values() if c.place and c.place.text]
    return PlaceRef(texts[0] if texts else "", f.country, f.region)


def _when(f: Facts, members: dict[int, Claim]) -> DateSpan | None:
    if f.start is None and f.end is None:
        return None
    texts = sorted({c.when.text for c in members.values() if c.when and c.when.text})
    return DateSpan(f.start, f.end, "; ".join(texts) or None, "the overlap of the claims' spans")
