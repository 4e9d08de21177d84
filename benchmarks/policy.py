"""Policy-engine speed: synthetic claims against the demo registry plus the full SIPRI import.

    python benchmarks/policy.py [--claims 1000000] [--no-sipri] [--seed 7]

The registry is the bundled demo registry (transfers to Ukraine and the conditions timeline)
plus every row of the three SIPRI trade-register exports under
../shared/data/sipri-trade-registers/ (about 80,000 transfers; skipped when absent). Claims
are interchange dicts (CLAIMS.md) drawn with a fixed seed: mostly USE and SIGHTING claims
about systems transferred to Ukraine, named with or without their supplier, in Ukrainian and
Russian regions, dated 2022-2025, some undated, vague, hedged or negated, and a fifth of
other claim types. They are generated in chunks outside the timed region.

Reported, in claims per second of CPU time of one process (= per core), for the engine as
installed: compiled with mypyc where `python3 dev.py build` (or `dev.py test`) built it,
pure Python otherwise (the first line says which). Between chunks, outside the timed part,
the objects made so far are frozen out of the cyclic collector's sight, as `enduse check`
does after each batch (the memos live to the end of the run):

- `check`: `PolicyEngine.check_many(dicts)` as `enduse check` calls it (parsing the dicts included),
  with the memos on (the default): a finding is shared by claims whose facts, as far as the
  conditions concerned read them, are the same and whose dates fall between the same
  registry changes, and each candidate group's outcome over a span of its timeline is kept;
- `check, no memo`: the same engine with the memos off, working every claim out afresh, on a
  tenth of the claims, and how many times faster `check` is;
- `check, news-like`: a tenth of the claims again, but each event reported by five outlets
  on average (identical facts, different documents), as DESIGN.md describes the news;
- `check + JSON`: `check` and the finding written as one JSON line (orjson), on a tenth.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pycountry

from enduse.knowledge import cached_knowledge
from enduse.model import Transfer
from enduse.registry import DEMO_REGISTRY, PolicyEngine, engine_kind, load_registry_yaml, read_sipri
from enduse.registry.sipri import CLASSIC, DELIVERIES

SHARED = Path(os.environ.get("ENDUSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SIPRI = SHARED / "data" / "sipri-trade-registers"
SIPRI_FILES = {
    "trade-register_classic_deliveries-1950-2025_generated-2025-10-23.csv": CLASSIC,
    "trade-register_classic_orders-or-deliveries-1950-2024_generated-2024-10-13.csv": CLASSIC,
    "trade-register_new-format_deliveries-1995-2025_generated-2026-02-12.csv": DELIVERIES,
}
CHUNK = 50_000
OTHER_TYPES = ["TRANSFER", "AUTHORIZATION", "INVESTIGATION", "DENIAL"]
PURPOSES = ["counter-battery", "air defence", "strike", "defence of territory"]
ACTORS = ["Ukrainian forces", "Armed Forces of Ukraine", "Russian Volunteer Corps", "Russian forces"]
BORDER = ["RU-BEL", "RU-KRS", "RU-BRY", "RU-VOR", "RU-ROS"]
FIRST_DAY, LAST_DAY = dt.date(2022, 2, 24), dt.date(2025, 6, 30)


class ClaimMaker:
    """Draws synthetic interchange claims from the registry's own transfers to Ukraine."""

    def __init__(self, transfers: list[Transfer], seed: int) -> None:
        self.rng = random.Random(seed)
        # Drawn in proportion to the transfers on record: claims are about what was delivered
        # most, and name its usual suppliers.
        to_ua = sorted((t for t in transfers if t.recipient == "UA"), key=lambda t: t.id)
        self.systems = [(t.system, t.category, t.supplier) for t in to_ua if t.system]
        self.categories = [t.category for t in to_ua]
        self.origins = [t.supplier for t in to_ua]
        self.ua = sorted(s.code for s in pycountry.subdivisions.get(country_code="UA"))
        self.ru = sorted(s.code for s in pycountry.subdivisions.get(country_code="RU"))
        self.days = (LAST_DAY - FIRST_DAY).days

    def place(self) -> dict[str, Any] | None:
        r = self.rng.random()
        if r < 0.50:
            region = self.rng.choice(self.ua)
        elif r < 0.75:
            region = self.rng.choice(BORDER)
        elif r < 0.80:
            region = self.rng.choice(self.ru)
        elif r < 0.90:
            return {"text": "x", "country": self.rng.choice(["UA", "RU"]), "region": None}
        else:
            return None
        return {"text": "x", "country": region[:2], "region": region}

    def when(self) -> dict[str, Any] | None:
        r = self.rng.random()
        if r < 0.10:
            return None
        start = FIRST_DAY + dt.timedelta(days=self.rng.randrange(self.days))
        end = start + dt.timedelta(days=self.rng.randrange(28)) if r > 0.80 else start
        return {"start": start.isoformat(), "end": end.isoformat(), "text": None}

    def claim(self, n: int) -> dict[str, Any]:
        rng = self.rng
        r = rng.random()
        if r < 0.70:
            system, category, supplier = rng.choice(self.systems)
            weapon = {"text": system, "name": system, "category": category}
            supplier_named = supplier if rng.random() < 0.6 else None
            origin = None
        elif r < 0.90:
            weapon = {"text": "weapons", "name": None, "category": rng.choice(self.categories)}
            supplier_named, origin = None, rng.choice(self.origins)
        else:
            weapon = {"text": "weapons", "name": None, "category": "generic"}
            supplier_named = rng.choice(self.origins)
            origin = supplier_named
        t = rng.random()
        kind = (
            "USE"
            if t < 0.55
            else "SIGHTING"
            if t < 0.70
            else "CAPTURE"
            if t < 0.75
            else "RETRANSFER"
            if t < 0.80
            else rng.choice(OTHER_TYPES)
        )
        actor = rng.choice(ACTORS) if rng.random() < 0.5 else None
        return {
            "doc_id": f"synthetic-{n}",
            "type": kind,
            "weapon": weapon,
            "origin": origin,
            "supplier": supplier_named,
            "recipient": "UA" if rng.random() < 0.9 else None,
            "actor": {"text": actor, "name": actor} if actor else None,
            "place": self.place(),
            "when": self.when(),
            "claimant": {"text": "Synthetic Wire", "via": []},
            "hedged": rng.random() < 0.2,
            "negated": rng.random() < 0.03,
            "evidence": {"text": "synthetic"},
            "scope": None,
            "excluded": [],
            "purpose": rng.choice(PURPOSES) if rng.random() < 0.4 else None,
        }

    def chunks(self, total: int, outlets: float = 1.0) -> Iterator[list[dict[str, Any]]]:
        """Claims in chunks. With `outlets` > 1, each event is reported that many times on average
        (a geometric number of copies, shuffled within the chunk), as one story is told by many
        outlets; copies differ in their document id."""
        made = 0
        while made < total:
            size = min(CHUNK, total - made)
            chunk: list[dict[str, Any]] = []
            while len(chunk) < size:
                event = self.claim(made + len(chunk))
                copies = 1
                while outlets > 1 and self.rng.random() > 1 / outlets:
                    copies += 1
                chunk += [{**event, "doc_id": f"{event['doc_id']}-{k}"} for k in range(copies)]
            chunk = chunk[:size]
            self.rng.shuffle(chunk)
            yield chunk
            made += size


