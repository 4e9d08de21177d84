"""`enduse clean PATH`: print a document's clean text (`--json`: with its metadata)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from enduse.cli.common import console, errors_as_messages, fail, load_settings, out
from enduse.ingest import build_document, read_inputs
from enduse.model import Rejection


def clean(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to clean.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per document, with metadata.")] = False,
) -> None:
    """Print the article text of each input without page furniture, like trafilatura's CLI."""
    settings = load_settings()
    shown = 0
    with errors_as_messages():
        for item in read_inputs(paths, settings.max_input_bytes):
            doc = item if isinstance(item, Rejection) else build_document(item)
            if isinstance(doc, Rejection):
                console.print(f"[yellow]rejected[/] {doc.input_name}: {doc.reason} ({doc.detail})")
                continue
            shown += 1
            if as_json:
                record = {
                    "id": doc.id,
                    "title": doc.title,
                    "url": doc.url,
                    "source": doc.source,
                    "published": doc.published.value.isoformat() if doc.published else None,
                    "published_precision": str(doc.published.precision) if doc.published else None,
                    "published_from": doc.published.source if doc.published else None,
                    "language": doc.language,
                    "text": doc.text,
                }
                typer.echo(json.dumps(record, ensure_ascii=False))
            else:
                out.print(doc.text, markup=False)
                out.print()
    if not shown:
        fail("no document could be cleaned", code=2)
