"""Transfers with their SIPRI fields (delivered quantity, uncertainty flags, notes) through the
store on SQLite and PostgreSQL, and migration 0002 on a database that already holds rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text

from enduse.model import DateSpan, Transfer
from enduse.registry import DEMO_REGISTRY, load_registry_yaml
from enduse.store import Repository, make_engine, upgrade


def _sipri_like(n: int) -> Transfer:
    return Transfer(
        id=f"sipri-{n}",
        supplier="SU",
        recipient="XN",
        category="armoured vehicle",
        system="BTR-60",
        quantity=n,
        quantity_delivered=n - 1,
        ordered=DateSpan(dt.date(1980, 1, 1), dt.date(1980, 12, 31)),
        delivered=DateSpan(dt.date(1981, 1, 1), dt.date(1982, 12, 31)),
        uncertain=["ordered", "quantity_delivered"],
        notes="SIPRI designation: BTR-60PB (armoured personnel carrier); Second hand; SIPRI recipient: Ukraine Rebels*",
        citations=["Information from the SIPRI Arms Transfers Database, export x.csv, line 12"],
    )


def test_registry_round_trip_with_uncertainty(repo: Repository) -> None:
    transfers, conditions = load_registry_yaml(DEMO_REGISTRY)
    extra = [_sipri_like(n) for n in range(2, 1202)]
    assert repo.upsert_transfers([*transfers, *extra]) == len(transfers) + len(extra)
    repo.upsert_conditions(conditions)
    stored = {t.id: t for t in repo.list_transfers()}
    assert len(stored) == len(transfers) + len(extra)
    assert stored["sipri-7"] == extra[5]
    assert stored["be-ua-fn-scar"] == next(t for t in transfers if t.id == "be-ua-fn-scar")
    assert sorted(repo.list_conditions(), key=lambda c: c.id) == sorted(conditions, key=lambda c: c.id)


def test_upsert_replaces_by_id(repo: Repository) -> None:
    first = _sipri_like(5)
    repo.upsert_transfers([first])
    changed = Transfer(**{**{f: getattr(first, f) for f in first.__dataclass_fields__}, "uncertain": [], "quantity": 9})
    assert repo.upsert_transfers([changed, _sipri_like(6)]) == 2
    stored = {t.id: t for t in repo.list_transfers()}
    assert stored["sipri-5"].uncertain == [] and stored["sipri-5"].quantity == 9
    assert repo.counts().transfers == 2


def test_migration_0002_keeps_existing_transfers(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0001")
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO transfers (id, supplier, recipient, category, status, citations) "
                "VALUES ('old', 'US', 'UA', 'tank', 'delivered', '[]')"
            )
        )
    upgrade(engine)
    (t,) = Repository(engine).list_transfers()
    assert t.id == "old" and t.uncertain == [] and t.quantity_delivered is None and t.notes is None
