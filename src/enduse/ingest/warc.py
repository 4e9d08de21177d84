"""WARC reader: HTML pages out of crawl archives (.warc, .warc.gz), with fastwarc.

fastwarc parses WARC an order of magnitude faster than pure-Python readers, but on damage it
either stops (`OSError: Invalid WARC header`, ending the iteration) or returns short reads
(a truncated gzip member or file). A crawl is too valuable to lose whole for one bad record,
so this module wraps it:

- a record whose payload is shorter than its declared length is a Rejection
  ("truncated or corrupt file"), and so is the tail of a file that ends mid-record;
- on a broken header the reader reports it, then resynchronises at the next record start
  (the next gzip member for .warc.gz, the next `WARC/1.` line for plain WARC) and goes on.

Only `response` records with an HTTP 2xx status and an HTML content type become inputs: a
crawl also holds requests, metadata, images, scripts and redirects, which are not documents
and are skipped without a rejection (there are thousands of them per file). Each page takes
its id from its canonical URL (`urls.url_document_id`) and its retrieval date from WARC-Date.
"""

from __future__ import annotations

import datetime as dt
import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastwarc.warc import ArchiveIterator, WarcRecordType

from enduse.ingest.raw import RawInput, html_content_type
from enduse.ingest.urls import url_document_id
from enduse.model import Rejection

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
_SCAN_CHUNK = 1 << 20
_BROKEN = (WarcRecordType.unknown, WarcRecordType.no_type)


def _find_next(path: Path, marker: bytes, after: int) -> int | None:
    """Offset of the next `marker` at or after `after` (a record start), or None at the end."""
    with path.open("rb") as fh:
        fh.seek(after)
        offset = after
        tail = b""
        while True:
            chunk = fh.read(_SCAN_CHUNK)
            if not chunk:
                return None
            data = tail + chunk
            i = data.find(marker)
            while i >= 0:
                # A plain WARC record starts a line; "WARC/1." inside a payload does not count.
                if marker != WARC_MAGIC or i + offset - len(tail) == 0 or data[i - 1 : i] == b"\n":
                    return offset - len(tail) + i
                i = data.find(marker, i + 1)
            tail = data[-len(marker) :]
            offset += len(chunk)


def _records(path: Path) -> Iterator[tuple[int, Any] | Rejection]:
    """(offset, fastwarc record) pairs, and a Rejection for each damaged stretch of the file."""
    size = path.stat().st_size
    if size == 0:
        yield Rejection(str(path), "empty", "the file holds no WARC records")
        return
    with path.open("rb") as fh:
        compressed = fh.read(3) == GZIP_MAGIC
    marker = GZIP_MAGIC if compressed else WARC_MAGIC
    start = 0
    while True:
        last: int | None = None
        last_broken = False
        try:
            with path.open("rb") as fh:
                fh.seek(start)
                for record in ArchiveIterator(fh, parse_http=True):
                    last = int(record.stream_pos)  # absolute: fastwarc counts from the file start
                    # fastwarc hands over a record whose header it could not read, typeless,
                    # before it raises on the next one.
                    last_broken = record.record_type in _BROKEN
                    if not last_broken:
                        yield last, record
        except (OSError, ValueError, EOFError, zlib.error) as e:
            failed_at = last if last is not None and last_broken else (start if last is None else None)
            if failed_at is not None:
                yield Rejection(f"{path}@{failed_at}", "broken WARC record", f"{e}; skipped to the next record")
            resume = _find_next(path, marker, (last if last is not None else start) + 1)
            if resume is None:
                return
            start = resume
            continue
        # fastwarc ends quietly on a truncated file: check that the last record is whole.
        if last is not None and not _ends_whole(path, last, size, compressed):
            yield Rejection(f"{path}@{last}", "truncated or corrupt file", "the file ends inside a record")
        return


def _ends_whole(path: Path, last: int, size: int, compressed: bool) -> bool:
    """Does the record (or gzip member) starting at `last` end within the file, and nothing follow it?"""
    with path.open("rb") as fh:
        fh.seek(last)
        if compressed:
            inflater = zlib.decompressobj(31)
            while not inflater.eof:
                chunk = fh.read(_SCAN_CHUNK)
                if not chunk:
                    return False
                try:
                    inflater.decompress(chunk)
                except zlib.error:
                    return False
            # What follows the last record fastwarc read is a member it could not read.
            return not (inflater.unused_data + fh.read(64)).strip(b"\0\r\n ")
        head = fh.read(65536)
    end_of_header = head.find(b"\r\n\r\n")
    if end_of_header < 0:
        return False
    declared = 0
    for line in head[:end_of_header].split(b"\r\n"):
        key, _, value = line.partition(b":")
        if key.strip().lower() == b"content-length" and value.strip().isdigit():
            declared = int(value.strip())
    return size >= last + end_of_header + 4 + declared


def _decode_payload(record: Any, body: bytes) -> bytes:
    """Undo the transfer and content encodings a crawler may have stored as received."""
    headers = record.http_headers
    if (headers.get("Transfer-Encoding") or "").lower() == "chunked":
        body = _dechunk(body)
    encoding = (headers.get("Content-Encoding") or "").lower()
    if encoding in ("gzip", "x-gzip"):
        body = gzip.decompress(body)
    elif encoding == "deflate":
        body = zlib.decompress(body)
    return body


def _dechunk(body: bytes) -> bytes:
    out = bytearray()
    pos = 0
    while pos < len(body):
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            raise ValueError("chunked payload without a chunk header")
        size = int(body[pos:eol].split(b";")[0].strip() or b"0", 16)
        if size == 0:
            break
        out += body[eol + 2 : eol + 2 + size]
        pos = eol + 2 + size + 2
    return bytes(out)


def read_warc(path: Path, max_bytes: int) -> Iterator[RawInput | Rejection]:
    """Every HTML page in a WARC file, or the reason a record could not be read."""
    try:
        for item in _records(path):
            if isinstance(item, Rejection):
                yield item
                continue
            offset, record = item
            if record.record_type != WarcRecordType.response or not record.is_http:
                continue
            uri = record.headers.get("WARC-Target-URI") or ""
            name = f"{path}@{offset} {uri}".rstrip()
            status = record.http_headers.status_code if record.http_headers is not None else None
            if status is None:
                yield Rejection(name, "broken WARC record", "the HTTP response header cannot be read")
                continue
            if not 200 <= status < 300 or not html_content_type(record.http_headers.get("Content-Type")):
                continue
            declared = record.content_length
            if declared > max_bytes:
                yield Rejection(name, "too large", f"{declared} bytes is over the limit of {max_bytes}")
                continue
            body = record.reader.read()
            if len(body) < declared:
                yield Rejection(name, "truncated or corrupt file", f"record ends after {len(body)} of {declared} bytes")
                return  # a short read means the file itself ends here
            try:
                body = _decode_payload(record, body)
            except (OSError, ValueError, EOFError, zlib.error) as e:
                yield Rejection(name, "undecodable payload", str(e) or type(e).__name__)
                continue
            doc_id = url_document_id(uri)
            if doc_id is None:
                yield Rejection(name, "invalid record", "WARC-Target-URI is not an http(s) URL")
                continue
            date = record.record_date
            yield RawInput(
                id=doc_id,
                name=name,
                kind="html",
                data=body,
                url=uri,
                retrieved=date.date() if isinstance(date, dt.datetime) else None,
            )
    except OSError as e:  # the file itself could not be opened or read
        yield Rejection(str(path), "unreadable", str(e))
