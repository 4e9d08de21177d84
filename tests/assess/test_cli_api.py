"""`enduse assess` and the assessment JSON API, as a user and a client call them."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from enduse.api.app import create_app
from enduse.config import Settings
from enduse.store import Repository, make_engine, upgrade
from tests.assess.helpers import claim, doc
from tests.conftest import shared_path

ASSERTION_KEYS = {
    "id",
    "type",
    "weapon",
    "actor",
    "place",
    "when",
    "claims",
    "origins",
    "independent_origins",
    "reliability",
    "credibility",
}


def enduse(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "enduse", *args], capture_output=True, text=True, timeout=600)


def _check_shape(data: dict) -> None:  # type: ignore[type-arg]
    assert {"stories", "assertions", "documents"} <= set(data)
    for s in data["stories"]:
        assert {"id", "docs", "date"} <= set(s) and {"start", "end", "first_reported"} <= set(s["date"])
    for a in data["assertions"]:
        assert set(a) >= ASSERTION_KEYS
        assert a["reliability"] in "ABCDEF" and 1 <= a["credibility"] <= 6
        assert a["independent_origins"] == len(a["origins"])
        assert all({"doc_id", "evidence"} <= set(c) for c in a["claims"])
        assert all({"name", "docs"} <= set(o) for o in a["origins"])
    for d in data["documents"]:
        assert {"doc_id", "story", "duplicate_of", "repost"} <= set(d) and {"flag", "reason"} <= set(d["repost"])


def test_assess_files_writes_the_assessment(tmp_path: Path) -> None:
    seeds = shared_path("seeds")
    out = tmp_path / "assessment.json"
    r = enduse("assess", *[str(p) for p in sorted(seeds.glob("*.txt"))], "--out", str(out), "-q")
    assert r.returncode == 0, r.stderr
    assert "3 stories" in r.stderr and "1 page dates flagged as reposts" in r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    _check_shape(data)
    assert len(data["documents"]) == 5
    story = next(s for s in data["stories"] if len(s["docs"]) == 3)
    assert story["date"]["first_reported"] == "2023-06-04"


def test_assess_needs_paths_or_a_database() -> None:
    r = enduse("assess")
    assert r.returncode == 2 and "--database" in r.stderr


def test_assess_over_the_database_stores_it(tmp_path: Path) -> None:
    seeds = shared_path("seeds")
    db = f"sqlite:///{tmp_path / 'e.db'}"
    assert enduse("init", "-d", db).returncode == 0
    assert enduse("ingest", "-q", "-d", db, str(seeds)).returncode == 0
    r = enduse("assess", "-d", db, "--out", str(tmp_path / "a.json"))
    assert r.returncode == 0, r.stderr
    repo = Repository(make_engine(db))
    assert len(repo.list_stories()) == 3 and repo.list_assertions()
    notes = {n.doc_id[:3]: n for n in repo.document_notes()}
    assert notes["001"].repost_reason and notes["000"].repost_reason is None


def test_api_assessment_and_decisions(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'api.db'}")
    engine = make_engine(settings.database_url)
    upgrade(engine)
    repo = Repository(engine)
    day = dt.date(2023, 6, 4)
    for i, (outlet, claimant) in enumerate((("bbc", "The Washington Post"), ("reuters", None))):
        d = doc(
            f"d{i}", f"FN SCAR rifles in Belgorod Oblast with the Russian Volunteer Corps ({outlet} {i}).", outlet, day
        )
        repo.add_document(d)
        repo.replace_claims(d.id, [claim(d.id, claimant=claimant, evidence=d.text)])
    client = TestClient(create_app(settings, repo))
    ran = client.post("/api/assessment")
    assert ran.status_code == 200 and ran.json()["assertions"] == 1
    data = client.get("/api/assessment").json()
    _check_shape(data)
    (assertion,) = data["assertions"]
    assert assertion["independent_origins"] == 2 and assertion["reliability"] == "F"
    assert client.get(f"/api/assertions/{assertion['id']}").json()["id"] == assertion["id"]
    assert client.get("/api/assertions/nope").status_code == 404
    assert [s["docs"] for s in client.get("/api/stories").json()] == [["d0", "d1"]]

    bad = client.post("/api/decisions", json={"kind": "set reliability", "targets": ["bbc"], "who": "a", "why": "b"})
    assert bad.status_code == 422
    missing_why = client.post("/api/decisions", json={"kind": "reject claim", "targets": ["x"], "who": "a"})
    assert missing_why.status_code == 422
    grade = {
        "kind": "set reliability",
        "targets": ["washington-post"],
        "value": "B",
        "who": "ana",
        "why": "long record",
    }
    made = client.post("/api/decisions", json=grade)
    assert made.status_code == 201 and made.json()["id"] and made.json()["who"] == "ana"
    assert client.post("/api/assessment").status_code == 200
    assert client.get("/api/assessment").json()["assertions"][0]["reliability"] == "B"
    assert [d["kind"] for d in client.get("/api/decisions").json()] == ["set reliability"]
