"""The registry indexed once for the policy engine: transfer groups and their condition timelines.

Conditions attach by supplier, recipient, system and category, so every transfer with the
same (supplier, recipient, system, category) is governed by the same conditions: such
transfers form a `Group`. Each group's conditions are compiled once into a `Timeline`, a
sorted list of dates on which the conditions in force change and, for each interval, the
`Regime` in force: the permissions (grants) left after applying restrictions and
authorizations in date order, the conditions that exclude the group's system, the permitted
end users and the re-transfer consent rule. Checking a claim then costs a few dictionary
look-ups and a bisection, which is what lets the engine check tens of thousands of claims a
second.

Names of systems are compared through the weapon catalog: "SCALP" is Storm Shadow, and a
condition on "Leopard 2" attaches to transfers of "Leopard 2A4" (a variant names its family
in the catalog's `parent`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Final

from enduse.knowledge.catalog import Knowledge
from enduse.knowledge.matcher import squeeze
from enduse.model import Condition, Transfer
from enduse.registry.candidates import Candidates, reads_union
from enduse.registry.dates import iso
from enduse.registry.places import Territory

#: Claim categories that include others: "small arms" covers rifles and machine guns.
BROADER: Final[dict[str, frozenset[str]]] = {
    "small arms": frozenset({"small arms", "rifle", "machine gun"}),
    "artillery": frozenset({"artillery", "rocket artillery"}),
}
DAY: Final = dt.timedelta(days=1)
#: What the rules can read of a claim under a timeline's conditions (bits of `Timeline.reads`):
#: with no condition in force they read nothing; with some, the claim's type and place (and
#: the day of a re-transfer); its purpose only where a grant names purposes, its actor only
#: where conditions name end users.
READS_CLAIM: Final = 1
READS_PURPOSE: Final = 2
READS_END_USERS: Final = 4


class Catalog:
    """System names through the weapon catalog: canonical name, family line, category, origin."""

    def __init__(self, knowledge: Knowledge | None) -> None:
        self._k = knowledge
        self._alias: dict[str, str | None] = {}
        if knowledge is not None:
            for w in knowledge.weapons.values():
                for name in (w.name, *w.aliases):
                    key = squeeze(name)
                    prev = self._alias.get(key, w.name)
                    self._alias[key] = w.name if prev == w.name else None  # ambiguous alias: no answer
            for w in knowledge.weapons.values():
                self._alias[squeeze(w.name)] = w.name  # a canonical name always wins
        self._canon: dict[str, str] = {}
        self._lineage: dict[str, tuple[str, ...]] = {}

    def canonical(self, name: str) -> str:
        """The catalog name for a name or alias; an unknown name is kept as written."""
        hit = self._canon.get(name)
        if hit is None:
            hit = self._alias.get(squeeze(name)) or name.strip()
            self._canon[name] = hit
        return hit

    def lineage(self, name: str) -> tuple[str, ...]:
        """The system and the families it belongs to, nearest first (canonical names)."""
        hit = self._lineage.get(name)
        if hit is None:
            out = [self.canonical(name)]
            w = self._k.weapon_named(out[0]) if self._k is not None else None
            while w is not None and w.parent and self._k is not None and w.parent in self._k.weapons:
                w = self._k.weapons[w.parent]
                if w.name in out:
                    break
                out.append(w.name)
            hit = tuple(out)
            self._lineage[name] = hit
        return hit

    def origin(self, name: str) -> str | None:
        w = self._k.weapon_named(self.canonical(name)) if self._k is not None else None
        return w.origin if w is not None else None

    def category(self, name: str) -> str | None:
        w = self._k.weapon_named(self.canonical(name)) if self._k is not None else None
        return w.category if w is not None else None


def earliest(t: Transfer) -> dt.date | None:
    """The first day the transfer's items can have been in the recipient's hands."""
    if t.delivered is not None and t.delivered.start is not None:
        return t.delivered.start
    if t.ordered is not None and t.ordered.start is not None and t.status != "pledged":
        return t.ordered.start
    return None


@dataclass(frozen=True, slots=True)
class Grant:
    """A permission in force: where, and for which purposes (empty: any)."""

    condition: Condition
    territory: Territory
    purposes: frozenset[str]


@dataclass(frozen=True, slots=True)
class Regime:
    """The conditions in force for one group over one interval, layered in date order."""

    start: dt.date | None
    end: dt.date | None  # inclusive; None: open
    period: str  # the interval in words ("from 2024-05-30 to 2024-06-16")
    in_force: tuple[Condition, ...]
    grants: tuple[Grant, ...]
    excluded: tuple[Condition, ...]  # conditions whose permission leaves this system out
    end_users: frozenset[str] | None  # None: no condition names end users
    end_user_rules: tuple[Condition, ...]
    consent_rules: tuple[Condition, ...]  # conditions requiring consent for re-transfer


@dataclass(slots=True)
class Group:
    """Transfers of one system (or class) from one supplier to one recipient."""

    supplier: str
    recipient: str
    system: str | None
    category: str
    lineage: tuple[str, ...]
    transfers: list[Transfer] = field(default_factory=list)
    starts: list[dt.date] = field(default_factory=list)  # earliest dates, sorted; undated ones sort first
    timeline: Timeline | None = None
    first: dt.date | None = None  # the earliest known arrival, None when every transfer is undated
    what: str = ""  # the system, or the category of a class transfer, in words
    made_in: str | None = None  # the catalog's country of origin of the system
    rank: int = 0  # place in the order of first arrival (`Candidates` sorts by it)

    def __post_init__(self) -> None:
        self.what = self.system or f"{self.category} (class)"

    def before(self, day: dt.date | None) -> list[Transfer]:
        """The transfers that can have reached the recipient by `day` (all when `day` is None)."""
        if day is None:
            return self.transfers
        return self.transfers[: bisect_right(self.starts, day)]

    def label(self) -> str:
        return f"{self.supplier} {self.what}"


@dataclass(frozen=True, slots=True)
class Timeline:
    """Regimes over time: `bounds[i]` is the first day of `regimes[i]`."""

    bounds: tuple[dt.date, ...]
    regimes: tuple[Regime, ...]
    regime_reads: tuple[int, ...]  # READS_* bits: what the rules of each regime can read of a claim
    reads: int  # the same for any of them

    def span(self, start: dt.date | None, end: dt.date | None) -> tuple[int, int]:
        """(lo, hi): `regimes[lo:hi]` are in force on some day of [start, end] (open ends allowed)."""
        lo = 0 if start is None else max(bisect_right(self.bounds, start) - 1, 0)
        hi = len(self.bounds) if end is None else bisect_right(self.bounds, end)
        return lo, hi

    def reads_in(self, lo: int, hi: int) -> int:
        """What the rules of `regimes[lo:hi]` can read of a claim (READS_* bits)."""
        return self.regime_reads[lo] if hi - lo == 1 else reads_union(self.regime_reads[lo:hi])


class RegistryIndex:
    """Transfers grouped and conditions compiled, built once per registry."""

    def __init__(self, transfers: Iterable[Transfer], conditions: Iterable[Condition], knowledge: Knowledge | None):
        self.catalog = Catalog(knowledge)
        self.transfers = list(transfers)
        self.conditions = sorted(conditions, key=lambda c: (c.valid_from or dt.date.min, c.id))
        self.by_supplier: dict[str, list[Condition]] = defaultdict(list)
        for c in self.conditions:
            self.by_supplier[c.supplier].append(c)
        # Every place code some condition names: other regions are judged alike (`Place.judged_as`).
        self.named_places = frozenset(
            code
            for c in self.conditions
            for code in (*c.permitted_territory, *Territory.of(c.permitted_territory).codes)
        )
        # The days on which some condition takes or loses force, sorted.
        self.condition_days = sorted(
            {c.valid_from for c in self.conditions if c.valid_from is not None}
            | {c.valid_to + DAY for c in self.conditions if c.valid_to is not None and c.valid_to < dt.date.max}
        )
        groups: dict[tuple[str, str, str | None, str], Group] = {}
        for t in self.transfers:
            if t.status == "pledged" and (t.delivered is None or t.delivered.start is None):
                continue  # promised, not known to be delivered: it cannot be what a report saw used
            system = self.catalog.canonical(t.system) if t.system else None
            key = (t.supplier, t.recipient, system, t.category)
            g = groups.get(key)
            if g is None:
                lineage = self.catalog.lineage(system) if system else ()
                g = groups[key] = Group(t.supplier, t.recipient, system, t.category, lineage)
            g.transfers.append(t)
        for g in groups.values():
            g.transfers.sort(key=lambda t: (earliest(t) or dt.date.min, t.id))
            g.starts = [earliest(t) or dt.date.min for t in g.transfers]
            g.first = next((d for d in g.starts if d != dt.date.min), None)
            g.made_in = self.catalog.origin(g.system) if g.system else None
        self.groups = sorted(groups.values(), key=lambda g: (g.recipient, g.supplier, g.system or "", g.category))
        # Candidate sets list their groups by first arrival: sorting thousands of them by one
        # integer each time is much cheaper than by the tuple.
        for rank, g in enumerate(sorted(self.groups, key=lambda g: (g.starts[0], g.recipient, g.supplier, g.what))):
            g.rank = rank
        self.by_recipient: dict[str, list[Group]] = defaultdict(list)
        self.by_recipient_category: dict[tuple[str, str], list[Group]] = defaultdict(list)
        self.by_family: dict[str, list[Group]] = defaultdict(list)  # a system or family name → its groups
        self.by_system: dict[str, list[Group]] = defaultdict(list)  # exactly this system
        self.by_category: dict[str, list[Group]] = defaultdict(list)
        self.classes: dict[str, list[Group]] = defaultdict(list)  # transfers of a class, no system named
        for g in self.groups:
            self.by_recipient[g.recipient].append(g)
            self.by_recipient_category[(g.recipient, g.category)].append(g)
            self.by_category[g.category].append(g)
            if g.system is None:
                self.classes[g.category].append(g)
            else:
                self.by_system[g.system].append(g)
                for name in g.lineage:
                    self.by_family[name].append(g)
        self._candidates: dict[tuple[str | None, ...], Candidates] = {}

    # candidates ---------------------------------------------------------------------------

    def candidates(
        self,
        recipient: str | None,
        supplier: str | None,
        system: str | None,
        category: str | None,
        origin: str | None = None,
    ) -> Candidates:
        """The groups that could be the subject of a claim, built once per key.

        A stated origin, when no supplier is named, narrows the groups to systems made there
        (catalog origin; for a class transfer, a supplier of that origin) if any are.
        """
        if supplier is not None:
            origin = None
        key = (recipient, supplier, system, category, origin)
        hit = self._candidates.get(key)
        if hit is None:
            if origin is None:
                found = self._find(recipient, supplier, system, category)
                hit = Candidates.of(found, frozenset(self.by_supplier), None, self.timeline)
            else:
                every = self.candidates(recipient, supplier, system, category)
                made = [g for g in every.groups if g.made_in == origin or (g.made_in is None and g.supplier == origin)]
                # An origin nothing on record is made in keeps every candidate: the same
                # layout, shared (these are the big sets: a claim naming neither supplier
                # nor recipient, once per origin), with its own word on the origin.
                hit = (
                    Candidates.of(made, frozenset(self.by_supplier), True, self.timeline)
                    if made
                    else replace(every, origin_narrowed=False)
                )
            self._candidates[key] = hit
        return hit

    def _find(
        self, recipient: str | None, supplier: str | None, system: str | None, category: str | None
    ) -> list[Group]:
        if system:
            lineage = self.catalog.lineage(system)
            own = lineage[0]
            sys_cat = self.catalog.category(own) or category
            # Its own groups and its variants', groups of the families it belongs to, and
            # transfers of a whole class ("armoured vehicles") that may include it.
            pool = [*self.by_family.get(own, []), *(g for name in lineage[1:] for g in self.by_system.get(name, []))]
            if sys_cat is not None:
                pool += [g for c in BROADER.get(sys_cat, frozenset({sys_cat})) for g in self.classes.get(c, [])]
            pool = list({id(g): g for g in pool}.values())
        elif category and category != "generic":
            wanted = sorted(BROADER.get(category, frozenset({category})))
            if recipient:
                pool = [g for c in wanted for g in self.by_recipient_category.get((recipient, c), [])]
            else:
                pool = [g for c in wanted for g in self.by_category.get(c, [])]
        else:
            pool = self.by_recipient.get(recipient, []) if recipient else self.groups
        if recipient is None and supplier is None:
            return list(pool)
        return [
            g
            for g in pool
            if (recipient is None or g.recipient == recipient) and (supplier is None or g.supplier == supplier)
        ]

    # timelines ----------------------------------------------------------------------------

    def timeline(self, g: Group) -> Timeline:
        """The group's compiled timeline (built on first use and kept)."""
        if g.timeline is None:
            g.timeline = self._compile(g)
        return g.timeline

    def attaches(self, c: Condition, g: Group) -> bool:
        """Does condition `c` govern the transfers of group `g`?"""
        if c.supplier != g.supplier or (c.recipient is not None and c.recipient != g.recipient):
            return False
        if c.system is not None and (g.system is None or self.catalog.canonical(c.system) not in g.lineage):
            return False
        return c.category is None or g.category in BROADER.get(c.category, frozenset({c.category}))

    def excludes(self, c: Condition, g: Group) -> bool:
        return g.system is not None and any(self.catalog.canonical(x) in g.lineage for x in c.excluded_systems)

    def _compile(self, g: Group) -> Timeline:
        attached = [c for c in self.by_supplier.get(g.supplier, []) if self.attaches(c, g)]
        days = {dt.date.min}
        for c in attached:
            if c.valid_from is not None:
                days.add(c.valid_from)
            if c.valid_to is not None and c.valid_to < dt.date.max:
                days.add(c.valid_to + DAY)
        bounds = sorted(days)
        regimes = []
        reads: list[int] = []
        for i, start in enumerate(bounds):
            end = bounds[i + 1] - DAY if i + 1 < len(bounds) else None
            r = self._regime(g, attached, start, end)
            regimes.append(r)
            bits = READS_CLAIM if r.in_force else 0
            if any(grant.purposes for grant in r.grants):
                bits |= READS_PURPOSE
            if r.end_users is not None:
                bits |= READS_END_USERS
            reads.append(bits)
        return Timeline(tuple(bounds), tuple(regimes), tuple(reads), reads_union(reads))

    def _regime(self, g: Group, attached: list[Condition], start: dt.date, end: dt.date | None) -> Regime:
        def in_force(c: Condition) -> bool:
            return (c.valid_from is None or c.valid_from <= start) and (c.valid_to is None or start <= c.valid_to)

        def specificity(c: Condition) -> int:
            return (c.recipient is not None) + (c.category is not None) + 2 * (c.system is not None)

        # Later conditions over earlier ones; on the same day, the more specific one last.
        conds = sorted(
            (c for c in attached if in_force(c)), key=lambda c: (c.valid_from or dt.date.min, specificity(c))
        )
        grants: list[Grant] = []
        excluded: list[Condition] = []
        end_users: set[str] | None = None
        end_user_rules: list[Condition] = []
        for c in conds:
            if self.excludes(c, g):
                excluded.append(c)
                continue
            if c.permitted_territory:
                grant = Grant(c, Territory.of(c.permitted_territory), frozenset(c.permitted_purposes))
                # A restriction says where use is permitted from now on; an authorization adds a place.
                grants = [grant] if c.kind == "restriction" else [*grants, grant]
            if c.permitted_end_users:
                if c.kind == "restriction" or end_users is None:
                    end_users, end_user_rules = set(c.permitted_end_users), [c]
                else:
                    end_users |= set(c.permitted_end_users)
                    end_user_rules.append(c)
        first = None if start == dt.date.min else start
        if first is None:
            words = "at any date" if end is None else f"until {iso(end)}"
        else:
            words = f"from {iso(first)}" + ("" if end is None else f" to {iso(end)}")
        return Regime(
            start=first,
            end=end,
            period=words,
            in_force=tuple(conds),
            grants=tuple(grants),
            excluded=tuple(excluded),
            end_users=frozenset(end_users) if end_users is not None else None,
            end_user_rules=tuple(end_user_rules),
            consent_rules=tuple(c for c in conds if c.retransfer_requires_consent),
        )

    def consent_on_record(self, g: Group, destination: str | None, day: dt.date | None) -> list[Condition]:
        """Authorizations by the group's supplier for its system going to `destination` on `day`."""
        if destination is None:
            return []
        probe = Group(g.supplier, destination, g.system, g.category, g.lineage)
        return [
            c
            for c in self.by_supplier.get(g.supplier, [])
            if c.kind == "authorization"
            and c.recipient == destination
            and self.attaches(c, probe)
            and (
                day is None
                or ((c.valid_from is None or c.valid_from <= day) and (c.valid_to is None or day <= c.valid_to))
            )
        ]
