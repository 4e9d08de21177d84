"""`enduse assess PATH… --out FILE`: stories, assertions, independent origins and grades.

Over files, the documents are built and their claims extracted as `enduse extract` does,
nothing is stored, and the JSON (`enduse.assess.report`) is written to `--out`. With
`--database` (and no paths), assessment runs over the stored documents and claims with the
analysts' decisions, and stores its stories and assertions there.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer

from enduse.assess import Assessment, assess, assessment_json
from enduse.cli.common import console, errors_as_messages, fail, load_settings, progress_bar
from enduse.extract import extract
from enduse.knowledge import Knowledge, cached_knowledge
from enduse.pipeline import assess_stored, read_documents
from enduse.store import Repository, make_engine


def assess_files(paths: list[Path], max_bytes: int, knowledge: Knowledge, quiet: bool = True) -> Assessment:
    """Build, extract and assess the documents in `paths` (nothing stored)."""
    docs, rejected = read_documents(paths, max_bytes, knowledge)
    for r in rejected:
        console.print(f"[yellow]skipped[/] {r.input_name}: {r.reason}" + (f" ({r.detail})" if r.detail else ""))
    if not docs:
        fail("no document could be read", code=2)
    claims = []
    with progress_bar("extracting", len(docs), not quiet) as advance:
        for doc in docs:
            claims.extend(extract(doc, knowledge))
            advance(doc.input_name or doc.id)
    return assess(docs, list(enumerate(claims, 1)), knowledge)


def assess_command(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders (any input `enduse ingest` reads).")
    ] = None,
    output: Annotated[str, typer.Option("--out", "-o", help="Where to write the JSON ('-': standard output).")] = "-",
    database: Annotated[
        str | None, typer.Option("--database", "-d", help="Assess the stored documents and store the result.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Merge claims into assertions, count independent origins, grade them, cluster stories."""
    if bool(paths) == bool(database):
        fail("give either PATH… (files to assess) or --database URL (stored documents)", code=2)
    settings = load_settings(database_url=database)
    with errors_as_messages():
        knowledge = cached_knowledge(settings.knowledge_dir)
        if paths:
            result = assess_files(paths, settings.max_input_bytes, knowledge, quiet or output == "-")
        else:
            repo = Repository(make_engine(settings.database_url))
            repo.check_schema()
            result = assess_stored(repo, knowledge)
        data = json.dumps(assessment_json(result), ensure_ascii=False, indent=1)
        sink: TextIO = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
        try:
            sink.write(data + "\n")
        finally:
            if sink is not sys.stdout:
                sink.close()
    reposts = sum(d.repost.flag for d in result.documents)
    console.print(
        f"{len(result.stories)} stories, {len(result.assertions)} assertions from {len(result.documents)} documents"
        f" ({reposts} page dates flagged as reposts)" + (f"; written to {output}" if output != "-" else "")
    )
    for d in result.unapplied:
        console.print(f"[yellow]decision not applied[/] {d.kind} {', '.join(d.targets)}: its targets are gone")
