"""`enduse ingest PATH…`: clean, store and extract documents from files and folders."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from enduse.cli.common import console, errors_as_messages, fail, load_settings, out, progress_bar
from enduse.ingest.inputs import expand_paths
from enduse.knowledge import cached_knowledge
from enduse.pipeline import IngestReport, extract_stored, ingest_paths
from enduse.store import Repository, make_engine


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of .txt, .html, .htm, .jsonl(.gz).")],
    database: Annotated[str | None, typer.Option("--database", "-d", help="Database URL.")] = None,
    extract: Annotated[bool, typer.Option("--extract/--no-extract", help="Extract claims from new documents.")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Ingest documents: clean text, metadata, de-duplication; then extract their claims.

    Running it again on the same inputs stores nothing twice; a batch that was interrupted
    picks up where it stopped.
    """
    settings = load_settings(database_url=database)
    with errors_as_messages():
        repo = Repository(make_engine(settings.database_url))
        repo.check_schema()
        knowledge = cached_knowledge(settings.knowledge_dir)
        total = sum(1 for _ in expand_paths(paths))
        with progress_bar("ingesting", total if total else None, not quiet) as advance:
            report = ingest_paths(repo, paths, settings.max_input_bytes, knowledge, advance)
        n_claims = 0
        if extract and report.ingested:
            with progress_bar("extracting", report.ingested, not quiet) as advance:
                n_claims = extract_stored(repo, knowledge, progress=advance)
    print_report(report, n_claims)
    if report.rejected and not (report.ingested or report.duplicates or report.already_stored):
        fail("nothing was ingested", code=2)


def print_report(report: IngestReport, n_claims: int) -> None:
    for r in report.rejected:
        console.print(f"[yellow]rejected[/] {r.input_name}: {r.reason}" + (f" ({r.detail})" if r.detail else ""))
    table = Table(show_header=False, box=None)
    table.add_row("ingested", str(report.ingested))
    table.add_row("duplicates (stored, marked)", str(report.duplicates))
    table.add_row("already stored (skipped)", str(report.already_stored))
    table.add_row("rejected", str(len(report.rejected)))
    for reason, n in sorted(report.rejection_reasons.items()):
        table.add_row(f"  {reason}", str(n))
    table.add_row("claims extracted", str(n_claims))
    out.print(table)
