"""The command line: `enduse` and `python -m enduse`. One module per command group."""

from __future__ import annotations

from enduse.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
