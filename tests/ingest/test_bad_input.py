"""Bad input becomes a rejection with its reason (or a clear error), and the batch goes on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enduse.ingest import build_document, read_inputs
from enduse.ingest.decode import DecodeError, decode_bytes
from enduse.model import Document, Rejection

ARTICLE = (
    "The defence ministry said on Tuesday that the first rocket launchers had arrived. "
    "Officials added that more deliveries would follow before the end of the year.\n"
)


def _results(tmp_path: Path, max_bytes: int = 10_000_000) -> list[Document | Rejection]:
    out: list[Document | Rejection] = []
    for item in read_inputs([tmp_path], max_bytes):
        out.append(item if isinstance(item, Rejection) else build_document(item))
    return out


def test_each_bad_file_is_rejected_with_its_reason_and_the_good_one_survives(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "big.txt").write_bytes(b"a " * 600_000)
    results = _results(tmp_path, max_bytes=1_000_000)
    by_name = {Path(r.input_name if isinstance(r, Rejection) else r.input_name or "").name: r for r in results}
    assert isinstance(by_name["good.txt"], Document)
    assert isinstance(by_name["empty.txt"], Rejection) and by_name["empty.txt"].reason == "empty"
    assert isinstance(by_name["binary.txt"], Rejection) and by_name["binary.txt"].reason == "binary"
    assert isinstance(by_name["image.html"], Rejection) and by_name["image.html"].reason == "binary"
    assert isinstance(by_name["big.txt"], Rejection) and by_name["big.txt"].reason == "too large"


def test_invalid_utf8_is_decoded_when_the_encoding_is_clear(tmp_path: Path) -> None:
    text = "Le ministère a confirmé la livraison des canons CAESAR à l'Ukraine. " * 5
    (tmp_path / "latin1.txt").write_bytes(text.encode("cp1252"))
    [doc] = _results(tmp_path)
    assert isinstance(doc, Document)
    assert "ministère" in doc.text


def test_undecodable_bytes_are_refused_not_garbled() -> None:
    noise = bytes(range(0x80, 0x100)) * 10  # every high byte, no encoding makes text of it
    with pytest.raises(DecodeError) as refused:
        decode_bytes(noise)
    assert refused.value.reason == "undetectable encoding"


def test_malformed_jsonl_lines_are_rejected_by_line_number(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": ARTICLE}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "html": f"<html><body><article><p>{ARTICLE}</p></article></body></html>"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = _results(tmp_path)
    rejected = {r.input_name.rsplit(":", 1)[1]: r.reason for r in results if isinstance(r, Rejection)}
    assert rejected == {"2": "invalid JSON", "3": "invalid record", "4": "invalid record"}
    assert sorted(d.id for d in results if isinstance(d, Document)) == ["a", "c"]


def test_truncated_gzip_keeps_what_was_read(tmp_path: Path) -> None:
    payload = "".join(json.dumps({"id": f"r{i}", "text": ARTICLE}) + "\n" for i in range(200))
    data = gzip.compress(payload.encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    results = _results(tmp_path)
    docs = [r for r in results if isinstance(r, Document)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert 0 < len(docs) < 200
    assert len(rejections) == 1 and rejections[0].reason == "truncated or corrupt file"


def test_missing_path_is_a_rejection(tmp_path: Path) -> None:
    [r] = list(read_inputs([tmp_path / "nope.txt"], 1000))
    assert isinstance(r, Rejection) and r.reason == "missing" and "nope.txt" in r.input_name


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.jsonl.gz"]))
def test_random_bytes_never_escape_as_an_exception(tmp_path_factory: object, data: bytes, name: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz")  # type: ignore[attr-defined]
    (folder / name).write_bytes(data)
    for item in read_inputs([folder], 1_000_000):
        result = item if isinstance(item, Rejection) else build_document(item)
        assert isinstance(result, Document | Rejection)
