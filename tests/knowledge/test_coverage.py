"""Coverage: every weapon, state, actor and place behind the seed reports' gold claims resolves.

The gold claims (../shared/data/seeds/gold.jsonl) name the catalog entries a perfect
extraction would reach; the catalogs must hold each of them, and the matcher must find an
entry of the right kind in each span the gold marks.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from enduse.knowledge import Knowledge
from enduse.knowledge.names import squeeze
from tests.conftest import shared_path

WEAPON_KINDS = {"weapon", "weapon_class"}
ACTOR_KINDS = {"actor", "group", "state", "state_adj", "state_metonym"}
PLACE_KINDS = {"place", "state", "state_adj"}
# Gold actor spans that name no one by themselves: only the sentence around them says who
# ("Our defence ministry" is Belgium's because a Belgian minister speaks).
CONTEXTUAL_ACTORS = {"Our defence ministry and its intelligence agencies", "certain countries"}


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    path = shared_path("seeds", "gold.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _kinds(k: Knowledge, text: str) -> set[str]:
    return {m.kind for m in k.matcher().find(text)}


def _actor_named(k: Knowledge, name: str) -> bool:
    key = squeeze(name)
    return any(key in {squeeze(x) for x in (a.name, *a.aliases)} for a in k.actors.values()) or any(
        key in {squeeze(x) for x in (g.id, *g.names)} for g in k.groups.values()
    )


def test_gold_weapons_resolve(knowledge: Knowledge, gold: list[dict[str, Any]]) -> None:
    weapons = [c["weapon"] for c in gold if c.get("weapon")]
    assert weapons
    unnamed = []
    for w in weapons:
        name = w.get("name")
        if name and knowledge.weapon_named(name) is None:
            key = squeeze(name)
            if not any(key in {squeeze(a) for a in e.aliases} for e in knowledge.weapons.values()):
                unnamed.append(name)
    assert unnamed == []
    assert [w["text"] for w in weapons if not _kinds(knowledge, w["text"]) & WEAPON_KINDS] == []


def test_gold_states_exist(knowledge: Knowledge, gold: list[dict[str, Any]]) -> None:
    codes = {c[f] for c in gold for f in ("origin", "supplier", "recipient") if c.get(f)}
    codes |= {c["place"]["country"] for c in gold if c.get("place") and c["place"].get("country")}
    assert codes
    assert sorted(codes - set(knowledge.states)) == []


def test_gold_actors_resolve(knowledge: Knowledge, gold: list[dict[str, Any]]) -> None:
    actors = [c["actor"] for c in gold if c.get("actor")]
    assert actors
    assert sorted({a["name"] for a in actors if a.get("name") and not _actor_named(knowledge, a["name"])}) == []
    unfound = {a["text"] for a in actors if not _kinds(knowledge, a["text"]) & ACTOR_KINDS}
    assert sorted(unfound - CONTEXTUAL_ACTORS) == []


def test_gold_places_resolve(knowledge: Knowledge, gold: list[dict[str, Any]]) -> None:
    places = [c["place"] for c in gold if c.get("place")]
    assert places
    lost = []
    for p in places:
        found = [m for m in knowledge.matcher().find(p["text"]) if m.kind in PLACE_KINDS]
        regions = {r for m in found if m.kind == "place" for r in knowledge.places[m.entry_id].regions}
        if not found or (p.get("region") and p["region"] not in regions):
            lost.append(p["text"])
    assert lost == []
