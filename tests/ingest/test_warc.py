"""WARC reading: HTML responses become documents; damage becomes rejections, the rest goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from enduse.ingest import build_document, read_inputs
from enduse.ingest.raw import RawInput
from enduse.ingest.urls import url_document_id
from enduse.ingest.warc import read_warc
from enduse.model import Document, Rejection
from tests.ingest.corpus import article_html
from tests.ingest.warcs import warc_file, warc_record


def _page(i: int) -> bytes:
    return article_html(i, "2024-01-15").encode()


@pytest.mark.parametrize("compress", [False, True])
def test_html_responses_become_inputs_and_other_records_are_skipped(tmp_path: Path, compress: bool) -> None:
    records = [
        warc_record("https://news.example/a/1?utm_source=feed", _page(1)),
        warc_record("https://news.example/logo.png", b"\x89PNG....", content_type="image/png"),
        warc_record("https://news.example/gone", b"<html>gone</html>", status="404 Not Found"),
        warc_record("https://news.example/a/1", b"GET / HTTP/1.1\r\n\r\n", record_type="request"),
        warc_record("https://news.example/a/2", _page(2)),
    ]
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(warc_file(records, compress))
    items = list(read_inputs([path], 10_000_000))
    assert all(isinstance(i, RawInput) for i in items)
    raws = [i for i in items if isinstance(i, RawInput)]
    assert [r.id for r in raws] == [
        url_document_id("https://news.example/a/1"),
        url_document_id("https://news.example/a/2"),
    ]
    doc = build_document(raws[0])
    assert isinstance(doc, Document)
    assert doc.url == "https://news.example/a/1"  # stored canonical: no tracking parameter
    assert doc.retrieved is not None and doc.retrieved.isoformat() == "2024-02-03"
    assert doc.published is not None and doc.published.value.isoformat() == "2024-01-15"
    assert "delivery number 1" in (doc.title or "")


@pytest.mark.parametrize("compress", [False, True])
def test_a_record_with_a_broken_header_is_rejected_and_the_rest_are_read(tmp_path: Path, compress: bool) -> None:
    records = [warc_record(f"https://news.example/a/{i}", _page(i), broken_header=(i == 2)) for i in range(5)]
    path = tmp_path / ("bad.warc.gz" if compress else "bad.warc")
    path.write_bytes(warc_file(records, compress))
    items = list(read_warc(path, 10_000_000))
    ids = {i.id for i in items if isinstance(i, RawInput)}
    assert ids == {url_document_id(f"https://news.example/a/{i}") for i in (0, 1, 3, 4)}
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert len(rejections) == 1 and rejections[0].reason == "broken WARC record"
    assert str(path) in rejections[0].input_name


@pytest.mark.parametrize("compress", [False, True])
def test_a_truncated_warc_keeps_the_records_before_the_damage(tmp_path: Path, compress: bool) -> None:
    whole = warc_file([warc_record(f"https://news.example/a/{i}", _page(i)) for i in range(4)], compress)
    last = warc_file([warc_record("https://news.example/a/4", _page(4))], compress)
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    path.write_bytes(whole + last[: len(last) // 2])  # the file ends inside the fifth record
    items = list(read_warc(path, 10_000_000))
    raws = [i for i in items if isinstance(i, RawInput)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert len(raws) == 4
    assert len(rejections) == 1 and rejections[0].reason == "truncated or corrupt file"


def test_an_oversized_record_is_rejected_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    path.write_bytes(
        warc_file(
            [
                warc_record("https://news.example/big", b"<p>x</p>" * 200_000),
                warc_record("https://news.example/ok", _page(7)),
            ],
            True,
        )
    )
    items = list(read_warc(path, 1_000_000))
    assert [type(i).__name__ for i in items] == ["Rejection", "RawInput"]
    assert isinstance(items[0], Rejection) and items[0].reason == "too large"


def test_a_file_that_is_not_a_warc_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_bytes(b"these are my notes, not a web archive\n" * 20)
    items = list(read_warc(path, 1_000_000))
    assert len(items) == 1 and isinstance(items[0], Rejection) and items[0].reason == "broken WARC record"
