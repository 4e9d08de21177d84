"""Fetching URL lists over HTTP, against a real local server: every failure is a rejection."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from enduse.errors import InputError
from enduse.ingest import build_document, read_inputs
from enduse.ingest.fetch import FetchOptions, fetch_urls, read_url_list
from enduse.ingest.raw import RawInput
from enduse.ingest.urls import url_document_id
from enduse.model import Document, Rejection
from tests.ingest.conftest import SLOW_SECONDS, Site

FAST = FetchOptions(timeout=0.5, max_bytes=1_000_000, host_delay=0.0)


def test_each_url_gives_a_document_or_a_rejection_with_its_reason(site: Site) -> None:
    urls = [
        site.url("/article/1"),
        site.url("/missing"),
        site.url("/broken"),
        site.url("/slow"),
        site.url("/huge"),
        site.url("/huge-declared"),
        site.url("/report.pdf"),
        "ftp://example.org/file.txt",
        site.url("/article/2"),
    ]
    results = list(fetch_urls(urls, FAST))
    assert len(results) == len(urls)  # one result per URL, in input order
    reasons = [r.reason if isinstance(r, Rejection) else "ok" for r in results]
    assert reasons == [
        "ok",
        "HTTP 404",
        "HTTP 500",
        "timeout",
        "too large",
        "too large",
        "wrong content type",
        "invalid URL",
        "ok",
    ]
    assert [r.input_name for r in results if isinstance(r, Rejection)] == urls[1:-1]  # each names its URL
    first = results[0]
    assert isinstance(first, RawInput) and first.id == url_document_id(site.url("/article/1"))
    doc = build_document(first)
    assert isinstance(doc, Document) and doc.url == site.url("/article/1")
    assert doc.published is not None and doc.published.value.isoformat() == "2024-01-02"


def test_the_timeout_is_honoured(site: Site) -> None:
    started = time.monotonic()
    [result] = list(fetch_urls([site.url("/slow")], FAST))
    assert isinstance(result, Rejection) and result.reason == "timeout"
    assert time.monotonic() - started < SLOW_SECONDS


def test_requests_to_one_host_are_spaced_out(site: Site) -> None:
    polite = FetchOptions(timeout=2, per_host=1, host_delay=0.2)
    started = time.monotonic()
    results = list(fetch_urls([site.url(f"/article/{i}") for i in range(10, 15)], polite))
    assert all(isinstance(r, RawInput) for r in results)
    assert time.monotonic() - started >= 4 * 0.2 - 0.05


def test_a_urls_file_is_read_like_any_other_input(site: Site, tmp_path: Path) -> None:
    listing = tmp_path / "watch.urls"
    listing.write_text(f"# my watch list\n{site.url('/article/7')}\n\n{site.url('/missing')}\n", encoding="utf-8")
    results = list(read_inputs([listing], 1_000_000))
    assert [type(r).__name__ for r in results] == ["RawInput", "Rejection"]


def test_an_unreadable_url_list_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.urls"):
        read_url_list(tmp_path / "nope.urls")
