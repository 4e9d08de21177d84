"""The Typer application and its commands, each a thin layer over a plain function."""

from __future__ import annotations

from typing import Annotated

import typer

from enduse import __version__
from enduse.cli import check as check_command
from enduse.cli import clean, db, demo, extract, fetch, ingest, serve
from enduse.cli import registry as registry_commands
from enduse.cli.assess import assess_command

app = typer.Typer(
    name="enduse",
    help="End-use monitoring of arms transfers from open sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"enduse {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """End-use monitoring of arms transfers from open sources."""


app.add_typer(db.app, name="db")
app.command("init")(db.init)
app.command("ingest")(ingest.ingest)
app.command("clean")(clean.clean)
app.command("fetch")(fetch.fetch)
app.command("extract")(extract.extract)
app.command("serve")(serve.serve)
app.command("demo")(demo.demo)

app.add_typer(registry_commands.app, name="registry")
app.command("conditions")(registry_commands.conditions)
app.command("check")(check_command.check)
app.command("assess")(assess_command)
