"""`enduse extract PATH… --out FILE`: claims as JSONL in the interchange format (CLAIMS.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer

from enduse.cli.common import console, errors_as_messages, fail, load_settings, progress_bar
from enduse.extract import extract as extract_claims
from enduse.ingest import build_document, read_inputs
from enduse.ingest.inputs import expand_paths
from enduse.knowledge import cached_knowledge
from enduse.model import Rejection


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (any input `enduse ingest` reads).")],
    output: Annotated[str, typer.Option("--out", "-o", help="Where to write the claims ('-': standard output).")] = "-",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract claims from documents without storing them."""
    settings = load_settings()
    with errors_as_messages():
        knowledge = cached_knowledge(settings.knowledge_dir)
        sink: TextIO = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
        docs = claims = 0
        try:
            total = sum(1 for _ in expand_paths(paths))
            with progress_bar("extracting", total or None, not quiet and output != "-") as advance:
                for item in read_inputs(paths, settings.max_input_bytes):
                    doc = item if isinstance(item, Rejection) else build_document(item)
                    if isinstance(doc, Rejection):
                        console.print(f"[yellow]skipped[/] {doc.input_name}: {doc.reason} ({doc.detail})")
                        continue
                    advance(doc.input_name or doc.id)
                    docs += 1
                    for claim in extract_claims(doc, knowledge):
                        sink.write(json.dumps(claim.to_interchange(), ensure_ascii=False) + "\n")
                        claims += 1
        finally:
            if sink is not sys.stdout:
                sink.close()
    console.print(f"{claims} claims from {docs} documents" + (f" written to {output}" if output != "-" else ""))
    if not docs:
        fail("no document could be read", code=2)
