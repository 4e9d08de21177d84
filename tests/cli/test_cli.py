"""The command line, run as a user runs it: `python -m enduse` in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SEEDS, SHARED, shared_path


def enduse(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "enduse", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_version() -> None:
    r = enduse("--version")
    assert r.returncode == 0 and r.stdout.startswith("enduse ")


def test_ingest_twice_stores_nothing_twice(tmp_path: Path) -> None:
    shared_path("seeds")
    db = f"sqlite:///{tmp_path / 'e.db'}"
    assert enduse("init", "-d", db).returncode == 0
    first = enduse("ingest", "-q", "-d", db, str(SEEDS))
    assert first.returncode == 0, first.stderr
    assert "ingested" in first.stdout
    second = enduse("ingest", "-q", "-d", db, str(SEEDS))
    assert second.returncode == 0, second.stderr
    from enduse.store import Repository, make_engine

    counts = Repository(make_engine(db)).counts()
    assert counts.documents == 5


def test_bad_inputs_give_one_line_naming_the_file_and_a_nonzero_exit(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'e.db'}"
    enduse("init", "-d", db)
    (tmp_path / "bin.txt").write_bytes(b"\x00\xff" * 1000)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "huge.txt").write_bytes(b"word " * (50 * 1024 * 1024 // 5))
    for name in ("missing.txt", "bin.txt", "empty.txt", "huge.txt"):
        r = enduse("ingest", "-q", "-d", db, str(tmp_path / name))
        assert r.returncode != 0, name
        lines = [ln for ln in r.stderr.splitlines() if name in ln]
        assert lines, f"no message names {name}: {r.stderr}"
    from enduse.store import Repository, make_engine

    repo = Repository(make_engine(db))
    assert repo.counts().documents == 0
    assert {r.reason for r in repo.list_rejections()} == {"missing", "binary", "empty", "too large"}


def test_ingest_into_an_unmigrated_database_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text that is long enough to be an article, really it is.")
    r = enduse("ingest", "-q", "-d", f"sqlite:///{tmp_path / 'new.db'}", str(tmp_path / "a.txt"))
    assert r.returncode == 1
    assert "enduse db upgrade" in r.stderr


def test_extract_on_the_seeds_writes_claims_the_scorer_reads(tmp_path: Path) -> None:
    shared_path("seeds")
    out = tmp_path / "claims.jsonl"
    r = enduse("extract", *sorted(str(p) for p in SEEDS.glob("*.txt")), "--out", str(out))
    assert r.returncode == 0, r.stderr
    claims = [json.loads(line) for line in out.read_text().splitlines()]
    assert claims, "no claims extracted from the seeds"
    for c in claims:
        assert {"doc_id", "type", "evidence", "claimant", "hedged", "negated"} <= set(c)
    score = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score_claims.py"),
            "--gold",
            str(SEEDS / "gold.jsonl"),
            "--pred",
            str(out),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(score.stdout)
    assert result["docs"]["pred"] == 5
    assert result["claims"]["tp"] > 0


def test_clean_prints_text_and_json(tmp_path: Path) -> None:
    shared_path("seeds")
    seed = sorted(SEEDS.glob("004_*.txt"))[0]
    r = enduse("clean", "--json", str(seed))
    assert r.returncode == 0, r.stderr
    record = json.loads(r.stdout)
    assert record["published"] == "2024-06-21"
    assert "reCAPTCHA" not in record["text"]


def test_demo_without_serving_loads_and_summarises(tmp_path: Path) -> None:
    r = enduse("demo", "--no-serve", "--db", str(tmp_path / "demo.db"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "demo data" in r.stdout
    from enduse.store import Repository, make_engine

    counts = Repository(make_engine(f"sqlite:///{tmp_path / 'demo.db'}")).counts()
    assert 8 <= counts.documents <= 15
    assert counts.claims > 0 and counts.transfers > 0 and counts.conditions > 0
