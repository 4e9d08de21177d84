"""`enduse init` and `enduse db upgrade|downgrade|current`: create and migrate the database."""

from __future__ import annotations

from typing import Annotated

import typer

from enduse.cli.common import errors_as_messages, load_settings, out
from enduse.store import make_engine
from enduse.store import migrate as migrations

app = typer.Typer(help="Migrate the database (SQLite or PostgreSQL).", no_args_is_help=True)

DatabaseOption = Annotated[
    str | None, typer.Option("--database", "-d", help="Database URL (default: ENDUSE_DATABASE_URL or ./enduse.db).")
]


@app.command("upgrade")
def upgrade(database: DatabaseOption = None, revision: str = "head") -> None:
    """Migrate the database up to REVISION (default: the newest)."""
    settings = load_settings(database_url=database)
    with errors_as_messages():
        engine = make_engine(settings.database_url)
        migrations.upgrade(engine, revision)
        out.print(
            f"database at {engine.url.render_as_string(hide_password=True)} is at {migrations.current_revision(engine)}"
        )


@app.command("downgrade")
def downgrade(database: DatabaseOption = None, revision: str = "base") -> None:
    """Migrate the database down to REVISION (default: base, an empty database)."""
    settings = load_settings(database_url=database)
    with errors_as_messages():
        engine = make_engine(settings.database_url)
        migrations.downgrade(engine, revision)
        where = engine.url.render_as_string(hide_password=True)
        out.print(f"database at {where} is at {migrations.current_revision(engine) or 'base'}")


@app.command("current")
def current(database: DatabaseOption = None) -> None:
    """Print the database's schema revision."""
    settings = load_settings(database_url=database)
    with errors_as_messages():
        engine = make_engine(settings.database_url)
        out.print(migrations.current_revision(engine) or "base")


def init(database: DatabaseOption = None) -> None:
    """Create the database (if needed) and migrate it to the newest schema."""
    upgrade(database, "head")
