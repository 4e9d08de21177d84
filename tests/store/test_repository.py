"""The repository on SQLite and PostgreSQL: documents, raw bytes, claims, rejections."""

from __future__ import annotations

import datetime as dt

import pytest

from enduse.errors import StoreError
from enduse.model import (
    Claim,
    Claimant,
    ClaimType,
    DatePrecision,
    DateSpan,
    Document,
    Evidence,
    PublishedDate,
    Rejection,
    WeaponRef,
)
from enduse.store import Repository, make_engine


def _doc(doc_id: str = "d1", text: str = "Belgian rifles were seen in Belgorod Oblast.") -> Document:
    return Document(
        id=doc_id,
        text=text,
        url="https://example.org/a",
        title="T",
        published=PublishedDate(dt.date(2023, 6, 4), DatePrecision.DAY, "header"),
        content_hash=f"hash-{doc_id}",
        raw_sha256=f"{doc_id:0>64}"[:64],
        language="en",
    )


def test_document_round_trip_and_idempotent_add(repo: Repository) -> None:
    raw = b"<html>raw page \xe2\x80\x94 bytes</html>"
    assert repo.add_document(_doc(), raw) is True
    assert repo.add_document(_doc(), raw) is False  # the same id again stores nothing
    got = repo.get_document("d1")
    assert got is not None and got.text == _doc().text and got.published == _doc().published
    assert repo.raw_bytes(got.raw_sha256 or "") == raw
    assert repo.counts().documents == 1


def test_signatures_and_page_keys_are_stored_and_filled_in(repo: Repository) -> None:
    repo.add_document(_doc("d1"), minhash=b"\x01\x02", url_key="example-org-1")
    repo.add_document(_doc("d2"))  # stored without them, as before revision 0004
    repo.add_document(Document(id="d3", text="copy", content_hash="hash-d1", duplicate_of="d1"))
    got = {s.doc_id: (s.published, s.minhash, s.url_key) for s in repo.document_signatures()}
    assert got == {"d1": (dt.date(2023, 6, 4), b"\x01\x02", "example-org-1"), "d2": (dt.date(2023, 6, 4), None, None)}
    repo.set_signatures({"d2": (b"\x03", None)})
    assert {s.doc_id: s.minhash for s in repo.document_signatures()} == {"d1": b"\x01\x02", "d2": b"\x03"}
    same = repo.documents_with_text("hash-d1")
    assert [(c.doc_id, c.url_key, c.duplicate_of) for c in same] == [("d1", "example-org-1", None), ("d3", None, "d1")]


def test_claims_are_replaced_not_added(repo: Repository) -> None:
    repo.add_document(_doc())
    claim = Claim(
        doc_id="d1",
        type=ClaimType.SIGHTING,
        evidence=Evidence("Belgian rifles were seen", 0, 24),
        weapon=WeaponRef("Belgian rifles", None, "rifle"),
        origin="BE",
        when=DateSpan(dt.date(2023, 5, 21), dt.date(2023, 5, 31), "late May", "part of month"),
        claimant=Claimant("Demo Wire", ("intelligence",)),
        extractor_version="test",
    )
    repo.replace_claims("d1", [claim, claim])
    repo.replace_claims("d1", [claim])
    stored = repo.list_claims("d1")
    assert len(stored) == 1
    assert stored[0][1].to_interchange() == claim.to_interchange()


def test_rejections_are_recorded_once(repo: Repository) -> None:
    r = Rejection("x.bin", "binary", "holds NUL bytes")
    repo.add_rejection(r)
    repo.add_rejection(r)
    assert repo.list_rejections() == [r]


def test_unmigrated_database_names_the_fix(tmp_path: object) -> None:
    repo = Repository(make_engine(f"sqlite:///{tmp_path}/empty.db"))
    with pytest.raises(StoreError, match="enduse db upgrade"):
        repo.check_schema()
