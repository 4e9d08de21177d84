"""Property tests: random and damaged bytes through every reader.

Whatever the bytes, a reader yields inputs or `Rejection`s and the cleaner turns inputs into
documents or rejections; the only exception allowed out is the documented `InputError`
(for a feed that is not a feed). Damaged WARC files are built by overwriting and cutting a
valid one at places hypothesis picks, which reaches far deeper into the parser than noise.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enduse.errors import InputError
from enduse.ingest import build_document, read_inputs
from enduse.ingest.feeds import parse_feed
from enduse.ingest.fetch import new_targets, read_url_list
from enduse.ingest.urls import canonical_url, url_document_id
from enduse.ingest.warc import read_warc
from enduse.model import Document, Rejection
from tests.ingest.corpus import article_html
from tests.ingest.warcs import warc_file, warc_record

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_VALID_WARC = [warc_record(f"https://news.example/a/{i}", article_html(i).encode()) for i in range(3)]


def _run_all(folder: Path) -> None:
    for item in read_inputs([folder], 1_000_000):
        result = item if isinstance(item, Rejection) else build_document(item)
        assert isinstance(result, Document | Rejection)


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from(["a.warc", "a.warc.gz", "a.txt", "a.html", "a.jsonl.gz"]))
def test_random_bytes_in_any_file_kind(tmp_path_factory: object, data: bytes, name: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz")  # type: ignore[attr-defined]
    (folder / name).write_bytes(data)
    _run_all(folder)


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes_gzipped_as_a_warc(tmp_path_factory: object, data: bytes) -> None:
    folder = tmp_path_factory.mktemp("fuzz")  # type: ignore[attr-defined]
    (folder / "a.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\n" + data))
    _run_all(folder)


@FUZZ
@given(
    compress=st.booleans(),
    edits=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=12)), max_size=4),
    cut=st.one_of(st.none(), st.floats(0, 1)),
)
def test_damaged_warc_files(
    tmp_path_factory: object, compress: bool, edits: list[tuple[float, bytes]], cut: float | None
) -> None:
    data = bytearray(warc_file(_VALID_WARC, compress))
    for where, patch in edits:
        at = int(where * (len(data) - 1))
        data[at : at + len(patch)] = patch
    if cut is not None:
        data = data[: int(cut * len(data))]
    path = tmp_path_factory.mktemp("fuzz") / ("d.warc.gz" if compress else "d.warc")  # type: ignore[attr-defined]
    path.write_bytes(bytes(data))
    results = list(read_warc(path, 1_000_000))
    assert all(isinstance(r, Rejection) or r.kind == "html" for r in results)
    for r in results:
        assert isinstance(r, Rejection) or isinstance(build_document(r), Document | Rejection)


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes_as_a_feed(data: bytes) -> None:
    try:
        feed = parse_feed(data, "https://feeds.example/rss")
    except InputError as e:
        assert "feeds.example" in str(e)
    else:
        assert all(isinstance(e.url, str) for e in feed.entries)


@FUZZ
@given(st.text(max_size=2000))
def test_random_text_as_a_url_list(tmp_path_factory: object, text: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "list.urls"  # type: ignore[attr-defined]
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    targets = read_url_list(path)
    for target in new_targets(targets, set()):
        canonical = canonical_url(target.url)
        assert canonical is None or canonical.startswith(("http://", "https://"))
        assert (url_document_id(target.url) is None) == (canonical is None)
