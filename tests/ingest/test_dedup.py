"""De-duplication: copies and reposts grouped under the earliest copy; one URL, one document."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from enduse.ingest.dedup import near_duplicate_groups
from enduse.ingest.urls import canonical_url, url_document_id
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
