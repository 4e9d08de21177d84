"""What a claim states, reduced to comparable facts, and when two statements are the same.

Two claims state the same thing when, field by field, nothing contradicts:

- type: the same, except that `USE` and `SIGHTING` describe one event seen two ways and
  merge (their type group is `EVENT`);
- weapon: the same catalog system (or one system a variant of the other, `parent` in the
  catalog), or a specific system under a generic class of the same category and origin
  ("Belgian rifles" ⊇ FN SCAR; "Belgian-made weapons" ⊇ both), where an unknown category or
  origin contradicts nothing, except crosswise: "Belgian weapons" and "tanks" do not make
  "Belgian tanks";
- actor: the same catalog party, or forces of one kind fighting for one side from one country
  (the Russian Volunteer Corps and the Freedom of Russia Legion in one raid; a unit and its
  armed forces), or one side unknown; for a decision, an inquiry or a denial the acting party
  is what the claim is about, so a name the catalogs do not know still counts, but for a use
  or a sighting it is only a description ("pro-Ukraine fighters") and counts as unknown;
- place: the same region, or the same country with one region unknown, or one side unknown;
  two different towns (catalog settlements) are two places even when their region is unknown;
- time: overlapping spans, or one side unknown.

A group of merged claims keeps the most specific value of each field (`Facts.narrow`), and a
new claim is compared with that, not with each member: so "Belgian weapons" can join an FN
SCAR assertion, but an FN SCAR claim and an F2000 claim never end up together through it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace

from enduse.assess.names import Names
from enduse.ingest.boilerplate import normalise
from enduse.model import Claim, ClaimType

EVENT_TYPES = frozenset({ClaimType.USE, ClaimType.SIGHTING})
# Types whose actor is the party that acts (decides, inquires, denies): it is what they are about.
PARTY_TYPES = frozenset({ClaimType.AUTHORIZATION, ClaimType.INVESTIGATION, ClaimType.DENIAL})
# Spans longer than this say little about when something happened ("since 2022").
INFORMATIVE_DAYS = 62


def type_group(t: ClaimType) -> str:
    """The types that merge: USE and SIGHTING are one group (`EVENT`), every other type its own."""
    return "EVENT" if t in EVENT_TYPES else str(t)


def claim_key(claim: Claim) -> str:
    """A key for a claim that stays the same when extraction runs again over the same text.

    Database ids change on every re-run (claims are replaced), so analyst decisions name claims
    by this key: the document, the type group, and a digest of the evidence words, the weapon
    and its origin (one sentence can make several claims that differ only in those).
    """
    w = claim.weapon
    basis = "|".join((normalise(claim.evidence.text), (w.name or w.category or "") if w else "", claim.origin or ""))
    digest = hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]
    return f"{claim.doc_id}:{type_group(claim.type)}:{digest}"


@dataclass(frozen=True, slots=True)
class Facts:
    """A claim's or an assertion's comparable fields; None means unknown."""

    group: str
    weapon: str | None = None  # catalog weapon id
    lineage: tuple[str, ...] = ()  # the weapon id and its catalog parents
    category: str | None = None
    origin: str | None = None
    actor: str | None = None  # catalog key of the actor (names.Names)
    force: str | None = None  # country, side and kind of an armed actor: co-fighting forces agree
    country: str | None = None
    region: str | None = None
    settlement: str | None = None  # catalog id of the town the place names, if one
    start: dt.date | None = None
    end: dt.date | None = None

    def compatible(self, other: Facts) -> bool:
        """Do the two state the same thing (the rules in the module docstring)?"""
        return (
            self.group == other.group
            and self._weapon_ok(other)
            and (_same_or_unknown(self.actor, other.actor) or (self.force is not None and self.force == other.force))
            and _same_or_unknown(self.country, other.country)
            and _same_or_unknown(self.region, other.region)
            and _same_or_unknown(self.settlement, other.settlement)
            and _overlap(self.start, self.end, other.start, other.end)
        )

    def _weapon_ok(self, other: Facts) -> bool:
        if self.weapon and other.weapon:
            return self.weapon in other.lineage or other.weapon in self.lineage
        if (self.category is None and other.origin is None and self.origin and other.category) or (
            other.category is None and self.origin is None and other.origin and self.category
        ):
            return False  # "Belgian weapons" and "tanks" are not "Belgian tanks"
        return _same_or_unknown(self.category, other.category) and _same_or_unknown(self.origin, other.origin)

    def agreement(self, other: Facts) -> int:
        """How many fields both know and agree on: the better home for a claim that fits several."""
        pairs = (
            (self.weapon, other.weapon),
            (self.category, other.category),
            (self.origin, other.origin),
            (self.actor, other.actor),
            (self.country, other.country),
            (self.region, other.region),
            (self.settlement, other.settlement),
            (self.start, other.start),
        )
        return sum(1 for a, b in pairs if a is not None and a == b)

    def specificity(self) -> int:
        """How much the facts pin down; the most specific claims seed assertions first."""
        known = (self.weapon, self.category, self.origin, self.actor, self.country, self.region, self.start)
        return 2 * (self.weapon is not None) + sum(v is not None for v in known)

    def narrow(self, other: Facts) -> Facts:
        """The facts of a group once `other` joins it: the most specific value of each field and
        the overlap of the two time spans."""
        weapon, lineage = self.weapon, self.lineage
        if other.weapon and (not weapon or (weapon in other.lineage and weapon != other.weapon)):
            weapon, lineage = other.weapon, other.lineage
        start, end = self.start, self.end
        if other.start or other.end:
            start = max((d for d in (start, other.start) if d), default=None)
            end = min((d for d in (end, other.end) if d), default=None)
        return replace(
            self,
            weapon=weapon,
            lineage=lineage,
            category=self.category or other.category,
            origin=self.origin or other.origin,
            actor=self.actor or other.actor,
            force=self.force or other.force,
            country=self.country or other.country,
            region=self.region or other.region,
            settlement=self.settlement or other.settlement,
            start=start,
            end=end,
        )


def _same_or_unknown(a: object, b: object) -> bool:
    return a is None or b is None or a == b


def _overlap(a0: dt.date | None, a1: dt.date | None, b0: dt.date | None, b1: dt.date | None) -> bool:
    if (a0 is None and a1 is None) or (b0 is None and b1 is None):
        return True
    return (a0 is None or b1 is None or a0 <= b1) and (b0 is None or a1 is None or b0 <= a1)


def facts_of(claim: Claim, names: Names) -> Facts:
    """The comparable facts of one claim, with names resolved against the catalogs."""
    k = names.knowledge
    weapon = lineage = None
    category = origin = None
    if claim.weapon is not None:
        entry = k.weapon_named(claim.weapon.name) if claim.weapon.name else None
        if entry is not None:
            weapon, lineage = entry.id, _lineage(entry.id, names)
            category, origin = entry.category, entry.origin
        if claim.weapon.category and claim.weapon.category != "generic":
            category = claim.weapon.category
    origin = claim.origin or origin
    actor = names.party(claim.actor.name) if claim.actor else None
    if actor is not None and claim.type not in PARTY_TYPES and not actor.key.startswith(("actor:", "group:", "state:")):
        actor = None  # "pro-Ukraine fighters" describes a user; it does not identify one
    region = claim.place.region if claim.place else None
    country = (claim.place.country if claim.place else None) or (region.split("-")[0] if region else None)
    start = end = None
    if claim.when is not None:
        start, end = claim.when.start, claim.when.end
    return Facts(
        group=type_group(claim.type),
        weapon=weapon,
        lineage=lineage or (),
        category=category,
        origin=origin,
        actor=actor.key if actor else None,
        force=_force(actor.key if actor else None, names),
        country=country,
        region=region,
        settlement=names.settlement(claim.place.text) if claim.place else None,
        start=start,
        end=end,
    )


_FORCE_KINDS = {"armed forces": "forces", "unit": "forces", "irregular": "irregular", "pmc": "irregular"}


def _force(actor_key: str | None, names: Names) -> str | None:
    """Country, side and kind of an armed actor ("RU/UA/irregular"); None for anyone else."""
    if not actor_key or not actor_key.startswith("actor:"):
        return None
    entry = names.knowledge.actors.get(actor_key.removeprefix("actor:"))
    if entry is None or entry.kind not in _FORCE_KINDS or entry.country is None:
        return None
    return f"{entry.country}/{entry.side or entry.country}/{_FORCE_KINDS[entry.kind]}"


def _lineage(weapon_id: str, names: Names) -> tuple[str, ...]:
    out = [weapon_id]
    weapons = names.knowledge.weapons
    while (parent := weapons[out[-1]].parent) and parent not in out:
        out.append(parent)
    return tuple(out)


def informative(start: dt.date | None, end: dt.date | None) -> bool:
    """Is a span narrow enough to date an event (both ends known, at most about two months)?"""
    return start is not None and end is not None and (end - start).days <= INFORMATIVE_DAYS
