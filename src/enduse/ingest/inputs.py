"""Readers: turn paths (files, folders, JSONL dumps, WARC files, URL lists) into raw inputs.

One input per document. Files are told apart by suffix: .txt/.text, .html/.htm/.xhtml,
.jsonl/.ndjson (optionally .gz), .warc/.warc.gz (`warc.py`), and .urls, a list of URLs
fetched over HTTP (`fetch.py`).

A reader never raises for a bad input: it yields a `Rejection` naming the input and the
reason, and the batch goes on. Only the documented `InputError` leaves this module, for a
problem with the call itself.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from enduse.errors import InputError
from enduse.ingest.fetch import FetchOptions, fetch_targets, read_url_list
from enduse.ingest.raw import RawInput
from enduse.ingest.urls import url_document_id
from enduse.ingest.warc import read_warc
from enduse.model import Rejection

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}
URL_LIST_SUFFIXES = {".urls"}
SUPPORTED = ".txt, .html, .htm, .jsonl(.gz), .warc(.gz) and .urls (a list of URLs to fetch)"

__all__ = ["RawInput", "doc_id_for", "expand_paths", "read_inputs", "read_jsonl"]


def _kind_for(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    last = suffixes[-1] if suffixes else ""
    if last == ".gz" and len(suffixes) == 2:
        last = suffixes[0]
        return "jsonl" if last in JSONL_SUFFIXES else "warc" if last in WARC_SUFFIXES else None
    if last in WARC_SUFFIXES:
        return "warc"
    if last in URL_LIST_SUFFIXES:
        return "urls"
    if last in TEXT_SUFFIXES:
        return "text"
    if last in HTML_SUFFIXES:
        return "html"
    if last in JSONL_SUFFIXES:
        return "jsonl"
    return None


def doc_id_for(path: Path) -> str:
    """A file's document id: its name without extension(s), as CLAIMS.md specifies."""
    name = path.name
    for suffix in (".gz",):
        name = name.removesuffix(suffix)
    return Path(name).stem


def expand_paths(paths: Iterable[Path]) -> Iterator[Path | Rejection]:
    """Files under the given paths, sorted; a missing path or an unknown suffix is a Rejection."""
    for path in paths:
        if not path.exists():
            yield Rejection(str(path), "missing", "no such file or folder; check the path")
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _kind_for(child) is not None:
                    yield child
        elif _kind_for(path) is None:
            yield Rejection(str(path), "unsupported file type", f"enduse reads {SUPPORTED}")
        else:
            yield path


def read_inputs(paths: Iterable[Path], max_bytes: int) -> Iterator[RawInput | Rejection]:
    """Yield every document found under `paths`, or the reason it could not be read."""
    for item in expand_paths(paths):
        if isinstance(item, Rejection):
            yield item
            continue
        kind = _kind_for(item)
        try:
            size = item.stat().st_size
        except OSError as e:
            yield Rejection(str(item), "unreadable", str(e))
            continue
        if kind == "jsonl":
            yield from read_jsonl(item, max_bytes)
            continue
        if kind == "warc":
            yield from read_warc(item, max_bytes)
            continue
        if kind == "urls":
            yield from _read_url_list(item, max_bytes)
            continue
        if size > max_bytes:
            yield Rejection(
                str(item), "too large", f"{size} bytes is over the limit of {max_bytes} (ENDUSE_MAX_INPUT_BYTES)"
            )
            continue
        try:
            data = item.read_bytes()
        except OSError as e:
            yield Rejection(str(item), "unreadable", str(e))
            continue
        yield RawInput(id=doc_id_for(item), name=str(item), kind=kind or "text", data=data)


def _read_url_list(path: Path, max_bytes: int) -> Iterator[RawInput | Rejection]:
    try:
        targets = read_url_list(path)
    except InputError as e:
        yield Rejection(str(path), "unreadable", e.hint)
        return
    yield from fetch_targets(targets, FetchOptions(max_bytes=max_bytes))


def _open_jsonl(path: Path) -> Iterator[bytes]:
    if path.suffix.lower() == ".gz":
        with gzip.open(path, "rb") as fh:
            yield from fh
    else:
        with path.open("rb") as fh:
            yield from fh


def read_jsonl(path: Path, max_bytes: int) -> Iterator[RawInput | Rejection]:
    """Records `{id, url?, text | html, published?, outlet?}`, one per line.

    A bad line is a Rejection naming `path:line`; a truncated gzip stream ends the file with a
    Rejection after every record read before the damage.
    """
    line_no = 0
    try:
        for line_no, line in enumerate(_open_jsonl(path), 1):
            name = f"{path}:{line_no}"
            if not line.strip():
                continue
            if len(line) > max_bytes:
                yield Rejection(name, "too large", f"record of {len(line)} bytes is over the limit")
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as e:
                yield Rejection(name, "invalid JSON", str(e))
                continue
            if not isinstance(record, dict):
                yield Rejection(name, "invalid record", "each line must be a JSON object")
                continue
            body = record.get("html") if isinstance(record.get("html"), str) else record.get("text")
            if not isinstance(body, str):
                yield Rejection(name, "invalid record", 'a record needs a "text" or "html" string')
                continue
            rid = record.get("id")
            url = _str_or_none(record.get("url"))
            # A record without an id is known by its canonical URL (one page, one document),
            # failing that by its place in the file.
            doc_id = (
                str(rid)
                if isinstance(rid, str | int) and str(rid).strip()
                else (url and url_document_id(url)) or f"{doc_id_for(path)}-{line_no}"
            )
            yield RawInput(
                id=doc_id,
                name=name,
                kind="html" if isinstance(record.get("html"), str) else "text",
                data=body.encode("utf-8", "surrogatepass"),
                url=url,
                published=_str_or_none(record.get("published")),
                outlet=_str_or_none(record.get("outlet")),
            )
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as e:
        yield Rejection(f"{path}:{line_no + 1}", "truncated or corrupt file", str(e) or type(e).__name__)


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
