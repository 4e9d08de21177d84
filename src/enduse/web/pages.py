"""HTML pages: documents, one document's clean text with its claims, all claims.

Text from documents is never trusted: Jinja2 autoescaping renders hostile markup in an
article as text. Evidence is highlighted by splitting the text at claim offsets server-side,
so no markup from the document is ever interpreted.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from enduse import __version__
from enduse.api.deps import get_repo
from enduse.model import Claim
from enduse.store import Repository

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.globals["version"] = __version__
router = APIRouter()
Repo = Annotated[Repository, Depends(get_repo)]


def text_segments(text: str, claims: list[tuple[int, Claim]]) -> list[tuple[str, list[int]]]:
    """The text cut at every evidence boundary: (piece, ids of the claims whose evidence covers it)."""
    cuts = {0, len(text)}
    for _, c in claims:
        cuts.update((max(0, c.evidence.start), min(len(text), c.evidence.end)))
    points = sorted(cuts)
    out = []
    for a, b in pairwise(points):
        ids = [i for i, c in claims if c.evidence.start <= a and b <= c.evidence.end]
        out.append((text[a:b], ids))
    return out


@router.get("/", response_class=HTMLResponse)
def index(request: Request, repo: Repo) -> HTMLResponse:
    docs = repo.list_documents(limit=500)
    counts = repo.counts()
    claim_counts: dict[str, int] = {}
    for _, c in repo.list_claims():
        claim_counts[c.doc_id] = claim_counts.get(c.doc_id, 0) + 1
    return TEMPLATES.TemplateResponse(
        request, "index.html", {"docs": docs, "counts": counts, "claim_counts": claim_counts}
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, repo: Repo) -> HTMLResponse:
    doc = repo.get_document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    claims = repo.list_claims(doc_id)
    return TEMPLATES.TemplateResponse(
        request,
        "document.html",
        {"doc": doc, "claims": claims, "segments": text_segments(doc.text, claims)},
    )


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request, repo: Repo, type: str | None = None) -> HTMLResponse:
    rows = [(i, c) for i, c in repo.list_claims() if type is None or str(c.type) == type]
    return TEMPLATES.TemplateResponse(request, "claims.html", {"claims": rows, "type": type})
