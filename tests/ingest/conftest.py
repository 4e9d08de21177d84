"""A real HTTP server on 127.0.0.1 for the fetcher and feed tests: no mocks, no internet.

It serves generated article pages and the failure modes the fetcher must survive: 404, 500,
a response slower than the timeout, a body larger than the cap (with and without a declared
Content-Length), a PDF, and RSS/Atom feeds whose items point back at it.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.ingest.corpus import article_html

SLOW_SECONDS = 3.0


@dataclass
class Site:
    base: str
    hits: Counter[str] = field(default_factory=Counter)

    def url(self, path: str) -> str:
        return self.base + path


def _rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>Item {i}</title><link>{base}/article/{i}?utm_source=rss</link>"
        f"<pubDate>Mon, 0{i} Jan 2024 10:00:00 GMT</pubDate></item>"
        for i in (1, 2, 3)
    )
    items += f"<item><title>Gone</title><link>{base}/missing</link></item>"
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>{items}</channel></rss>'.encode()


def _atom(base: str) -> bytes:
    entries = "".join(
        f'<entry><title>Entry {i}</title><link href="{base}/article/{i}"/><id>urn:{i}</id>'
        f"<updated>2024-02-0{i}T08:00:00Z</updated></entry>"
        for i in (4, 5)
    )
    return (
        f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>{entries}</feed>'.encode()
    )


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args: object) -> None:  # keep pytest output clean
        return None

    def _send(self, status: int, ctype: str, body: bytes, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.site.hits[path] += 1
        base = self.site.base
        try:
            if path.startswith("/article/"):
                n = int(path.rsplit("/", 1)[1])
                self._send(200, "text/html; charset=utf-8", article_html(n, f"2024-01-{n % 28 + 1:02d}").encode())
            elif path == "/missing":
                self._send(404, "text/html", b"<h1>Not found</h1>")
            elif path == "/broken":
                self._send(500, "text/html", b"<h1>Server error</h1>")
            elif path == "/slow":
                time.sleep(SLOW_SECONDS)
                self._send(200, "text/html", article_html(99).encode())
            elif path == "/huge":  # no Content-Length: the cap must hold while streaming
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(40):
                    self.wfile.write(b"<p>" + b"x" * 65_536 + b"</p>")
            elif path == "/huge-declared":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(50_000_000))
                self.end_headers()
                self.wfile.write(b"<p>too big</p>")
            elif path == "/report.pdf":
                self._send(200, "application/pdf", b"%PDF-1.4 not really")
            elif path == "/feed.xml":
                self._send(200, "application/rss+xml", _rss(base))
            elif path == "/atom.xml":
                self._send(200, "application/atom+xml", _atom(base))
            elif path == "/not-a-feed":
                self._send(200, "application/xml", b"<<<< this is not xml")
            else:
                self._send(404, "text/plain", b"no such page")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout, size cap): expected


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    site = Site(f"http://127.0.0.1:{server.server_address[1]}")
    _Handler.site = site
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
