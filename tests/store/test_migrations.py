"""`db upgrade` gives the same schema on SQLite and PostgreSQL; downgrade and upgrade again work."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, inspect

from enduse.store import downgrade, make_engine, upgrade
from enduse.store.migrate import current_revision, head_revision
from enduse.store.tables import Base


def schema(engine: Engine) -> dict[str, Any]:
    """Tables, columns (name, generic type, nullability), primary keys, foreign keys, indexes."""
    insp = inspect(engine)
    out: dict[str, Any] = {}
    for table in sorted(t for t in insp.get_table_names() if t != "alembic_version"):
        cols = {
            c["name"]: (type(c["type"]).__name__.upper().replace("VARCHAR", "STRING"), c["nullable"])
            for c in insp.get_columns(table)
        }
        out[table] = {
            "columns": {k: (_generic(t), n) for k, (t, n) in cols.items()},
            "pk": sorted(insp.get_pk_constraint(table)["constrained_columns"]),
            "fks": sorted((tuple(f["constrained_columns"]), f["referred_table"]) for f in insp.get_foreign_keys(table)),
            # PostgreSQL lists the index behind a unique constraint as an index too; count it once.
            "indexes": sorted(
                tuple(i["column_names"]) for i in insp.get_indexes(table) if not i.get("duplicates_constraint")
            ),
            "unique": sorted(tuple(u["column_names"]) for u in insp.get_unique_constraints(table)),
        }
    return out


def _generic(type_name: str) -> str:
    # Dialects name the same portable type differently (TEXT/VARCHAR, DATETIME/TIMESTAMP, BLOB/BYTEA).
    aliases = {
        "TIMESTAMP": "DATETIME",
        "BYTEA": "BLOB",
        "LARGEBINARY": "BLOB",
        "BOOLEAN": "BOOLEAN",
        "STRING": "STRING",
        "TEXT": "TEXT",
        "JSONB": "JSON",
    }
    return aliases.get(type_name, type_name)


def test_upgrade_gives_the_same_schema_on_sqlite_and_postgresql(sqlite_url: str, pg_url: str) -> None:
    lite, pg = make_engine(sqlite_url), make_engine(pg_url)
    upgrade(lite)
    upgrade(pg)
    try:
        a, b = schema(lite), schema(pg)
        assert set(a) == set(Base.metadata.tables)
        assert a == b
    finally:
        downgrade(pg)
        pg.dispose()


def test_downgrade_to_base_and_upgrade_again(engine: Engine) -> None:
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    downgrade(engine)
    assert current_revision(engine) is None
    assert [t for t in inspect(engine).get_table_names() if t != "alembic_version"] == []
    upgrade(engine)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
