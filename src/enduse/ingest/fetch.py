"""Fetching pages from URL lists with httpx: bounded, polite, and never fatal for one URL.

Each URL becomes a `RawInput` or a `Rejection` naming the URL and the reason (HTTP status,
timeout, too large, wrong content type, connection failure), and the batch goes on. The
limits are explicit because the web is adversarial: a connect/read timeout, a size cap
enforced while streaming (a server may lie about Content-Length or send none), and a check
that the answer is HTML or text before it is read.

Politeness: at most `per_host` requests in flight to one host and a pause of `host_delay`
seconds between requests to it, within an overall cap. Requests run on asyncio in chunks
so that results come back in input order and memory stays bounded on long lists; each
chunk is handed on before the next is fetched, so a batch killed half-way has stored what
it fetched.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from enduse import __version__
from enduse.errors import InputError
from enduse.ingest.raw import HTML_TYPES, TEXT_TYPES, RawInput, media_type
from enduse.ingest.urls import canonical_url, url_document_id
from enduse.model import Rejection

USER_AGENT = f"enduse/{__version__} (end-use monitoring research; +https://github.com/enduse)"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Limits for fetching; the defaults suit a researcher's laptop on news sites."""

    timeout: float = 15.0
    max_bytes: int = 20 * 1024 * 1024
    per_host: int = 2
    total: int = 8
    host_delay: float = 0.5
    chunk: int = 32
    user_agent: str = USER_AGENT
    accept: tuple[str, ...] = HTML_TYPES + TEXT_TYPES


@dataclass(frozen=True, slots=True)
class Target:
    """One URL to fetch, with what a list or a feed already said about it."""

    url: str
    published: str | None = None
    title: str | None = None


def read_url_list(path: Path) -> list[Target]:
    """The URLs of a .urls/.txt file, one a line; blank lines and `#` comments are skipped.

    Raises InputError when the file cannot be read; a line that is not an http(s) URL is not
    an error here but a Rejection later, so the rest of the list is fetched.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise InputError(str(path), "cannot read the URL list", str(e)) from e
    return [Target(line.strip()) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


class _Politeness:
    """Per-host semaphores and last-request times, shared by the tasks of one fetch run."""

    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        self.total = asyncio.Semaphore(options.total)
        self.hosts: dict[str, asyncio.Semaphore] = {}
        self.last: dict[str, float] = {}

    def host(self, host: str) -> asyncio.Semaphore:
        return self.hosts.setdefault(host, asyncio.Semaphore(self.options.per_host))

    async def wait_turn(self, host: str) -> None:
        loop = asyncio.get_running_loop()
        due = self.last.get(host, 0.0) + self.options.host_delay
        self.last[host] = max(loop.time(), due)
        if due > loop.time():
            await asyncio.sleep(due - loop.time())


async def _fetch_one(client: httpx.AsyncClient, target: Target, polite: _Politeness) -> RawInput | Rejection:
    name = target.url
    doc_id = url_document_id(target.url)
    if doc_id is None:
        return Rejection(name, "invalid URL", "not an http(s) URL")
    options = polite.options
    host = httpx.URL(target.url).host
    async with polite.total, polite.host(host):
        await polite.wait_turn(host)
        try:
            async with client.stream("GET", target.url) as response:
                if response.status_code >= 400:
                    return Rejection(name, f"HTTP {response.status_code}", response.reason_phrase or "")
                kind = media_type(response.headers.get("content-type"))
                if kind not in options.accept:
                    wanted = ", ".join(options.accept)
                    return Rejection(name, "wrong content type", f"{kind or 'none'} is not one of {wanted}")
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > options.max_bytes:
                    return Rejection(name, "too large", f"{declared} bytes declared, over {options.max_bytes}")
                body = bytearray()
                # Decoded bytes are counted, so a small gzip body that expands enormously is
                # stopped as surely as a large plain one.
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > options.max_bytes:
                        return Rejection(name, "too large", f"over {options.max_bytes} bytes; download stopped")
                data = bytes(body)
        except httpx.TimeoutException as e:
            return Rejection(name, "timeout", f"no answer within {options.timeout:g} s ({type(e).__name__})")
        except httpx.HTTPError as e:
            return Rejection(name, "fetch failed", f"{type(e).__name__}: {e}")
    return RawInput(
        id=doc_id,
        name=name,
        kind="text" if kind in TEXT_TYPES else "html",
        data=data,
        url=canonical_url(str(response.url)) or target.url,
        published=target.published,
        retrieved=dt.datetime.now(dt.UTC).date(),
        extra={"title": target.title} if target.title else {},
    )


async def _fetch_chunk(targets: list[Target], options: FetchOptions) -> list[RawInput | Rejection]:
    polite = _Politeness(options)
    limits = httpx.Limits(max_connections=options.total, max_keepalive_connections=options.total)
    async with httpx.AsyncClient(
        timeout=httpx.Timeout(options.timeout),
        limits=limits,
        follow_redirects=True,
        max_redirects=5,
        headers={"User-Agent": options.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8"},
    ) as client:
        return list(await asyncio.gather(*(_fetch_one(client, t, polite) for t in targets)))


def new_targets(entries: Iterable[Target], is_stored: set[str]) -> list[Target]:
    """Targets whose page is not stored yet (by canonical-URL document id), each once.

    A target whose URL is not http(s) is kept, to be fetched only to be rejected with its
    reason (the user learns of it rather than losing it silently).
    """
    seen: set[str] = set()
    out: list[Target] = []
    for entry in entries:
        doc_id = url_document_id(entry.url)
        if doc_id is None or doc_id in is_stored or doc_id in seen:
            if doc_id is None:
                out.append(entry)  # fetched only to be rejected with its reason
            continue
        seen.add(doc_id)
        out.append(entry)
    return out


def fetch_targets(targets: Iterable[Target], options: FetchOptions | None = None) -> Iterator[RawInput | Rejection]:
    """Fetch each target, in input order, chunk by chunk; one result per target."""
    options = options or FetchOptions()
    batch: list[Target] = []
    for target in targets:
        batch.append(target)
        if len(batch) >= options.chunk:
            yield from asyncio.run(_fetch_chunk(batch, options))
            batch = []
    if batch:
        yield from asyncio.run(_fetch_chunk(batch, options))


def fetch_urls(urls: Iterable[str], options: FetchOptions | None = None) -> Iterator[RawInput | Rejection]:
    """Fetch plain URLs: `fetch_targets` for callers that have nothing but addresses."""
    return fetch_targets((Target(u) for u in urls), options)
