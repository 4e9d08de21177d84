"""JSON shapes of the API, converted from the domain objects."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from enduse.model import Claim, Document


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    published_precision: str | None
    published_from: str | None
    language: str | None
    duplicate_of: str | None
    near_duplicate_group: str | None
    words: int

    @classmethod
    def of(cls, d: Document) -> DocumentSummary:
        return cls(
            id=d.id,
            title=d.title,
            url=d.url,
            source=d.source,
            published=d.published.value.isoformat() if d.published else None,
            published_precision=str(d.published.precision) if d.published else None,
            published_from=d.published.source if d.published else None,
            language=d.language,
            duplicate_of=d.duplicate_of,
            near_duplicate_group=d.near_duplicate_group,
            words=len(d.text.split()),
        )


class DocumentDetail(DocumentSummary):
    text: str
    claims: list[dict[str, Any]]


def claim_json(claim_id: int, c: Claim) -> dict[str, Any]:
    data = c.to_interchange()
    data["id"] = claim_id
    data["extractor_version"] = c.extractor_version
    data["review"] = str(c.review)
    if c.when is not None:
        data["when"]["resolution"] = c.when.resolution
    return data


class Stats(BaseModel):
    documents: int
    duplicates: int
    claims: int
    rejections: int
    transfers: int
    conditions: int
    claims_by_type: dict[str, int]
