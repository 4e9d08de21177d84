"""JSON API routes under /api."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from enduse.api.deps import get_repo
from enduse.api.schemas import DocumentDetail, DocumentSummary, Stats, claim_json
from enduse.store import Repository

router = APIRouter(prefix="/api")
Repo = Annotated[Repository, Depends(get_repo)]


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/stats")
def stats(repo: Repo) -> Stats:
    c = repo.counts()
    return Stats(
        documents=c.documents,
        duplicates=c.duplicates,
        claims=c.claims,
        rejections=c.rejections,
        transfers=c.transfers,
        conditions=c.conditions,
        claims_by_type=dict(repo.claim_type_counts()),
    )


@router.get("/documents")
def documents(
    repo: Repo, limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Annotated[int, Query(ge=0)] = 0
) -> list[DocumentSummary]:
    return [DocumentSummary.of(d) for d in repo.list_documents(limit=limit, offset=offset)]


@router.get("/documents/{doc_id}")
def document(doc_id: str, repo: Repo) -> DocumentDetail:
    d = repo.get_document(doc_id)
    if d is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    claims = [claim_json(i, c) for i, c in repo.list_claims(doc_id)]
    return DocumentDetail(**DocumentSummary.of(d).model_dump(), text=d.text, claims=claims)


@router.get("/claims")
def claims(repo: Repo, type: str | None = None) -> list[dict[str, Any]]:
    return [claim_json(i, c) for i, c in repo.list_claims() if type is None or str(c.type) == type]
