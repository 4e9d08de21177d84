"""Per-app dependencies: the repository and the catalogs, kept on `app.state`."""

from __future__ import annotations

from fastapi import Request

from enduse.store import Repository


def get_repo(request: Request) -> Repository:
    repo: Repository = request.app.state.repo
    return repo
