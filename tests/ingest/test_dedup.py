"""De-duplication: copies and reposts grouped under the earliest copy; one URL, one document."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from datasketch import MinHash

from enduse.ingest import dedup
from enduse.ingest.dedup import (
    content_hash,
    from_signature,
    group_signatures,
    minhash,
    near_duplicate_groups,
    signature,
)
from enduse.ingest.urls import canonical_url, url_document_id
from enduse.model import DatePrecision, Document, PublishedDate
from enduse.pipeline import ingest_paths
from enduse.store import Repository
from tests.conftest import shared_path
from tests.ingest.corpus import article, article_text
from tests.ingest.warcs import warc_file, warc_record


def _body(seed: int) -> str:
    return "\n\n".join(article(seed)[1])


def test_copies_join_the_group_of_the_earliest_and_others_stay_apart() -> None:
    original = _body(1)
    edited = original.replace("in case 1-4.", "in case 1-4, officials said.") + "\n\nShare this article."
    groups = near_duplicate_groups([("a-first", original), ("b-other", _body(2)), ("c-copy", edited)])
    assert groups == {"a-first": "a-first", "b-other": "b-other", "c-copy": "a-first"}


def test_the_group_is_named_after_its_first_member_not_the_smallest_id() -> None:
    groups = near_duplicate_groups([("zz-original", _body(3)), ("aa-repost", _body(3) + "\n\nMore news.")])
    assert groups["aa-repost"] == "zz-original"


def test_a_document_bridging_two_groups_merges_them_under_the_earliest() -> None:
    paragraphs = article(4, sentences=12)[1]
    first_half, second_half = "\n\n".join(paragraphs[:2]), "\n\n".join(paragraphs[2:])
    whole = "\n\n".join(paragraphs)
    groups = near_duplicate_groups(
        [("p1", first_half), ("p2", second_half), ("w", whole), ("w2", whole)], threshold=0.45
    )
    assert groups["w"] == groups["w2"]


def test_a_repost_under_a_later_date_points_to_the_original(repo: Repository, tmp_path: Path) -> None:
    seed = next(shared_path("seeds").glob("001_*.txt")).read_text(encoding="utf-8")
    # The repost (seed 001, a company site's copy dated by its dateline) is read first; the
    # original, dated months earlier, comes from a dump and lacks one sentence of the repost.
    body = [p for p in seed.split("\n\n")[3:] if "Nov 28" not in p]
    original = "\n\n".join(body[:-1])
    (tmp_path / "a_repost.txt").write_text(seed, encoding="utf-8")
    record = {"id": "z_original", "text": original, "published": "2023-05-30", "url": "https://wire.example/x"}
    (tmp_path / "b_dump.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = ingest_paths(repo, [tmp_path], 10_000_000)
    assert report.ingested == 2
    docs = {d.id: d for d in repo.list_documents()}
    repost = next(d for d in docs.values() if d.id.startswith("a_repost"))
    assert repost.published is not None and repost.published.value == dt.date(2023, 11, 28)
    assert repost.near_duplicate_group == "z_original"
    assert docs["z_original"].near_duplicate_group == "z_original"


def test_the_same_page_under_tracking_parameters_is_stored_once(repo: Repository, tmp_path: Path) -> None:
    page = f"<html><body><article>{''.join(f'<p>{p}</p>' for p in article(5)[1])}</article></body></html>".encode()
    crawl = warc_file(
        [
            warc_record("https://www.news.example/story/5?utm_source=twitter&utm_medium=social", page),
            warc_record("http://news.example/story/5/#comments", page),
        ],
        compress=True,
    )
    (tmp_path / "crawl.warc.gz").write_bytes(crawl)
    lines = [json.dumps({"url": "https://news.example/story/5?fbclid=abc", "text": article_text(5)})]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest_paths(repo, [tmp_path], 10_000_000)
    assert report.ingested == 1 and report.already_stored == 2
    [doc] = repo.list_documents()
    assert doc.id == url_document_id("https://news.example/story/5")
    assert doc.url == "https://www.news.example/story/5"


def test_canonical_urls() -> None:
    assert canonical_url("HTTPS://News.Example:443/a/b/?utm_campaign=x&id=7#top") == "https://news.example/a/b?id=7"
    assert canonical_url("mailto:someone@example.org") is None
    assert canonical_url("") is None
    assert url_document_id("https://m.news.example/a") == url_document_id("http://www.news.example/a/")
    assert url_document_id("https://news.example/a?id=1") != url_document_id("https://news.example/a?id=2")


def _jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_later_batch_groups_against_stored_signatures_without_hashing_stored_texts_again(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _jsonl(
        tmp_path / "first.jsonl",
        [{"id": "orig", "text": _body(6), "published": "2024-01-05"}, {"id": "other", "text": _body(7)}],
    )
    ingest_paths(repo, [first], 10_000_000)
    assert all(s.minhash for s in repo.document_signatures())
    hashed: list[str] = []

    def counting_minhash(text: str) -> MinHash:
        hashed.append(text)
        return minhash(text)

    monkeypatch.setattr(dedup, "minhash", counting_minhash)
    copy = _body(6) + "\n\nShare this article with your friends."
    second = _jsonl(tmp_path / "second.jsonl", [{"id": "copy", "text": copy, "published": "2024-02-01"}])
    report = ingest_paths(repo, [second], 10_000_000)
    assert report.ingested == 1
    assert hashed == [copy]  # the new document only
    groups = {d.id: d.near_duplicate_group for d in repo.list_documents()}
    assert groups == {"orig": "orig", "other": "other", "copy": "orig"}


def test_documents_stored_before_signatures_were_kept_get_theirs_once(repo: Repository, tmp_path: Path) -> None:
    old = Document(
        id="old",
        text=_body(8),
        url="https://news.example/old",
        published=PublishedDate(dt.date(2024, 1, 5), DatePrecision.DAY, "input"),
        content_hash=content_hash(_body(8)),
    )
    repo.add_document(old)  # as a store migrated from before revision 0004 holds it
    assert [s.minhash for s in repo.document_signatures()] == [None]
    copy = _body(8) + "\n\nThe ministry did not answer further questions about the shipment."
    ingest_paths(
        repo, [_jsonl(tmp_path / "b.jsonl", [{"id": "new", "text": copy, "published": "2024-02-01"}])], 10_000_000
    )
    [stored_old] = [s for s in repo.document_signatures() if s.doc_id == "old"]
    assert stored_old.minhash == signature(old.text)
    assert stored_old.url_key == url_document_id("https://news.example/old")
    assert {d.id: d.near_duplicate_group for d in repo.list_documents()} == {"old": "old", "new": "old"}


def test_stored_signatures_group_as_texts_do() -> None:
    texts = [("a", _body(9)), ("b", _body(10)), ("c", _body(9) + "\n\nMore."), ("d", _body(10)[:-40])]
    stored = [(doc_id, from_signature(signature(text)), None) for doc_id, text in texts]
    assert group_signatures(stored) == near_duplicate_groups(texts) == {"a": "a", "b": "b", "c": "a", "d": "b"}


def test_the_same_canonical_url_under_another_id_with_the_same_text_is_the_same_document(
    repo: Repository, tmp_path: Path
) -> None:
    records = [
        {"id": "dump-a-17", "url": "https://www.news.example/story/11?utm_source=rss", "text": _body(11)},
        {"id": "dump-b-3", "url": "http://news.example/story/11/", "text": _body(11)},
    ]
    report = ingest_paths(repo, [_jsonl(tmp_path / "d.jsonl", records)], 10_000_000)
    assert (report.ingested, report.already_stored, report.duplicates) == (1, 1, 0)
    assert [d.id for d in repo.list_documents()] == ["dump-a-17"]
    again = ingest_paths(repo, [_jsonl(tmp_path / "d.jsonl", records)], 10_000_000)
    assert (again.ingested, again.already_stored) == (0, 2)


def test_a_new_text_under_the_same_canonical_url_is_kept_as_a_version_of_the_page(
    repo: Repository, tmp_path: Path
) -> None:
    # An updated page: the text changed too much to be a near-copy, but it is the same report.
    records = [
        {"id": "v1", "url": "https://news.example/live/12", "text": _body(12), "published": "2024-03-01"},
        {"id": "v2", "url": "https://news.example/live/12#update", "text": _body(13), "published": "2024-03-02"},
        {"id": "elsewhere", "url": "https://other.example/13", "text": _body(14), "published": "2024-03-02"},
    ]
    report = ingest_paths(repo, [_jsonl(tmp_path / "v.jsonl", records)], 10_000_000)
    assert (report.ingested, report.already_stored) == (3, 0)
    groups = {d.id: d.near_duplicate_group for d in repo.list_documents()}
    assert groups == {"v1": "v1", "v2": "v1", "elsewhere": "elsewhere"}
