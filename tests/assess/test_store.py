"""The assessment in the store: the decisions migration, and stories and assertions saved and
read back (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from enduse.assess import assess
from enduse.knowledge import cached_knowledge
from enduse.pipeline import assess_stored, stored_assessment
from enduse.store import Repository, downgrade, upgrade
from enduse.store.tables import Base
from tests.assess.helpers import claim, doc


def test_migration_adds_and_removes_the_decisions_table(engine: Engine) -> None:
    upgrade(engine)
    insp = inspect(engine)
    assert "decisions" in insp.get_table_names()
    assert "detail" in {c["name"] for c in insp.get_columns("assertions")}
    assert "repost_reason" in {c["name"] for c in insp.get_columns("documents")}
    downgrade(engine, "0002")
    insp = inspect(engine)
    assert "decisions" not in insp.get_table_names()
    assert "repost_reason" not in {c["name"] for c in insp.get_columns("documents")}
    upgrade(engine)


def test_the_migrated_schema_matches_the_tables(engine: Engine) -> None:
    upgrade(engine)
    with engine.connect() as c:
        diffs = compare_metadata(MigrationContext.configure(c), Base.metadata)
    mine = {"decisions", "assertions", "stories", "documents"}
    assert [d for d in diffs if any(t in repr(d) for t in mine)] == []


def test_assessment_round_trip(repo: Repository) -> None:
    knowledge = cached_knowledge()
    day = dt.date(2023, 6, 4)
    docs = [
        doc("a", "FN SCAR rifles were filmed in Belgorod Oblast, The Washington Post reported.", "bbc", day),
        doc("b", "Le Monde, citing The Washington Post, says FN SCAR rifles were in Belgorod Oblast.", "le-monde", day),
        doc(
            "r",
            "FN SCAR rifles were filmed in Belgorod Oblast, The Washington Post reported. More.",
            None,
            dt.date(2023, 12, 1),
        ),
    ]
    for d in docs:
        repo.add_document(d)
        repo.replace_claims(d.id, [claim(d.id, claimant="The Washington Post", evidence=d.text)])
    computed = assess_stored(repo, knowledge)
    loaded = stored_assessment(repo)
    assert [s.id for s in loaded.stories] == [s.id for s in computed.stories]
    assert loaded.stories[0].doc_ids == ["a", "b", "r"] and loaded.stories[0].first_reported == day
    assert loaded.stories[0].date == computed.stories[0].date
    by_id = {a.id: a for a in loaded.assertions}
    for a in computed.assertions:
        got = by_id[a.id]
        assert (got.origins, got.reasons, got.weapon, got.place, got.when) == (
            a.origins,
            a.reasons,
            a.weapon,
            a.place,
            a.when,
        )
        assert sorted(got.claim_ids) == sorted(a.claim_ids)
    notes = {d.doc_id: d for d in loaded.documents}
    assert notes["r"].repost.flag and notes["r"].duplicate_of == "a" and not notes["a"].repost.flag
    # Running it again replaces what was stored, it does not add to it.
    assess_stored(repo, knowledge)
    assert len(repo.list_assertions()) == len(computed.assertions)
    assert assess(docs, [], knowledge).assertions == []
