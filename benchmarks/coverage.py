"""How much of the real designation inventory the weapons catalog recognises.

Reads ../shared/data/weapon-systems/ (see its SOURCE.md): the derived gazetteer's Oryx rows
recorded 2022–2025 (loss records of both sides in the Russia–Ukraine war), the Oryx model list
of Russian losses (PetroIvaniuk), and the gazetteer's SIPRI designations delivered to Ukraine.
A name counts as recognised when the matcher finds a weapon system in it ("1 Leopard 2A4",
"T-72B3 Obr. 2016", "Leopard-2A4"). Placeholders that name no system ("Unknown tank") and
SIPRI's unnamed generic items ("vehicle engine 301-400") are left out and counted apart.

    python benchmarks/coverage.py [--shared ../shared] [--misses 40]

Goal (issue 4): at least 80 % of each set.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from enduse.knowledge import Knowledge, load_knowledge

ROOT = Path(__file__).resolve().parent.parent
GOAL = 0.80
_PLACEHOLDER = re.compile(r"^\(?unknown\b", re.IGNORECASE)


@dataclass
class Inventory:
    """One set of designations: name -> number of records behind it."""

    label: str
    names: dict[str, int] = field(default_factory=dict)
    skipped: int = 0

    def add(self, name: str, records: int) -> None:
        name = name.replace("''", '"').strip()
        if not name:
            return
        if _PLACEHOLDER.match(name) or name[0].islower():
            self.skipped += 1
            return
        self.names[name] = self.names.get(name, 0) + records


def read_inventories(shared: Path) -> list[Inventory]:
    """The three designation sets, from the shared weapon-systems folder."""
    folder = shared / "data" / "weapon-systems"
    oryx, sipri = Inventory("Oryx losses 2022–2025 (both sides)"), Inventory("SIPRI deliveries to Ukraine")
    with (folder / "derived" / "weapon_systems_gazetteer.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            records = int(row["n_records"] or 1)
            if row["source"].startswith("oryx") and int(row["last_year"]) >= 2022 and int(row["first_year"]) <= 2025:
                oryx.add(row["name"], records)
            elif row["source"].startswith("SIPRI") and "Ukraine" in row["operators_or_recipients"].split(";"):
                sipri.add(row["name"], records)
    models = Inventory("Oryx Russian loss models")
    for item in json.loads((folder / "oryx-petroivaniuk" / "russia_losses_equipment_oryx.json").read_text("utf-8")):
        models.add(item["model"], int(item.get("losses_total") or 1))
    return [oryx, models, sipri]


def recognised(k: Knowledge, name: str) -> bool:
    return any(m.kind == "weapon" for m in k.matcher().find(name))


def report(k: Knowledge, inventories: list[Inventory], misses: int) -> bool:
    """Print the coverage table (and the most-recorded misses); True when every set meets the goal."""
    print(f"{'set':40} {'names':>6} {'found':>6} {'share':>7} {'by records':>11} {'left out':>9}")
    ok = True
    for inv in inventories:
        hits = {n for n in inv.names if recognised(k, n)}
        share = len(hits) / len(inv.names)
        weighted = sum(inv.names[n] for n in hits) / sum(inv.names.values())
        ok &= share >= GOAL
        print(f"{inv.label:40} {len(inv.names):6} {len(hits):6} {share:7.1%} {weighted:11.1%} {inv.skipped:9}")
    every = {n for inv in inventories for n in inv.names}
    found = {n for n in every if recognised(k, n)}
    print(f"{'all (distinct names)':40} {len(every):6} {len(found):6} {len(found) / len(every):7.1%}")
    print(f"goal: at least {GOAL:.0%} of each set -> {'met' if ok else 'NOT met'}")
    if misses:
        counts: dict[str, int] = {}
        for inv in inventories:
            for n, c in inv.names.items():
                if n not in found:
                    counts[n] = counts.get(n, 0) + c
        print(f"\nmost-recorded names not recognised (top {misses}):")
        for n, c in sorted(counts.items(), key=lambda x: -x[1])[:misses]:
            print(f"{c:6}  {n}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("ENDUSE_SHARED", ROOT.parent / "shared")))
    parser.add_argument("--misses", type=int, default=0, help="list this many unrecognised names")
    args = parser.parse_args()
    if not (args.shared / "data" / "weapon-systems").is_dir():
        print(f"no weapon-systems data under {args.shared} (set --shared or ENDUSE_SHARED)", file=sys.stderr)
        return 2
    ok = report(load_knowledge(), read_inventories(args.shared), args.misses)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
