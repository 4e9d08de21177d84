"""`enduse registry import|list|export` and `enduse conditions`: the registry of transfers and
end-use conditions, from files into the database and back out.

Thin commands over `enduse.registry`: the readers, the listing filter and the writers live
there. An import prints how every data row ended (imported, or rejected with its line and
reason) and which designations the catalog does not know.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from enduse.cli.common import console, errors_as_messages, fail, load_settings
from enduse.errors import InputError
from enduse.knowledge import cached_knowledge
from enduse.model import Condition, Transfer
from enduse.registry import (
    FORMATS,
    ImportResult,
    conditions_in_force,
    load_registry,
    read_registry_file,
    write_registry_csv,
    write_registry_yaml,
)
from enduse.registry.dates import format_span_text
from enduse.registry.listing import parse_since, select_transfers
from enduse.registry.rows import condition_to_mapping, transfer_to_mapping
from enduse.store import Repository, make_engine

app = typer.Typer(help="Transfers and end-use conditions: import, list, export.", no_args_is_help=True)

DatabaseOption = Annotated[
    str | None, typer.Option("--database", "-d", help="Database URL (default: ENDUSE_DATABASE_URL or ./enduse.db).")
]
RegistryOption = Annotated[
    list[Path] | None,
    typer.Option("--registry", "-r", help="Registry file(s) to use instead (YAML, CSV or SIPRI; repeatable)."),
]
SHOWN_REJECTIONS = 20


def _repo(database: str | None) -> Repository:
    settings = load_settings(database_url=database)
    repo = Repository(make_engine(settings.database_url))
    repo.check_schema()
    return repo


def registry_source(registry: list[Path] | None, database: str | None) -> tuple[list[Transfer], list[Condition], str]:
    """The registry a command works on: files if given, else a database if given, else the demo."""
    settings = load_settings(database_url=database)
    if registry:
        transfers, conditions = load_registry(registry, cached_knowledge(settings.knowledge_dir))
        return transfers, conditions, ", ".join(str(p) for p in registry)
    if database:
        repo = _repo(database)
        return repo.list_transfers(), repo.list_conditions(), "the database"
    transfers, conditions = load_registry([], cached_knowledge(settings.knowledge_dir))
    return transfers, conditions, "the demo registry"


def say(text: str, style: str | None = None) -> None:
    """One line on stderr, never wrapped and never read as markup (reasons may hold brackets)."""
    console.print(escape(text), style=style, soft_wrap=True)


def _report(result: ImportResult, rejects: Path | None) -> None:
    say(
        f"{result.source}: {result.data_rows} data rows ({result.physical_lines} lines): "
        f"{len(result.transfers)} transfers and {len(result.conditions)} conditions imported, "
        f"{len(result.rejected)} rejected"
    )
    for r in result.rejected[:SHOWN_REJECTIONS]:
        say(f"rejected line {r.line}: {r.reason}", "yellow")
    if len(result.rejected) > SHOWN_REJECTIONS:
        say(f"... and {len(result.rejected) - SHOWN_REJECTIONS} more" + ("" if rejects else " (see --rejects)"))
    if result.format.startswith("sipri"):
        say(
            f"designations: {result.resolved} rows resolved to catalog weapons, "
            f"{sum(result.unresolved.values())} rows ({len(result.unresolved)} designations) not in the catalog"
        )
        top = ", ".join(f"{d} ({n})" for d, n in result.unresolved.most_common(10))
        if top:
            say(f"most frequent unresolved: {top}")
    if rejects is not None:
        with open(rejects, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["line", "reason", "text"])
            w.writerows([r.line, r.reason, r.text] for r in result.rejected)


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="The registry file.")],
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help=f"One of {', '.join(FORMATS)} (default: detected).")
    ] = None,
    database: DatabaseOption = None,
    rejects: Annotated[
        Path | None, typer.Option("--rejects", help="Write every rejected row (line, reason) to this CSV.")
    ] = None,
) -> None:
    """Import transfers and conditions into the database; every row is imported or rejected with its line."""
    if fmt is not None and fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}", code=2)
    settings = load_settings(database_url=database)
    with errors_as_messages():
        repo = _repo(database)
        result = read_registry_file(file, fmt, cached_knowledge(settings.knowledge_dir))
        repo.upsert_transfers(result.transfers)
        repo.upsert_conditions(result.conditions)
    _report(result, rejects)
    typer.echo(f"imported {result.imported} of {result.data_rows} rows from {file}")


@app.command("list")
def list_(
    recipient: Annotated[str | None, typer.Option("--recipient", help="ISO code of the recipient, e.g. UA.")] = None,
    supplier: Annotated[str | None, typer.Option("--supplier", help="ISO code of the supplier.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Deliveries in or after this year or date.")] = None,
    system: Annotated[str | None, typer.Option("--system", help="Only this system (catalog name).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    database: DatabaseOption = None,
) -> None:
    """List the transfers in the database."""
    try:
        since_day = parse_since(since)
    except ValueError:
        fail(f"--since {since!r} is not a year or date", code=2)
    with errors_as_messages():
        transfers = select_transfers(_repo(database).list_transfers(), recipient, supplier, since_day, system)
    for t in transfers:
        if as_json:
            typer.echo(json.dumps(transfer_to_mapping(t), ensure_ascii=False, default=str))
            continue
        qty = "" if t.quantity is None else str(t.quantity)
        if t.quantity_delivered is not None:
            qty += f"/{t.quantity_delivered}d"
        flags = f"?{','.join(t.uncertain)}" if t.uncertain else ""
        row = [
            t.id,
            t.supplier,
            t.recipient,
            t.system or "-",
            t.category,
            t.status,
            qty,
            format_span_text(t.ordered),
            format_span_text(t.delivered),
            flags,
        ]
        typer.echo("\t".join(row))
    say(f"{len(transfers)} transfers")


@app.command("export")
def export(
    output: Annotated[Path, typer.Option("--out", "-o", help="The file to write.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or yaml.")] = "yaml",
    database: DatabaseOption = None,
) -> None:
    """Export the database's transfers and conditions in the project's CSV or YAML format."""
    if fmt not in ("csv", "yaml"):
        fail("--format must be csv or yaml", code=2)
    with errors_as_messages():
        repo = _repo(database)
        transfers, conditions = repo.list_transfers(), repo.list_conditions()
        try:
            if fmt == "csv":
                write_registry_csv(output, transfers, conditions)
            else:
                header = f"enduse registry export, {dt.date.today().isoformat()}"
                write_registry_yaml(output, transfers, conditions, header)
        except OSError as e:
            raise InputError(str(output), "cannot write", str(e)) from e
    typer.echo(f"wrote {len(transfers)} transfers and {len(conditions)} conditions to {output}")


def conditions(
    supplier: Annotated[str | None, typer.Option("--supplier", help="ISO code of the supplier.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="The date (default: today).")] = None,
    recipient: Annotated[str | None, typer.Option("--recipient", help="ISO code of the recipient.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    registry: RegistryOption = None,
    database: DatabaseOption = None,
) -> None:
    """The end-use conditions in force on a date (the demo registry unless --registry or --database)."""
    try:
        day = dt.date.fromisoformat(on) if on else dt.date.today()
    except ValueError:
        fail(f"--on {on!r} is not a date (YYYY-MM-DD)", code=2)
    with errors_as_messages():
        _, conds, source = registry_source(registry, database)
    found = conditions_in_force(
        conds, day, supplier.upper() if supplier else None, recipient.upper() if recipient else None
    )
    for c in found:
        if as_json:
            typer.echo(json.dumps(condition_to_mapping(c), ensure_ascii=False))
            continue
        scope = c.system or c.category or "all weapons"
        terr = ", ".join(c.permitted_territory) or "-"
        extra = []
        if c.permitted_purposes:
            extra.append("for " + ", ".join(c.permitted_purposes))
        if c.excluded_systems:
            extra.append("excluding " + ", ".join(c.excluded_systems))
        if c.retransfer_requires_consent:
            extra.append("re-transfer needs consent")
        parts = [c.id, c.kind, f"{c.supplier}→{c.recipient or '*'}", scope, terr, "; ".join(extra), c.status]
        parts.append(f"from {c.valid_from}" if c.valid_from else "")
        typer.echo("\t".join(parts))
        typer.echo(f"\t{c.summary} ({c.citation})")
    say(f"{len(found)} conditions in force on {day.isoformat()} ({source})")
