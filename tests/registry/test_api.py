"""The registry routes of the JSON API, in process, on the demo database of the web tests."""

from __future__ import annotations

from fastapi.testclient import TestClient

from enduse.api import create_app
from enduse.config import Settings
from enduse.store import Repository
from tests.registry.test_policy import BELGOROD, CASES, claim
from tests.web.conftest import demo_db  # noqa: F401  (the session fixture)


def client(demo_db: tuple[Settings, Repository]) -> TestClient:  # noqa: F811
    settings, repo = demo_db
    return TestClient(create_app(settings, repo))


def test_transfers_and_filters(demo_db: tuple[Settings, Repository]) -> None:  # noqa: F811
    c = client(demo_db)
    everything = c.get("/api/transfers").json()
    assert len(everything) >= 50
    us = c.get("/api/transfers", params={"supplier": "US", "recipient": "UA", "since": "2024"}).json()
    assert us and all(t["supplier"] == "US" for t in us)
    assert {"us-ua-atacms-2024"} <= {t["id"] for t in us}
    assert c.get("/api/transfers", params={"since": "soon"}).status_code == 422


def test_conditions_in_force(demo_db: tuple[Settings, Repository]) -> None:  # noqa: F811
    c = client(demo_db)
    ids = [x["id"] for x in c.get("/api/conditions", params={"supplier": "US", "on": "2024-11-20"}).json()]
    assert ids[-1] == "us-ua-atacms-kursk-2024" and "us-ua-territory-2022" in ids
    assert len(c.get("/api/conditions").json()) >= 25
    assert c.get("/api/conditions", params={"on": "yesterday"}).status_code == 422


def test_check_claims(demo_db: tuple[Settings, Repository]) -> None:  # noqa: F811
    c = client(demo_db)
    claims = [data for _, data, *_ in CASES]
    r = c.post("/api/check", json=claims)
    assert r.status_code == 200, r.text
    findings = r.json()
    assert [f["verdict"] for f in findings] == [str(v) for _, _, v, _, _ in CASES]
    one = c.post("/api/check", json=[claim(name="ATACMS", supplier="US", place=BELGOROD, when="2024-06-20")]).json()
    assert one[0]["verdict"] == "possible breach" and one[0]["doc_id"] == "case"
    assert c.post("/api/check", json={"not": "a list"}).status_code == 422
