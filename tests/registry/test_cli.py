"""`enduse registry import|list|export`, `enduse conditions` and `enduse check`, run as a user
runs them (`python -m enduse` in a subprocess)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from enduse.registry import DEMO_REGISTRY, load_registry_yaml
from enduse.store import Repository, make_engine, upgrade
from tests.cli.test_cli import enduse
from tests.conftest import shared_path
from tests.registry.test_policy import BELGOROD, CASES, claim
from tests.registry.test_sipri import FOLDER, REAL


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    upgrade(make_engine(url))  # `enduse init` is tested elsewhere; this saves a subprocess
    return url


@pytest.mark.parametrize(("name", "fmt", "records", "physical", "ukraine"), REAL)
def test_import_a_sipri_export_and_list_ukraine_since_2022(
    db: str, name: str, fmt: str, records: int, physical: int, ukraine: int
) -> None:
    path = shared_path(FOLDER, name)
    r = enduse("registry", "import", str(path), "--format", fmt, "-d", db)
    assert r.returncode == 0, r.stderr
    assert (
        f"{records} data rows" in r.stderr and f"{records} transfers and 0 conditions imported, 0 rejected" in r.stderr
    )
    assert "designations:" in r.stderr
    listed = enduse("registry", "list", "--recipient", "UA", "--since", "2022", "-d", db)
    assert listed.returncode == 0, listed.stderr
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert len(rows) == ukraine and f"{ukraine} transfers" in listed.stderr
    assert all(row[2] == "UA" for row in rows)
    assert all(int(row[8].split("/")[-1][:4]) >= 2022 for row in rows)  # the delivery span reaches 2022
    assert any(row[9].startswith("?") for row in rows), "uncertainty flags are shown"


def test_export_and_import_back(db: str, tmp_path: Path) -> None:
    assert enduse("registry", "import", str(DEMO_REGISTRY), "-d", db).returncode == 0
    repo = Repository(make_engine(db))
    stored = (repo.list_transfers(), repo.list_conditions())
    assert len(stored[0]) >= 50 and len(stored[1]) >= 25
    csv_out, yaml_out = tmp_path / "export.csv", tmp_path / "export.yaml"
    for fmt, out in (("csv", csv_out), ("yaml", yaml_out)):
        r = enduse("registry", "export", "--format", fmt, "--out", str(out), "-d", db)
        assert r.returncode == 0, r.stderr
    assert load_registry_yaml(yaml_out) == stored
    other = f"sqlite:///{tmp_path / 'other.db'}"
    upgrade(make_engine(other))
    back = enduse("registry", "import", str(csv_out), "-d", other)
    assert back.returncode == 0, back.stderr
    again = Repository(make_engine(other))
    assert (again.list_transfers(), again.list_conditions()) == stored


def test_import_reports_rejected_rows(db: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("record,id\ntransfer,x\ncondition,y\n")
    rejects = tmp_path / "rejects.csv"
    r = enduse("registry", "import", str(bad), "--format", "csv", "--rejects", str(rejects), "-d", db)
    assert r.returncode == 0
    assert "2 data rows" in r.stderr and "2 rejected" in r.stderr and "line 2:" in r.stderr
    assert rejects.read_text().splitlines()[0] == "line,reason,text"
    assert enduse("registry", "import", str(bad), "--format", "excel", "-d", db).returncode == 2


def test_conditions_in_force_on_a_date() -> None:
    r = enduse("conditions", "--supplier", "US", "--on", "2024-06-20")
    assert r.returncode == 0, r.stderr
    ids = [line.split("\t")[0] for line in r.stdout.splitlines() if not line.startswith("\t")]
    assert ids == [
        "us-ua-territory-2022",
        "us-ua-himars-assurance-2022",
        "us-ua-kharkiv-counterfire-2024",
        "us-ua-border-counterfire-2024",
    ]
    assert "4 conditions in force on 2024-06-20 (the demo registry)" in r.stderr
    assert enduse("conditions", "--supplier", "US", "--on", "June").returncode == 2


def test_check_writes_one_finding_per_claim(tmp_path: Path) -> None:
    claims = [data for _, data, *_ in CASES]
    src = tmp_path / "claims.jsonl"
    src.write_text("\n".join(json.dumps(c) for c in claims) + "\nnot json\n[1, 2]\n")
    out = tmp_path / "findings.jsonl"
    r = enduse("check", "--claims", str(src), "--out", str(out), "-q")
    assert r.returncode == 0, r.stderr
    assert f"{len(claims)} claims checked against the demo registry" in r.stderr and "2 lines skipped" in r.stderr
    findings = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(findings) == len(claims)
    for finding, (_, data, verdict, rule, _) in zip(findings, CASES, strict=True):
        assert set(finding) >= {"doc_id", "claim", "verdict", "reasons", "transfers", "conditions", "missing"}
        assert finding["claim"] == data and finding["verdict"] == str(verdict)
        assert rule in [x["rule"] for x in finding["reasons"]]


def test_check_with_another_registry(tmp_path: Path) -> None:
    registry = tmp_path / "mine.yaml"
    registry.write_text(
        "transfers:\n"
        "  - {id: t, supplier: BE, recipient: UA, system: FN SCAR, category: rifle, status: delivered,"
        " delivered: '2022'}\n"
        "conditions:\n"
        "  - {id: c, kind: authorization, supplier: BE, recipient: UA, permitted_territory: [UA, RU-BEL],"
        " status: inferred, citation: 'https://example.org'}\n"
    )
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps(claim(name="FN SCAR", supplier="BE", place=BELGOROD, when="2023-05-25")) + "\n")
    r = enduse("check", "-c", str(src), "--registry", str(registry))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["verdict"] == "consistent"
