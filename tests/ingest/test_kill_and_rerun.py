"""A batch killed half-way and run again stores every document exactly once and loses none.

This runs the real command in a subprocess over ~200 generated documents (files and a JSONL
dump), kills it with SIGKILL once a few documents are stored (no clean-up code can run),
then runs it again to the end and checks the repository.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from enduse.store import Repository, make_engine, upgrade
from enduse.store.tables import DocumentRow, RawBlobRow
from tests.ingest.corpus import article_html, article_text

N_FILES = 150
N_RECORDS = 50


def _make_batch(folder: Path) -> set[str]:
    ids: set[str] = set()
    for i in range(N_FILES):
        name = f"doc{i:03d}"
        if i % 3:
            (folder / f"{name}.txt").write_text(article_text(i), encoding="utf-8")
        else:
            (folder / f"{name}.html").write_text(article_html(i, "2024-03-01"), encoding="utf-8")
        ids.add(name)
    with (folder / "dump.jsonl").open("w", encoding="utf-8") as fh:
        for j in range(N_RECORDS):
            fh.write(json.dumps({"id": f"rec{j:03d}", "text": article_text(1000 + j)}) + "\n")
            ids.add(f"rec{j:03d}")
    return ids


def _stored(repo: Repository) -> int:
    with repo.engine.connect() as c:
        return int(c.execute(select(func.count()).select_from(DocumentRow)).scalar_one())


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killed_batch_rerun_stores_each_document_once(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    expected = _make_batch(batch)
    db = f"sqlite:///{tmp_path / 'kill.db'}"
    engine = make_engine(db)
    upgrade(engine)
    repo = Repository(engine)
    command = [sys.executable, "-m", "enduse", "ingest", "-q", "--no-extract", "-d", db, str(batch)]

    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    try:
        while _stored(repo) < 10:
            assert proc.poll() is None, "the batch ended before it could be killed"
            assert time.monotonic() < deadline, "the batch stored nothing within the time allowed"
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    interrupted = _stored(repo)
    assert 10 <= interrupted < len(expected), "the kill should land mid-batch"

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert "already stored" in rerun.stdout

    ids = [d.id for d in repo.list_documents()]
    assert len(ids) == len(set(ids)) == len(expected)  # each exactly once
    assert set(ids) == expected  # none lost
    assert all(d.raw_sha256 and repo.raw_bytes(d.raw_sha256) for d in repo.list_documents())
    with engine.connect() as c:
        assert c.execute(select(func.count()).select_from(RawBlobRow)).scalar_one() == len(expected)
    assert repo.list_rejections() == []
