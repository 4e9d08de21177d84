"""Schema tests: every bundled catalog file loads and holds together.

Ids unique, ISO codes real, categories from CLAIMS.md, every alias found by the matcher as its
entry, names shared only where ambiguous.yaml says so, coordinates inside their state, office
dates in order.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pycountry
import pytest
import yaml

from enduse.knowledge import Knowledge
from enduse.knowledge.ambiguity import overlaps, stale_declarations
from enduse.knowledge.loader import ACTOR_KINDS, DATA_DIR
from enduse.knowledge.names import names, squeeze
from enduse.model import CATEGORIES
from tests.conftest import ROOT


def _entries(pattern: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(DATA_DIR.glob(pattern)):
        out += [(path.name, raw) for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
    return out


def _iso(code: str | None) -> bool:
    return code is None or code == "XK" or pycountry.countries.get(alpha_2=code) is not None


@pytest.mark.parametrize(
    ("pattern", "key"),
    [
        ("weapons_*.yaml", "id"),
        ("actors.yaml", "id"),
        ("outlets.yaml", "id"),
        ("groups.yaml", "id"),
        ("areas.yaml", "id"),
        ("states.yaml", "code"),
        ("regions.yaml", "code"),
        ("weapon_classes.yaml", "phrase"),
    ],
)
def test_catalog_ids_are_unique(pattern: str, key: str) -> None:
    # A generic phrase may appear once per language ("танки" in Russian and in Ukrainian).
    ids = [
        (raw.get("lang", "en"), str(raw[key]).lower()) if key == "phrase" else raw[key] for _, raw in _entries(pattern)
    ]
    assert ids, f"no entries in {pattern}"
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_catalogs_are_the_size_the_issue_asks(knowledge: Knowledge) -> None:
    assert len(knowledge.weapons) >= 500
    assert len(knowledge.states) >= 249  # every ISO 3166-1 code
    assert {p.kind for p in knowledge.places.values()} == {"region", "area", "settlement"}
    assert {"person", "irregular", "pmc", "government", "international organisation"} <= {
        a.kind for a in knowledge.actors.values()
    }
    assert len(knowledge.outlets) >= 100


def test_iso_codes_are_real(knowledge: Knowledge) -> None:
    bad = [w.id for w in knowledge.weapons.values() if not _iso(w.origin)]
    bad += [a.id for a in knowledge.actors.values() if not (_iso(a.country) and _iso(a.side))]
    bad += [a.id for a in knowledge.actors.values() for o in a.offices if not _iso(o.country)]
    bad += [o.id for o in knowledge.outlets.values() if not _iso(o.country)]
    bad += [g.id for g in knowledge.groups.values() for m in g.members if not _iso(m)]
    bad += [p.id for p in knowledge.places.values() if not _iso(p.country)]
    bad += [p.id for p in knowledge.places.values() for c in p.countries if not _iso(c)]
    bad += [r for p in knowledge.places.values() for r in p.regions if pycountry.subdivisions.get(code=r) is None]
    bad += [code for code in knowledge.states if not _iso(code)]
    assert bad == []


def test_categories_come_from_the_claims_format(knowledge: Knowledge) -> None:
    used = {w.category for w in knowledge.weapons.values()} | {c.category for c in knowledge.weapon_classes.values()}
    assert used <= set(CATEGORIES)
    assert {a.kind for a in knowledge.actors.values()} <= ACTOR_KINDS


def test_weapons_carry_their_facts(knowledge: Knowledge) -> None:
    """Every system has a citation, a manufacturer, a producing state, and its family if any."""
    missing = [w.id for w in knowledge.weapons.values() if not (w.citation and w.manufacturer and w.origin)]
    assert missing == []
    assert [w.id for w in knowledge.weapons.values() if w.parent and w.parent not in knowledge.weapons] == []


def test_every_alias_resolves_to_its_entry(knowledge: Knowledge) -> None:
    """The matcher finds each name, written as the catalog writes it, as its entry (or among the candidates)."""
    matcher = knowledge.matcher()
    lost = []
    for alias, kind, entry_id in names(knowledge):
        key = squeeze(alias)
        assert len(key) >= 2, f"{kind}:{entry_id} has an alias too short to match: {alias!r}"
        label = f"{kind}:{entry_id}"
        whole = [m for m in matcher.find(alias) if squeeze(m.text) == key]
        if not any((m.kind, m.entry_id) == (kind, entry_id) or label in m.candidates for m in whole):
            lost.append((alias, label))
    assert lost == []


def test_shared_names_are_declared_ambiguous(knowledge: Knowledge) -> None:
    undeclared = [(o.key, o.candidates, o.reason) for o in overlaps(knowledge) if not o.declared]
    assert undeclared == []
    assert stale_declarations(knowledge) == []


def test_ambiguous_names_keep_their_candidates(knowledge: Knowledge) -> None:
    mention = knowledge.matcher().find("officials at the Pentagon said")[0]
    assert mention.text == "the Pentagon"
    assert set(mention.candidates) == {"state_metonym:US", "actor:us-dod"}
    kyiv = knowledge.matcher().find("Kyiv")[0]
    assert kyiv.kind == "state_metonym"
    assert "place:geonames:703448" in kyiv.candidates


def test_coordinates_lie_in_their_state(knowledge: Knowledge) -> None:
    bounds = {b["code"]: b for b in yaml.safe_load((DATA_DIR / "bounds.yaml").read_text(encoding="utf-8"))}

    def inside(code: str | None, lat: float, lon: float) -> bool:
        box = bounds.get(code or "")
        if box is None or not box["south"] <= lat <= box["north"]:
            return False
        west, east = box["west"], box["east"]
        return west <= lon <= east if west <= east else (lon >= west or lon <= east)  # across 180°

    located = [p for p in knowledge.places.values() if p.latitude is not None and p.longitude is not None]
    assert len(located) > 1000
    outside = [(p.id, p.name, p.country) for p in located if not inside(p.country, p.latitude or 0, p.longitude or 0)]
    assert outside == []


def test_office_dates_are_in_order(knowledge: Knowledge) -> None:
    bad = [
        (a.id, o.office)
        for a in knowledge.actors.values()
        for o in a.offices
        if o.start is not None and o.end is not None and o.end < o.start
    ]
    assert bad == []
    for a in knowledge.actors.values():
        starts = [o.start for o in a.offices if o.start is not None]
        assert starts == sorted(starts), a.id
    assert sum(len(a.offices) for a in knowledge.actors.values()) > 100


def test_settlements_know_their_region(knowledge: Knowledge) -> None:
    """Region capitals (regions.yaml `cities`) place the towns of their GeoNames region."""
    by_name = {p.name: p for p in knowledge.places.values() if p.kind == "settlement" and p.country in ("RU", "UA")}
    assert by_name["Belgorod"].regions == ("RU-BEL",)
    assert by_name["Shebekino"].regions == ("RU-BEL",)
    assert by_name["Bakhmut"].regions == ("UA-14",)
    found = knowledge.matcher().find("shelling of Vinnitsa")
    assert [knowledge.places[m.entry_id].regions for m in found if m.kind == "place"] == [("UA-05",)]


def test_areas_name_their_candidates(knowledge: Knowledge) -> None:
    area = knowledge.places["area:border-regions"]
    assert set(area.candidates) == {"area:ru-western-border", "area:ua-northern-border"}
    assert all(c in knowledge.places for p in knowledge.places.values() for c in p.candidates)
    assert knowledge.places["area:sahel"].countries


def test_every_field_the_data_uses_is_documented() -> None:
    doc = (ROOT / "docs" / "knowledge-format.md").read_text(encoding="utf-8")
    used = {key for _, raw in _entries("*.yaml") for key in raw}
    assert {"cities", "candidates", "countries", "i18n", "rule"} <= used
    assert sorted(k for k in used if f"{k}:" not in doc and f"`{k}`" not in doc) == []
    assert all(kind in doc for kind in ACTOR_KINDS)