def timed(
    claims: Iterator[list[dict[str, Any]]], work: Callable[[list[dict[str, Any]]], Iterable[Any]]
) -> tuple[int, float, Counter[str]]:
    """Claims done, CPU seconds spent in `work` (a chunk of claims to their results) only, and the verdicts."""
    n, spent, verdicts = 0, 0.0, Counter[str]()
    for chunk in claims:
        t0 = time.process_time()
        results = list(work(chunk))
        spent += time.process_time() - t0
        n += len(chunk)
        gc.freeze()  # as `enduse check` does after each batch: the memos stay to the end
        verdicts.update(str(getattr(r, "verdict", "json")) for r in results)
    return n, spent, verdicts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--no-sipri", action="store_true", help="the demo registry only")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    knowledge = cached_knowledge()
    transfers, conditions = load_registry_yaml(DEMO_REGISTRY)
    rows: list[tuple[str, str]] = [
        ("engine", f"{engine_kind()} (setup.py; `python3 dev.py build`)"),
        ("registry", f"demo: {len(transfers)} transfers, {len(conditions)} conditions"),
    ]
    if not args.no_sipri and SIPRI.is_dir():
        for name, fmt in SIPRI_FILES.items():
            t0 = time.perf_counter()
            result = read_sipri(SIPRI / name, knowledge, fmt)
            transfers += result.transfers
            rows.append(
                ("SIPRI import", f"{name[:40]}…: {len(result.transfers)} rows in {time.perf_counter() - t0:.1f} s")
            )
    elif not args.no_sipri:
        rows.append(("SIPRI import", f"skipped: {SIPRI} not found"))
    t0 = time.perf_counter()
    engine = PolicyEngine(transfers, conditions, knowledge)
    plain = PolicyEngine(transfers, conditions, knowledge, memo=False)
    rows.append(
        ("index", f"{len(transfers)} transfers in {len(engine.index.groups)} groups, {time.perf_counter() - t0:.2f} s")
    )
    # As `enduse check` does: the registry lives for the whole run, so the cyclic garbage
    # collector need not scan its million objects again and again.
    gc.freeze()

    n, spent, verdicts = timed(ClaimMaker(transfers, args.seed).chunks(args.claims), engine.check_many)
    rows.append(("check", f"{n:,} claims, {spent:.1f} s CPU: {n / spent:,.0f} claims/s per core"))
    share = ", ".join(f"{v} {c / n:.1%}" for v, c in verdicts.most_common())
    rows.append(("verdicts", share))

    tenth = max(args.claims // 10, 1)
    n4, spent4, _ = timed(ClaimMaker(transfers, args.seed + 2).chunks(tenth, outlets=5.0), engine.check_many)
    rows.append(
        (
            "check, news-like",
            f"{n4:,} claims, each event told by 5 outlets on average: {n4 / spent4:,.0f} claims/s per core",
        )
    )

    n2, spent2, _ = timed(ClaimMaker(transfers, args.seed).chunks(tenth), plain.check_many)
    rows.append(
        (
            "check, no memo",
            f"{n2:,} claims, {spent2:.1f} s CPU: {n2 / spent2:,.0f} claims/s per core"
            f" (check with memos: {(n / spent) / (n2 / spent2):.1f}× as fast)",
        )
    )

    def to_lines(chunk: list[dict[str, Any]]) -> list[bytes]:
        return [
            orjson.dumps(engine.to_json(f, c.get("doc_id"), c))
            for c, f in zip(chunk, engine.check_many(chunk), strict=True)
        ]

    n3, spent3, _ = timed(ClaimMaker(transfers, args.seed + 1).chunks(tenth), to_lines)
    rows.append(("check + JSON", f"{n3:,} claims, {spent3:.1f} s CPU: {n3 / spent3:,.0f} claims/s per core"))

    width = max(len(k) for k, _ in rows)
    print(f"policy engine benchmark (goal: 50,000 claims/s per core; seed {args.seed})")
    for k, v in rows:
        print(f"  {k.ljust(width)}  {v}")


if __name__ == "__main__":
    main()
