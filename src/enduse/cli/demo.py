"""`enduse demo`: a fresh embedded database with the bundled demo data, then the web UI."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from enduse.cli.common import errors_as_messages, load_settings, out, progress_bar
from enduse.cli.ingest import print_report
from enduse.cli.serve import run_server
from enduse.demo import demo_inputs, load_demo
from enduse.knowledge import cached_knowledge
from enduse.store import Repository, make_engine, upgrade

DEMO_DB = Path("enduse-demo.db")


def demo(
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the UI after loading.")] = True,
    db_file: Annotated[Path, typer.Option("--db", help="SQLite file for the demo (recreated).")] = DEMO_DB,
    port: Annotated[int | None, typer.Option(help="Port to serve on (default 8000).")] = None,
) -> None:
    """Load the bundled demo (reports and registry, labelled demo data) into a fresh SQLite
    database, run the pipeline, print a summary, then serve the web UI."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    settings = load_settings(database_url=f"sqlite:///{db_file}", port=port)
    with errors_as_messages():
        engine = make_engine(settings.database_url)
        upgrade(engine)
        repo = Repository(engine)
        knowledge = cached_knowledge(settings.knowledge_dir)
        with progress_bar("loading demo", len(demo_inputs())) as advance:
            summary = load_demo(repo, knowledge, advance)
    out.print(f"[bold]enduse demo[/] — demo data written by the project, in {db_file}")
    print_report(summary.report, summary.claims)
    table = Table("claim type", "claims", box=None)
    for ctype, n in sorted(repo.claim_type_counts().items()):
        table.add_row(ctype, str(n))
    out.print(table)
    out.print(f"registry: {summary.transfers} transfers, {summary.conditions} conditions")
    if serve:
        with errors_as_messages():
            run_server(settings)
