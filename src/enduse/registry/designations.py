"""SIPRI weapon designations and descriptions, tied to the weapon catalog and to claim categories.

SIPRI spells designations its own way ("M-270 MLRS 227mm", "FGM-148 Javelin", "Leopard-2A4",
"AIM-120C AMRAAM"). The catalog's names and aliases are compared squeezed (letters and digits
only, as the knowledge matcher does), first for the whole designation, then without its
calibre, without a variant suffix, and word by word; last, the knowledge matcher looks for
one weapon inside it. A hit counts only when the catalog entry's category fits SIPRI's
description (`data/sipri_categories.yaml`), so "PA-38 Tomahawk", a light aircraft, is not the
Tomahawk missile. What does not resolve is kept as SIPRI wrote it and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from enduse.errors import InvalidCatalog
from enduse.knowledge.catalog import Knowledge, WeaponEntry
from enduse.knowledge.matcher import squeeze
from enduse.model import CATEGORIES

CATEGORIES_FILE = Path(__file__).parent / "data" / "sipri_categories.yaml"

MIN_PART = 4  # squeezed characters a part of a designation needs to be looked up alone
_CALIBRE = re.compile(r"\s+\d+(?:\.\d+)?mm\b.*$")
_VARIANT = re.compile(r"(?<=\d)(?:[A-Z]\d*[A-Z]?\d*|/[A-Z0-9]+)$")  # "M-109A5" → "M-109", "AIM-9M" → "AIM-9"
# Words a catalog name may end in that SIPRI leaves out ("CAESAR howitzer" is SIPRI's "CAESAR").
_GENERIC_TAIL = re.compile(
    r"\s+(?:howitzer|artillery system|self-propelled howitzer|MLRS|rocket launcher|missile|tank|rifle|"
    r"air defence system|SAM system|system|vehicle|helicopter|aircraft)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class CategoryRule:
    pattern: re.Pattern[str]
    category: str
    accept: frozenset[str]


@dataclass(frozen=True, slots=True)
class CategoryRules:
    rules: tuple[CategoryRule, ...]
    armament: dict[str, str]


@cache
def category_rules() -> CategoryRules:
    """The description rules, loaded once; a wrong file fails loudly."""
    try:
        data = yaml.safe_load(CATEGORIES_FILE.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise InvalidCatalog(str(CATEGORIES_FILE), "-", f"cannot read: {e}") from e
    rules = []
    for n, raw in enumerate(data.get("rules") or [], 1):
        cats = [raw.get("category"), *(raw.get("accept") or [])]
        bad = [c for c in cats if c not in CATEGORIES]
        if bad:
            raise InvalidCatalog(str(CATEGORIES_FILE), f"rule {n}", f"unknown categories {bad}")
        try:
            pattern = re.compile(str(raw["match"]), re.IGNORECASE)
        except (KeyError, re.error) as e:
            raise InvalidCatalog(str(CATEGORIES_FILE), f"rule {n}", f"bad match: {e}") from e
        rules.append(CategoryRule(pattern, str(raw["category"]), frozenset(cats)))
    armament = {str(k): str(v) for k, v in (data.get("armament_categories") or {}).items()}
    for k, v in armament.items():
        if v not in CATEGORIES:
            raise InvalidCatalog(str(CATEGORIES_FILE), k, f"unknown category {v!r}")
    return CategoryRules(tuple(rules), armament)


def description_rule(description: str, armament: str | None = None) -> CategoryRule:
    """The first rule matching a SIPRI description (the armament category as a fallback)."""
    rules = category_rules()
    for rule in rules.rules:
        if rule.pattern.search(description):
            return rule
    fallback = rules.armament.get(armament or "", "generic")
    return CategoryRule(re.compile(""), fallback, frozenset({fallback, "generic"}))


class DesignationResolver:
    """Resolve designations to catalog weapons; results are cached per (designation, description)."""

    def __init__(self, knowledge: Knowledge) -> None:
        self._knowledge = knowledge
        self._by_key: dict[str, set[str]] = {}
        for w in knowledge.weapons.values():
            for alias in (w.name, *w.aliases):
                self._by_key.setdefault(squeeze(alias), set()).add(w.id)
        # Catalog names without their generic last word, where that leaves a distinct name.
        for w in knowledge.weapons.values():
            short = _GENERIC_TAIL.sub("", w.name)
            key = squeeze(short)
            if short != w.name and len(key) >= 3 and key not in self._by_key:
                self._by_key[key] = {w.id}
        self._cache: dict[tuple[str, str, str | None], WeaponEntry | None] = {}

    def resolve(self, designation: str, description: str = "", armament: str | None = None) -> WeaponEntry | None:
        """The catalog weapon a designation names, or None when none fits its description."""
        key = (designation, description, armament)
        if key not in self._cache:
            self._cache[key] = self._resolve(designation, description_rule(description, armament).accept)
        return self._cache[key]

    def _unique(self, text: str, accept: frozenset[str]) -> WeaponEntry | None:
        ids = self._by_key.get(squeeze(text))
        if not ids:
            return None
        fits = [self._knowledge.weapons[i] for i in sorted(ids) if self._knowledge.weapons[i].category in accept]
        return fits[0] if len(fits) == 1 else None

    def _resolve(self, designation: str, accept: frozenset[str]) -> WeaponEntry | None:
        text = designation.strip()
        if not text:
            return None
        bare = _CALIBRE.sub("", text)
        words = bare.split()
        tries = [text, bare, _VARIANT.sub("", bare)]
        # A part of the designation counts only when it is a name of some length: "Canberra
        # B-2" must not become the B-2 bomber, nor "VCC-1 TOW" the TOW missile.
        parts = [" ".join(words[1:]), words[0], _VARIANT.sub("", words[0])] if len(words) > 1 else []
        tries += [p for p in parts if len(squeeze(p)) >= MIN_PART]
        for attempt in tries:
            hit = self._unique(attempt, accept)
            if hit is not None:
                return hit
        found = {
            m.entry_id
            for m in self._knowledge.matcher().find(bare)
            if m.kind == "weapon"
            and not m.candidates
            and len(squeeze(m.text)) >= MIN_PART
            and self._knowledge.weapons[m.entry_id].category in accept
        }
        return self._knowledge.weapons[found.pop()] if len(found) == 1 else None
