"""`enduse serve`: the web UI and JSON API on 127.0.0.1:8000."""

from __future__ import annotations

from typing import Annotated

import typer

from enduse.cli.common import errors_as_messages, load_settings, out
from enduse.config import Settings


def run_server(settings: Settings) -> None:
    import uvicorn

    from enduse.api import create_app
    from enduse.store import Repository, make_engine

    repo = Repository(make_engine(settings.database_url))
    repo.check_schema()
    out.print(f"enduse is serving on [bold]http://{settings.host}:{settings.port}/[/] (Ctrl+C stops it)")
    uvicorn.run(create_app(settings, repo), host=settings.host, port=settings.port, log_level="warning")


def serve(
    database: Annotated[str | None, typer.Option("--database", "-d", help="Database URL.")] = None,
    host: Annotated[str | None, typer.Option(help="Address to listen on (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on (default 8000).")] = None,
) -> None:
    """Serve the web UI and the JSON API."""
    settings = load_settings(database_url=database, host=host, port=port)
    with errors_as_messages():
        run_server(settings)
