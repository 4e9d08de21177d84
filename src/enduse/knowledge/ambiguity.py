"""Names that several catalog entries share, and whether `ambiguous.yaml` declares them.

The matcher keeps every entry behind a shared name as a candidate, so an overlap is never a
crash; but an undeclared one is usually a slip (an alias pasted into the wrong entry, a
GeoNames spelling that is also a weapon), so the schema tests require each to be declared.

`ambiguous.yaml` declares overlaps two ways. A name (`alias`), optionally with the exact
`candidates` it may denote ("kind:id"), for the overlaps the project wrote itself ("the
Pentagon": the US government and its defence department). And a `rule` for overlaps that
follow from how the data is built, each checked pair by pair:

- `homonymous-settlements`: GeoNames towns of one name (two Podolsks).
- `capital-metonyms`: a seat of government and a place in that state ("Kyiv" the government,
  the city, the city region).
- `eponymous-cities`: a region and a settlement inside it of the same name.

One entry under several kinds ("Afghan": the state's name in German and its adjective) is
not an overlap.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from enduse.knowledge.catalog import Knowledge
from enduse.knowledge.names import name_table

STATE_KINDS = ("state", "state_adj", "state_metonym")


@dataclass(frozen=True, slots=True)
class Overlap:
    """One matching key shared by several entries."""

    key: str
    candidates: tuple[str, ...]  # "kind:id", as in Mention.candidates
    declared: bool
    reason: str  # why it is (or is not) declared


def _entity(k: Knowledge, kind: str, entry_id: str) -> tuple[str, str]:
    """What a pattern denotes: one state under all its kinds, a weapon class by its category."""
    if kind in STATE_KINDS:
        return ("state", entry_id)
    if kind == "weapon_class":
        return ("weapon_class", k.weapon_classes[entry_id].category)
    return (kind, entry_id)


def _pair_rule(k: Knowledge, a: tuple[str, str], b: tuple[str, str]) -> str | None:
    """The rule in ambiguous.yaml's vocabulary that covers two patterns sharing a name, if any."""
    for (ka, ia), (kb, ib) in ((a, b), (b, a)):
        pa = k.places.get(ia) if ka == "place" else None
        pb = k.places.get(ib) if kb == "place" else None
        if pa and pb and pa.kind == pb.kind == "settlement":
            return "homonymous-settlements"
        if ka == "state_metonym" and pb and pb.country == ia:
            return "capital-metonyms"
        if pa and pb and pa.kind == "region" and pb.kind == "settlement" and pa.id in pb.regions:
            return "eponymous-cities"
    return None


def overlaps(k: Knowledge) -> list[Overlap]:
    """Every key of the matcher that names more than one entry, and whether it is declared."""
    out: list[Overlap] = []
    for key, slot in name_table(k).items():
        pats = list(slot.patterns)
        entities = {_entity(k, *p) for p in pats}
        if len(entities) < 2:
            continue
        labels = tuple(sorted(f"{kind}:{entry_id}" for kind, entry_id in pats))
        if key in k.ambiguous:
            expected = k.ambiguous_candidates.get(key)
            if expected is None or set(expected) == set(labels):
                out.append(Overlap(key, labels, True, "alias"))
            else:
                out.append(Overlap(key, labels, False, f"declared with other candidates: {sorted(expected)}"))
            continue
        missing = []
        for a, b in combinations(pats, 2):
            if _entity(k, *a) == _entity(k, *b):
                continue
            rule = _pair_rule(k, a, b)
            if rule is None or rule not in k.ambiguity_rules:
                missing.append(f"{a[0]}:{a[1]} / {b[0]}:{b[1]}")
        if missing:
            out.append(Overlap(key, labels, False, "undeclared: " + "; ".join(missing[:3])))
        else:
            out.append(Overlap(key, labels, True, "rule"))
    return out


def stale_declarations(k: Knowledge) -> list[str]:
    """Names declared ambiguous that no longer name more than one entry."""
    shared = {o.key for o in overlaps(k)}
    return sorted(key for key in k.ambiguous if key not in shared)
