"""The stored pipeline: stages run over inputs and the repository.

This module only orchestrates: the stages (`ingest`, `extract`, `assess`, `registry`) do the
work and the repository does the storing. The CLI, the demo and the API call these functions; a
`progress` callback lets the CLI draw a bar while tests and workers stay silent.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from enduse.assess import Assessment, DocumentAssessment, Repost, assess
from enduse.extract import EXTRACTOR_VERSION, extract
from enduse.ingest import build_document, read_inputs
from enduse.ingest.dedup import from_signature, group_signatures, signature
from enduse.ingest.inputs import RawInput
from enduse.ingest.urls import url_document_id
from enduse.knowledge import Knowledge
from enduse.model import Document, Rejection
from enduse.store import Repository

Progress = Callable[[str], None]


def _silent(_: str) -> None:
    return None


@dataclass(slots=True)
class IngestReport:
    """What a batch did: counts, and every rejection with its reason."""

    ingested: int = 0
    duplicates: int = 0
    already_stored: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def rejection_reasons(self) -> Counter[str]:
        return Counter(r.reason for r in self.rejected)


def ingest_inputs(
    repo: Repository,
    inputs: Iterable[RawInput | Rejection],
    knowledge: Knowledge | None = None,
    progress: Progress = _silent,
    retrieved: dt.date | None = None,
) -> IngestReport:
    """Clean and store each input; each document is committed on its own, so a batch that is
    killed can be run again and stores every document exactly once."""
    report = IngestReport()
    stored = repo.document_ids()
    for item in inputs:
        if isinstance(item, Rejection):
            repo.add_rejection(item)
            report.rejected.append(item)
            progress(item.input_name)
            continue
        progress(item.name)
        if item.id in stored:
            report.already_stored += 1
            continue
        if item.retrieved is None:
            item.retrieved = retrieved
        doc = build_document(item)
        if isinstance(doc, Rejection):
            repo.add_rejection(doc)
            report.rejected.append(doc)
            continue
        if knowledge is not None:
            _resolve_source(doc, knowledge)
        # The same canonical URL under another id (two dumps naming one page differently): with
        # the same text it is the document already stored, as a re-fetch is. With another text
        # it is a new version of the page (an update, a correction): stored, since its words
        # may differ, and put in one group with the earlier versions (`group_signatures`), so
        # they count as one source.
        url_key = url_document_id(doc.url) if doc.url else None
        same_text = repo.documents_with_text(doc.content_hash)
        if url_key is not None and any(c.url_key == url_key for c in same_text):
            report.already_stored += 1
            continue
        original = next((c.doc_id for c in same_text if c.duplicate_of is None), None)
        minhash = None
        if original is not None:
            doc.duplicate_of = original
            report.duplicates += 1
        else:
            minhash = signature(doc.text)  # exact copies are not grouped: they need none
        if repo.add_document(doc, item.data, minhash=minhash, url_key=url_key):
            stored.add(doc.id)
            report.ingested += 1
    if report.ingested:
        group_near_duplicates(repo)
    return report


def _resolve_source(doc: Document, knowledge: Knowledge) -> None:
    """Name the outlet from the catalog (by id, host, name or in-text signature) where it can."""
    outlet = knowledge.outlet_for(doc.source, doc.url)
    if outlet is not None:
        doc.source = outlet.id


def ingest_paths(
    repo: Repository,
    paths: list[Path],
    max_bytes: int,
    knowledge: Knowledge | None = None,
    progress: Progress = _silent,
) -> IngestReport:
    return ingest_inputs(repo, read_inputs(paths, max_bytes), knowledge, progress, dt.date.today())


def group_near_duplicates(repo: Repository) -> None:
    """Group near-duplicate documents, oldest first, so each group's key is its earliest copy.

    The LSH index is rebuilt from the stored signatures on each batch, which keeps the groups
    what they would be with every document seen at once (a new document may be older than a
    group's original). Documents stored before signatures were kept get theirs once, here.
    """
    entries = repo.document_signatures()
    missing = {e.doc_id for e in entries if e.minhash is None}
    if missing:
        fill_signatures(repo, missing)
        entries = repo.document_signatures()
    entries.sort(key=lambda e: (e.published or dt.date.max, e.doc_id))
    groups = group_signatures((e.doc_id, from_signature(e.minhash), e.url_key) for e in entries if e.minhash)
    repo.set_near_duplicate_groups(groups)


def fill_signatures(repo: Repository, doc_ids: Iterable[str]) -> None:
    """Compute and store the signature and page key of documents stored without them."""
    for doc_id in sorted(doc_ids):
        doc = repo.get_document(doc_id)
        if doc is not None:
            url_key = url_document_id(doc.url) if doc.url else None
            repo.set_signatures({doc_id: (signature(doc.text), url_key)})


def extract_stored(
    repo: Repository, knowledge: Knowledge, only_missing: bool = True, progress: Progress = _silent
) -> int:
    """Run extraction over stored documents and store the claims; returns how many were stored."""
    ids = repo.documents_without_claims() if only_missing else sorted(repo.document_ids())
    total = 0
    for doc_id in ids:
        doc = repo.get_document(doc_id)
        if doc is None or doc.duplicate_of is not None:
            continue
        progress(doc_id)
        claims = extract(doc, knowledge)
        repo.replace_claims(doc_id, claims)
        total += len(claims)
    return total


def read_documents(paths: list[Path], max_bytes: int, knowledge: Knowledge) -> tuple[list[Document], list[Rejection]]:
    """Documents built from files as ingestion builds them (outlets resolved), nothing stored."""
    docs: list[Document] = []
    rejected: list[Rejection] = []
    for item in read_inputs(paths, max_bytes):
        doc = item if isinstance(item, Rejection) else build_document(item)
        if isinstance(doc, Rejection):
            rejected.append(doc)
            continue
        _resolve_source(doc, knowledge)
        docs.append(doc)
    return docs, rejected


def assess_stored(repo: Repository, knowledge: Knowledge) -> Assessment:
    """Assess every stored document and claim, with the analyst's decisions and source grades,
    and store the stories and assertions (replacing the previous ones; decisions stay)."""
    documents = repo.list_documents()
    result = assess(documents, repo.list_claims(), knowledge, repo.list_decisions(), repo.source_grades())
    repo.save_assessment(result.stories, result.assertions, {d.doc_id: d.repost.reason for d in result.documents})
    if any(d.near_duplicate_group is None and d.duplicate_of is None for d in documents):
        # Stored before copies were grouped: keep the groups assessment had to find itself.
        repo.set_near_duplicate_groups({d.doc_id: d.near_duplicate_group or d.doc_id for d in result.documents})
    return result


def stored_assessment(repo: Repository) -> Assessment:
    """The assessment as last stored, read back without running it again (for the API)."""
    documents = [
        DocumentAssessment(
            n.doc_id,
            n.story_id or "",
            n.duplicate_of or (n.near_duplicate_group if n.near_duplicate_group != n.doc_id else None),
            n.near_duplicate_group,
            Repost(n.repost_reason is not None, n.repost_reason),
        )
        for n in repo.document_notes()
    ]
    return Assessment(repo.list_stories(), repo.list_assertions(), documents, dict(repo.list_claims()))


__all__ = [
    "EXTRACTOR_VERSION",
    "IngestReport",
    "assess_stored",
    "extract_stored",
    "ingest_inputs",
    "ingest_paths",
    "read_documents",
    "stored_assessment",
]
