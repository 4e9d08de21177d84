"""The JSON API and pages, in process (httpx over ASGI) on the demo database."""

from __future__ import annotations

from fastapi.testclient import TestClient

from enduse.api import create_app
from enduse.config import Settings
from enduse.store import Repository


def client(demo_db: tuple[Settings, Repository]) -> TestClient:
    settings, repo = demo_db
    return TestClient(create_app(settings, repo))


def test_documents_and_claims_in_the_api(demo_db: tuple[Settings, Repository]) -> None:
    c = client(demo_db)
    docs = c.get("/api/documents").json()
    assert len(docs) >= 9
    with_claims = [d for d in docs if c.get(f"/api/documents/{d['id']}").json()["claims"]]
    assert with_claims, "no demo document has claims"
    detail = c.get(f"/api/documents/{with_claims[0]['id']}").json()
    for claim in detail["claims"]:
        ev = claim["evidence"]
        assert detail["text"][ev["start"] : ev["end"]] == ev["text"]
    stats = c.get("/api/stats").json()
    assert stats["claims"] == sum(stats["claims_by_type"].values())


def test_unknown_document_is_404(demo_db: tuple[Settings, Repository]) -> None:
    assert client(demo_db).get("/api/documents/nope").status_code == 404
    assert client(demo_db).get("/documents/nope").status_code == 404


def test_hostile_html_in_article_text_is_escaped(demo_db: tuple[Settings, Repository]) -> None:
    page = client(demo_db).get("/documents/hostile").text
    assert "<script>window.__pwned" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "<img src=x" not in page


def test_every_asset_is_served_by_the_app(demo_db: tuple[Settings, Repository]) -> None:
    c = client(demo_db)
    page = c.get("/").text
    assert "http://" not in page.replace("http://127.0.0.1", "") and "https://" not in page
    assert c.get("/static/style.css").status_code == 200
    assert c.get("/static/app.js").status_code == 200
