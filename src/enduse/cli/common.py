"""What the commands share: settings from the environment, the console, progress bars, and
the one place where enduse errors become a one-line message and an exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from enduse.config import Settings
from enduse.errors import EnduseError

console = Console(stderr=True, highlight=False)
out = Console(highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> NoReturn:
    console.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code)


def load_settings(**overrides: Any) -> Settings:
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as e:
        first = e.errors()[0]
        fail(f"setting {'.'.join(str(x) for x in first['loc'])}: {first['msg']}")


@contextmanager
def errors_as_messages() -> Iterator[None]:
    """Turn enduse's own exceptions into one line on stderr and exit 1."""
    try:
        yield
    except EnduseError as e:
        fail(str(e))
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(0) from None


@contextmanager
def progress_bar(label: str, total: int | None, enabled: bool = True) -> Iterator[Callable[[str], None]]:
    """A Rich progress bar whose advance callback takes the name of the item just done."""
    if not enabled or not console.is_terminal:
        yield lambda _name: None
        return
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[item]}", style="dim"),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task(label, total=total, item="")

        def advance(name: str) -> None:
            bar.update(task, advance=1, item=name[-50:])

        yield advance
