"""JSON API for assessment: stories, assertions, per-document notes, and analyst decisions.

GET /api/assessment answers with the same JSON `enduse assess` writes, read from what the
last run stored; POST /api/assessment runs it again over the stored documents (decisions
applied). Analysts record decisions with POST /api/decisions (who and why required); they
are stored apart and applied on every run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from enduse.api.deps import get_repo
from enduse.assess import assessment_json
from enduse.assess.report import assertion_json, decision_json, story_json
from enduse.knowledge import cached_knowledge
from enduse.model import Decision, DecisionKind
from enduse.pipeline import assess_stored, stored_assessment
from enduse.store import Repository

router = APIRouter(prefix="/api")
Repo = Annotated[Repository, Depends(get_repo)]
GRADES = ("A", "B", "C", "D", "E", "F")


class DecisionIn(BaseModel):
    """An analyst's decision as posted: targets are claim keys, document ids or source keys."""

    kind: DecisionKind
    targets: list[str] = Field(min_length=1)
    who: str = Field(min_length=1)
    why: str = Field(min_length=1)
    value: str | None = None


@router.get("/assessment")
def assessment(repo: Repo) -> dict[str, Any]:
    return assessment_json(stored_assessment(repo))


@router.post("/assessment")
def run_assessment(repo: Repo, request: Request) -> dict[str, int]:
    """Assess the stored documents again (decisions applied) and store the result."""
    knowledge = cached_knowledge(request.app.state.settings.knowledge_dir)
    result = assess_stored(repo, knowledge)
    return {
        "stories": len(result.stories),
        "assertions": len(result.assertions),
        "reposts": sum(d.repost.flag for d in result.documents),
        "unapplied_decisions": len(result.unapplied),
    }


@router.get("/stories")
def stories(repo: Repo) -> list[dict[str, Any]]:
    return [story_json(s) for s in repo.list_stories()]


@router.get("/assertions")
def assertions(repo: Repo, type: str | None = None, min_origins: int = 0) -> list[dict[str, Any]]:
    claims = dict(repo.list_claims())
    return [
        assertion_json(a, claims)
        for a in repo.list_assertions()
        if (type is None or str(a.type) == type) and a.independent_origins >= min_origins
    ]


@router.get("/assertions/{assertion_id}")
def assertion(assertion_id: str, repo: Repo) -> dict[str, Any]:
    found = [a for a in repo.list_assertions() if a.id == assertion_id]
    if not found:
        raise HTTPException(404, f"no assertion {assertion_id!r}")
    return assertion_json(found[0], dict(repo.list_claims()))


@router.get("/decisions")
def decisions(repo: Repo) -> list[dict[str, Any]]:
    return [decision_json(d) for d in repo.list_decisions()]


@router.post("/decisions", status_code=201)
def add_decision(body: DecisionIn, repo: Repo) -> dict[str, Any]:
    if body.kind == DecisionKind.SET_RELIABILITY and body.value not in GRADES:
        raise HTTPException(422, "set reliability needs a value from A to F")
    decision = Decision(body.kind, tuple(body.targets), body.who, body.why, body.value, dt.datetime.now(dt.UTC))
    return decision_json(replace(decision, id=repo.add_decision(decision)))
