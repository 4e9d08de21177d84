"""Load the catalogs from YAML (bundled, then a user folder over them), failing loudly.

Every entry is checked as it is read: ids unique within a file, ISO codes real (pycountry),
categories from CLAIMS.md, office dates in order. A bad entry raises `InvalidCatalog` naming
the file, the entry and the field. States start from pycountry's ISO 3166-1 names; places are
read by `places.py`. An entry in the user's folder replaces the bundled entry with its id.

Reading the YAML, pycountry and GeoNames and compiling the matcher takes seconds, so the result
is cached on disk (`cache.py`) and loading is a single unpickling while the files are unchanged.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import pycountry

from enduse.errors import InvalidCatalog
from enduse.knowledge import fields as f
from enduse.knowledge.cache import cache_file, read_cache, write_cache
from enduse.knowledge.catalog import (
    ActorEntry,
    GroupEntry,
    Knowledge,
    Office,
    OutletEntry,
    StateEntry,
    WeaponClass,
    WeaponEntry,
)
from enduse.knowledge.inflect import case_forms
from enduse.knowledge.names import squeeze
from enduse.knowledge.places import load_places
from enduse.model import CATEGORIES

DATA_DIR = Path(__file__).parent / "data"
ACTOR_KINDS = frozenset(
    {
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
)
OUTLET_KINDS = frozenset({"wire", "national", "regional", "broadcaster", "state media", "aggregator", "blog"})
# Overlaps between kinds of entries that ambiguous.yaml may declare wholesale (see ambiguity.py).
AMBIGUITY_RULES = frozenset({"homonymous-settlements", "capital-metonyms", "eponymous-cities"})


def _unique(seen: dict[Path, set[str]], path: Path, entry: str) -> None:
    """Ids are unique within one folder; a later folder (the user's) may reuse one to override it."""
    ids = seen.setdefault(path.parent, set())
    if entry in ids:
        raise InvalidCatalog(str(path), entry, f"id: {entry!r} is used twice in {path.parent}")
    ids.add(entry)


def _load_weapons(k: Knowledge, dirs: list[Path]) -> None:
    seen: dict[Path, set[str]] = {}
    source: dict[str, Path] = {}  # the file each entry came from, for errors found after reading
    for path in f.files(dirs, "weapons_*.yaml"):
        for n, raw in enumerate(f.load_yaml(path), 1):
            wid = f.require(raw, "id", path, f"#{n}")
            _unique(seen, path, wid)
            source[wid] = path
            category = raw.get("category")
            if category not in CATEGORIES:
                raise InvalidCatalog(str(path), wid, f"category {category!r} is not one of {CATEGORIES}")
            k.weapons[wid] = WeaponEntry(
                id=wid,
                name=f.require(raw, "name", path, wid),
                category=str(category),
                origin=f.country(raw.get("origin"), path, wid, "origin"),
                manufacturer=f.optional_str(raw, "manufacturer", path, wid),
                parent=f.optional_str(raw, "parent", path, wid),
                aliases=f.strs(raw.get("aliases"), path, wid, "aliases")
                + f.i18n(raw.get("aliases_i18n"), path, wid, "aliases_i18n"),
                citation=str(raw.get("citation") or ""),
            )
    for w in k.weapons.values():
        if w.parent and w.parent not in k.weapons:
            raise InvalidCatalog(str(source[w.id]), w.id, f"parent {w.parent!r} is not a weapon id")
    for path in f.files(dirs, "weapon_classes.yaml"):
        for n, raw in enumerate(f.load_yaml(path), 1):
            phrase = f.require(raw, "phrase", path, f"#{n}")
            category = raw.get("category")
            if category not in CATEGORIES:
                raise InvalidCatalog(str(path), phrase, f"category {category!r} is not one of {CATEGORIES}")
            lang = str(raw.get("lang") or "en")
            cid = f"class:{lang}:{phrase.lower()}"
            k.weapon_classes[cid] = WeaponClass(cid, phrase, str(category), lang)
            for form in case_forms(phrase, lang):
                k.weapon_classes.setdefault(
                    f"class:{lang}:{form}", WeaponClass(f"class:{lang}:{form}", form, str(category), lang)
                )


def _load_states(k: Knowledge, dirs: list[Path]) -> None:
    for c in pycountry.countries:
        iso_names = {c.name}
        for attr in ("common_name", "official_name"):
            if hasattr(c, attr):
                iso_names.add(getattr(c, attr))
        # ISO's inverted forms ("Korea, Republic of") are index entries, never written in text.
        matchable = tuple(sorted(n for n in iso_names if "," not in n))
        k.states[c.alpha_2] = StateEntry(c.alpha_2, getattr(c, "common_name", c.name), matchable)
    seen: dict[Path, set[str]] = {}
    for path in f.files(dirs, "states.yaml"):
        for raw in f.load_yaml(path):
            code = f.country(raw.get("code"), path, str(raw.get("code")), "code")
            if code is None:
                raise InvalidCatalog(str(path), "-", "missing code")
            _unique(seen, path, code)
            base = k.states.get(code)
            names = f.strs(raw.get("names"), path, code, "names")
            k.states[code] = StateEntry(
                code=code,
                name=names[0] if names else (base.name if base else code),
                names=tuple(dict.fromkeys((base.names if base else ()) + names + f.i18n(raw.get("i18n"), path, code))),
                adjectives=f.strs(raw.get("adjectives"), path, code, "adjectives"),
                metonyms=f.strs(raw.get("metonyms"), path, code, "metonyms"),
            )
    seen = {}
    for path in f.files(dirs, "groups.yaml"):
        for n, raw in enumerate(f.load_yaml(path), 1):
            gid = f.require(raw, "id", path, f"#{n}")
            _unique(seen, path, gid)
            members = tuple(
                c
                for c in (f.country(m, path, gid, "members") for m in f.strs(raw.get("members"), path, gid, "members"))
                if c
            )
            names = f.strs(raw.get("names"), path, gid, "names") + f.i18n(raw.get("i18n"), path, gid)
            k.groups[gid] = GroupEntry(gid, names[0] if names else gid, names, members)


def _offices(raw: object, path: Path, aid: str) -> tuple[Office, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise InvalidCatalog(str(path), aid, "offices must be a list")
    offices = []
    for o in raw:
        if not isinstance(o, dict) or not o.get("office"):
            raise InvalidCatalog(str(path), aid, "offices: each office needs an `office`")
        start, end = f.date(o.get("start"), path, aid, "offices.start"), f.date(o.get("end"), path, aid, "offices.end")
        if start and end and end < start:
            raise InvalidCatalog(str(path), aid, f"offices.end {end} is before offices.start {start} ({o['office']})")
        org = o.get("org")
        offices.append(
            Office(str(o["office"]), str(org) if org else None, f.country(o.get("country"), path, aid), start, end)
        )
    offices.sort(key=lambda o: o.start or dt.date.min)
    return tuple(offices)


def _load_actors(k: Knowledge, dirs: list[Path]) -> None:
    seen: dict[Path, set[str]] = {}
    for path in f.files(dirs, "actors.yaml"):
        for n, raw in enumerate(f.load_yaml(path), 1):
            aid = f.require(raw, "id", path, f"#{n}")
            _unique(seen, path, aid)
            kind = raw.get("kind")
            if kind not in ACTOR_KINDS:
                raise InvalidCatalog(str(path), aid, f"kind {kind!r} is not one of {sorted(ACTOR_KINDS)}")
            k.actors[aid] = ActorEntry(
                id=aid,
                name=f.require(raw, "name", path, aid),
                kind=str(kind),
                country=f.country(raw.get("country"), path, aid),
                side=f.country(raw.get("side"), path, aid, "side"),
                aliases=f.strs(raw.get("aliases"), path, aid, "aliases")
                + f.i18n(raw.get("aliases_i18n"), path, aid, "aliases_i18n"),
                offices=_offices(raw.get("offices"), path, aid),
                citation=str(raw.get("citation") or ""),
            )


def _load_outlets(k: Knowledge, dirs: list[Path]) -> None:
    seen: dict[Path, set[str]] = {}
    source: dict[str, Path] = {}
    for path in f.files(dirs, "outlets.yaml"):
        for n, raw in enumerate(f.load_yaml(path), 1):
            oid = f.require(raw, "id", path, f"#{n}")
            _unique(seen, path, oid)
            source[oid] = path
            kind = raw.get("kind")
            if kind is not None and kind not in OUTLET_KINDS:
                raise InvalidCatalog(str(path), oid, f"kind {kind!r} is not one of {sorted(OUTLET_KINDS)}")
            k.outlets[oid] = OutletEntry(
                id=oid,
                name=f.require(raw, "name", path, oid),
                domains=f.strs(raw.get("domains"), path, oid, "domains"),
                country=f.country(raw.get("country"), path, oid),
                kind=kind,
                owner=f.optional_str(raw, "owner", path, oid),
                signatures=f.strs(raw.get("signatures"), path, oid, "signatures"),
                related=f.strs(raw.get("related"), path, oid, "related"),
                citation=str(raw.get("citation") or ""),
            )
    for o in k.outlets.values():
        for r in o.related:
            if r not in k.outlets:
                raise InvalidCatalog(str(source[o.id]), o.id, f"related: {r!r} is not an outlet id")


def _load_ambiguous(k: Knowledge, dirs: list[Path]) -> None:
    for path in f.files(dirs, "ambiguous.yaml"):
        for n, raw in enumerate(f.load_yaml(path), 1):
            if "rule" in raw:
                rule = f.require(raw, "rule", path, f"#{n}")
                if rule not in AMBIGUITY_RULES:
                    raise InvalidCatalog(str(path), rule, f"rule {rule!r} is not one of {sorted(AMBIGUITY_RULES)}")
                k.ambiguity_rules.add(rule)
                continue
            alias = f.require(raw, "alias", path, f"#{n}")
            key = squeeze(alias)
            k.ambiguous.add(key)
            candidates = f.strs(raw.get("candidates"), path, alias, "candidates")
            for c in candidates:
                if ":" not in c:
                    raise InvalidCatalog(str(path), alias, f"candidates: {c!r} must be kind:id")
            if candidates:
                k.ambiguous_candidates[key] = candidates


def _data_dirs(extra_dir: Path | None) -> list[Path]:
    dirs = [DATA_DIR]
    if extra_dir is not None:
        if not extra_dir.is_dir():
            raise InvalidCatalog(str(extra_dir), "-", "ENDUSE_KNOWLEDGE_DIR is not a folder")
        dirs.append(extra_dir)
    return dirs


def read_catalogs(dirs: list[Path]) -> Knowledge:
    """Read every catalog from `dirs` (later folders override earlier ones); no cache."""
    k = Knowledge()
    _load_weapons(k, dirs)
    _load_states(k, dirs)
    load_places(k, dirs)
    _load_actors(k, dirs)
    _load_outlets(k, dirs)
    _load_ambiguous(k, dirs)
    k.index()
    return k


def load_knowledge(extra_dir: Path | None = None, use_cache: bool = True) -> Knowledge:
    """Every catalog and its matcher: the bundled files, then `extra_dir` (ENDUSE_KNOWLEDGE_DIR) over them.

    :param extra_dir: a folder of the user's own catalog files, or None
    :param use_cache: read and write the on-disk cache (off: always read the files)
    """
    dirs = _data_dirs(extra_dir)
    path, key = cache_file(dirs) if use_cache else (None, "")
    if path is not None:
        cached = read_cache(path, key)
        if cached is not None:
            return cached
    k = read_catalogs(dirs)
    k.matcher()  # compiled now so that the cache holds it
    if path is not None:
        write_cache(path, key, k)
    return k


@lru_cache(maxsize=4)
def cached_knowledge(extra_dir: Path | None = None) -> Knowledge:
    """The catalogs, loaded once per process (workers and the CLI share this)."""
    return load_knowledge(extra_dir)
