"""Feeds: `enduse fetch --feed` ingests a feed's new items once, with the feed's dates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from enduse.errors import InputError
from enduse.ingest.feeds import fetch_feed, parse_feed
from enduse.ingest.fetch import FetchOptions, new_targets
from enduse.ingest.urls import url_document_id
from enduse.store import Repository, make_engine
from tests.ingest.conftest import Site

FAST = FetchOptions(timeout=2, host_delay=0.0)


def enduse(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "enduse", *args], capture_output=True, text=True, timeout=300)


def test_rss_and_atom_entries_carry_their_links_and_dates(site: Site) -> None:
    rss = fetch_feed(site.url("/feed.xml"), FAST)
    assert rss.title == "Test feed"
    assert [e.published for e in rss.entries] == ["2024-01-01", "2024-01-02", "2024-01-03", None]
    atom = fetch_feed(site.url("/atom.xml"), FAST)
    assert [e.url for e in atom.entries] == [site.url("/article/4"), site.url("/article/5")]
    assert [e.published for e in atom.entries] == ["2024-02-04", "2024-02-05"]


def test_entries_already_stored_are_not_new(site: Site) -> None:
    feed = fetch_feed(site.url("/feed.xml"), FAST)
    stored = {url_document_id(site.url("/article/1"))}
    assert [e.url.split("?")[0] for e in new_targets(feed.entries, {s for s in stored if s})] == [
        site.url("/article/2"),
        site.url("/article/3"),
        site.url("/missing"),
    ]


def test_a_page_that_is_not_a_feed_is_a_clear_error(site: Site) -> None:
    with pytest.raises(InputError, match="not-a-feed"):
        fetch_feed(site.url("/not-a-feed"), FAST)
    with pytest.raises(InputError, match="missing"):
        fetch_feed(site.url("/missing"), FAST)
    assert parse_feed(b"", "empty").entries == []


def test_fetch_feed_ingests_new_items_once(site: Site, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'feed.db'}"
    assert enduse("init", "-d", db).returncode == 0
    first = enduse("fetch", "-q", "--no-extract", "-d", db, "--feed", site.url("/feed.xml"))
    assert first.returncode == 0, first.stderr
    repo = Repository(make_engine(db))
    docs = {d.url: d for d in repo.list_documents()}
    assert set(docs) == {site.url(f"/article/{i}") for i in (1, 2, 3)}  # canonical: utm_source gone
    assert docs[site.url("/article/2")].published is not None
    assert str(docs[site.url("/article/2")].published.value) == "2024-01-02"  # type: ignore[union-attr]
    assert [r.reason for r in repo.list_rejections()] == ["HTTP 404"]
    hits_before = site.hits["/article/1"]
    second = enduse("fetch", "-q", "--no-extract", "-d", db, "--feed", site.url("/feed.xml"))
    assert second.returncode == 0, second.stderr
    assert "already stored" in second.stdout
    assert site.hits["/article/1"] == hits_before  # stored pages are not fetched again
    assert len(repo.list_documents()) == 3


def test_fetch_urls_from_a_list(site: Site, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'urls.db'}"
    assert enduse("init", "-d", db).returncode == 0
    listing = tmp_path / "list.txt"
    listing.write_text(f"{site.url('/article/30')}\n{site.url('/broken')}\n{site.url('/report.pdf')}\n")
    result = enduse("fetch", "-q", "--no-extract", "-d", db, "--urls", str(listing))
    assert result.returncode == 0, result.stderr
    assert "HTTP 500" in result.stderr and "wrong content type" in result.stderr
    repo = Repository(make_engine(db))
    assert [d.url for d in repo.list_documents()] == [site.url("/article/30")]


def test_fetch_without_sources_says_what_to_give() -> None:
    result = enduse("fetch")
    assert result.returncode == 2 and "--urls" in result.stderr
