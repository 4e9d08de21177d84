"""`enduse fetch`: fetch pages from URL lists and news feeds, then ingest them like files.

A thin layer over `enduse.ingest.fetch` / `enduse.ingest.feeds` and `pipeline.ingest_inputs`:
URLs whose page is already stored (same canonical URL) are not fetched again, so polling a
feed every few minutes costs one request per poll plus one per new item.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from enduse.cli.common import console, errors_as_messages, fail, load_settings, progress_bar
from enduse.cli.ingest import print_report
from enduse.errors import InputError
from enduse.ingest.feeds import fetch_feed
from enduse.ingest.fetch import FetchOptions, Target, fetch_targets, new_targets, read_url_list
from enduse.ingest.raw import RawInput
from enduse.knowledge import cached_knowledge
from enduse.model import Rejection
from enduse.pipeline import IngestReport, extract_stored, ingest_inputs
from enduse.store import Repository, make_engine


def _targets(
    urls: list[Path], feeds: list[str], stored: set[str], options: FetchOptions
) -> tuple[list[Target | Rejection], int]:
    """The pages to fetch (every listed URL and feed item not stored yet), and how many were skipped."""
    wanted: list[Target | Rejection] = []
    listed: list[Target] = []
    for path in urls:
        try:
            listed.extend(read_url_list(path))
        except InputError as e:
            wanted.append(Rejection(str(path), "unreadable", e.hint))
    for feed_url in feeds:
        try:
            listed.extend(fetch_feed(feed_url, options).entries)
        except InputError as e:
            wanted.append(Rejection(feed_url, e.reason, e.hint))
    new = new_targets(listed, stored)
    return wanted + list(new), len(listed) - len(new)


def _fetched(targets: list[Target | Rejection], options: FetchOptions) -> Iterator[RawInput | Rejection]:
    rejections = [t for t in targets if isinstance(t, Rejection)]
    yield from rejections
    yield from fetch_targets((t for t in targets if isinstance(t, Target)), options)


def fetch(
    urls: Annotated[
        list[Path] | None, typer.Option("--urls", help="A .urls or .txt file of URLs, one a line (repeatable).")
    ] = None,
    feeds: Annotated[
        list[str] | None, typer.Option("--feed", help="An RSS or Atom feed URL to poll (repeatable).")
    ] = None,
    every: Annotated[
        float | None, typer.Option("--every", help="Poll again every this many seconds until Ctrl+C.")
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for each page.")] = 15.0,
    per_host: Annotated[int, typer.Option("--per-host", help="Requests in flight to one host.")] = 2,
    database: Annotated[str | None, typer.Option("--database", "-d", help="Database URL.")] = None,
    extract: Annotated[bool, typer.Option("--extract/--no-extract", help="Extract claims from new documents.")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Fetch the pages of URL lists and the new items of feeds, and ingest them.

    Pages already stored (by canonical URL) are skipped without a request; a URL that times
    out, answers 404/500, is too large or is not HTML is recorded as a rejection and the
    rest go on.
    """
    if not urls and not feeds:
        fail("give --urls FILE or --feed URL (or both)", code=2)
    if timeout <= 0 or per_host < 1:
        fail("--timeout must be positive and --per-host at least 1", code=2)
    settings = load_settings(database_url=database)
    options = FetchOptions(timeout=timeout, per_host=per_host, max_bytes=settings.max_input_bytes)
    with errors_as_messages():
        repo = Repository(make_engine(settings.database_url))
        repo.check_schema()
        knowledge = cached_knowledge(settings.knowledge_dir)
        while True:
            stored = repo.document_ids()
            targets, skipped = _targets(urls or [], feeds or [], stored, options)
            with progress_bar("fetching", len(targets) or None, not quiet) as advance:
                report: IngestReport = ingest_inputs(
                    repo, _fetched(targets, options), knowledge, advance, dt.date.today()
                )
            report.already_stored += skipped
            n_claims = 0
            if extract and report.ingested:
                with progress_bar("extracting", report.ingested, not quiet) as advance:
                    n_claims = extract_stored(repo, knowledge, progress=advance)
            print_report(report, n_claims)
            if every is None:
                break
            console.print(f"[dim]next poll in {every:g} s (Ctrl+C stops)[/]")
            try:
                time.sleep(every)
            except KeyboardInterrupt:
                raise typer.Exit(0) from None
    if report.rejected and not (report.ingested or report.duplicates or report.already_stored):
        fail("nothing was ingested", code=2)
