"""JSON API for the registry: transfers, conditions in force, and checking claims.

GET /api/transfers and GET /api/conditions read the database; POST /api/check runs the policy
engine over a list of claims (the interchange format of CLAIMS.md) and answers with one
finding per claim, as `enduse check` writes them. The engine is built from the database's
registry, or from the bundled demo registry while the database holds none, and kept on the
app until the registry's size changes.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request

from enduse.api.deps import get_repo
from enduse.knowledge import cached_knowledge
from enduse.registry import DEMO_REGISTRY, PolicyEngine, conditions_in_force, load_registry_yaml
from enduse.registry.listing import parse_since, select_transfers
from enduse.registry.rows import condition_to_mapping, transfer_to_mapping
from enduse.store import Repository

router = APIRouter(prefix="/api")
Repo = Annotated[Repository, Depends(get_repo)]
MAX_CLAIMS = 10_000  # claims per POST /api/check


@router.get("/transfers")
def transfers(
    repo: Repo,
    recipient: str | None = None,
    supplier: str | None = None,
    since: Annotated[str | None, Query(description="deliveries in or after this year or date")] = None,
    system: str | None = None,
    limit: Annotated[int, Query(ge=1, le=100_000)] = 1000,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[dict[str, Any]]:
    try:
        since_day = parse_since(since)
    except ValueError as e:
        raise HTTPException(422, f"since: {e}") from e
    chosen = select_transfers(repo.list_transfers(), recipient, supplier, since_day, system)
    return [transfer_to_mapping(t) for t in chosen[offset : offset + limit]]


@router.get("/conditions")
def conditions(
    repo: Repo,
    supplier: str | None = None,
    on: Annotated[str | None, Query(description="YYYY-MM-DD; all conditions when absent")] = None,
    recipient: str | None = None,
) -> list[dict[str, Any]]:
    conds = repo.list_conditions()
    if on:
        try:
            day = dt.date.fromisoformat(on)
        except ValueError as e:
            raise HTTPException(422, f"on: {on!r} is not a date (YYYY-MM-DD)") from e
        conds = conditions_in_force(
            conds, day, supplier.upper() if supplier else None, recipient.upper() if recipient else None
        )
    elif supplier or recipient:
        conds = [
            c
            for c in conds
            if (not supplier or c.supplier == supplier.upper())
            and (not recipient or c.recipient in (None, recipient.upper()))
        ]
    return [condition_to_mapping(c) for c in conds]


def _engine(request: Request, repo: Repository) -> PolicyEngine:
    counts = repo.counts()
    key = (counts.transfers, counts.conditions)
    cached = getattr(request.app.state, "policy_engine", None)
    if cached is not None and cached[0] == key:
        engine: PolicyEngine = cached[1]
        return engine
    knowledge = cached_knowledge(request.app.state.settings.knowledge_dir)
    if counts.transfers or counts.conditions:
        engine = PolicyEngine(repo.list_transfers(), repo.list_conditions(), knowledge)
    else:
        engine = PolicyEngine(*load_registry_yaml(DEMO_REGISTRY), knowledge)
    request.app.state.policy_engine = (key, engine)
    return engine


@router.post("/check")
def check(
    request: Request, repo: Repo, claims: Annotated[list[dict[str, Any]], Body(description="claims (CLAIMS.md)")]
) -> list[dict[str, Any]]:
    if len(claims) > MAX_CLAIMS:
        raise HTTPException(413, f"at most {MAX_CLAIMS} claims per request")
    engine = _engine(request, repo)
    return [engine.to_json(engine.check(c), c.get("doc_id"), c) for c in claims]
