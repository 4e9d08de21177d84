"""WARC files written byte by byte for the tests, so that damage can be placed exactly."""

from __future__ import annotations

import gzip
import uuid


def warc_record(
    uri: str,
    body: bytes,
    *,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    record_type: str = "response",
    broken_header: bool = False,
) -> bytes:
    """One WARC/1.0 record holding an HTTP response; `broken_header` garbles its WARC header."""
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
    length = "twelve" if broken_header else str(len(http))
    header = (
        f"WARC/1.0\r\nWARC-Type: {record_type}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2024-02-03T04:05:06Z\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
    )
    if broken_header:
        header = header.replace("WARC-Type: ", "WARC-Type ")
    return header.encode() + http + b"\r\n\r\n"


def warc_file(records: list[bytes], compress: bool) -> bytes:
    """A .warc (plain) or .warc.gz (one gzip member per record, as crawlers write them)."""
    if compress:
        return b"".join(gzip.compress(r) for r in records)
    return b"".join(records)
