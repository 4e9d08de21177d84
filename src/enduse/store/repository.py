"""The repository: the only code that reads and writes the database.

Stages hand it domain objects and get domain objects back. Each document is written in its
own transaction together with its raw bytes, so a batch killed half-way leaves only whole
documents behind, and re-running it skips what is already stored (idempotent ingestion).
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, bindparam, delete, func, insert, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from enduse.errors import StoreError
from enduse.model import Assertion, Claim, Condition, Decision, Document, Rejection, Story, Transfer
from enduse.store import convert
from enduse.store.engine import make_sessionmaker
from enduse.store.migrate import is_current
from enduse.store.tables import (
    AssertionClaimRow,
    AssertionRow,
    Base,
    ClaimRow,
    ConditionRow,
    DecisionRow,
    DocumentRow,
    RawBlobRow,
    RejectionRow,
    SourceRow,
    StoryRow,
    TransferRow,
)

# Statements run once per ingested document, built once: SQLAlchemy took longer to build and key
# a fresh statement than SQLite took to run it (about 0.5 ms against 0.15 a lookup, here).
# Core, not the ORM, for the same reason: a session cost more than the queries.
_SAME_TEXT = (
    select(DocumentRow.id, DocumentRow.url_key, DocumentRow.duplicate_of)
    .where(DocumentRow.content_hash == bindparam("content_hash"))
    .order_by(DocumentRow.published.asc().nulls_last(), DocumentRow.id)
)
_DOCUMENT_EXISTS = select(DocumentRow.id).where(DocumentRow.id == bindparam("doc_id"))
_BLOB_EXISTS = select(RawBlobRow.sha256).where(RawBlobRow.sha256 == bindparam("sha256"))
_INSERT_BLOB = insert(Base.metadata.tables["raw_blobs"])
_INSERT_DOCUMENT = insert(Base.metadata.tables["documents"])


@dataclass(frozen=True, slots=True)
class DocumentNote:
    """What assessment noted on a stored document (no text): its story, copies, repost reason."""

    doc_id: str
    story_id: str | None
    duplicate_of: str | None
    near_duplicate_group: str | None
    repost_reason: str | None


@dataclass(frozen=True, slots=True)
class DocumentSignature:
    """What grouping copies needs of a stored document, without its text."""

    doc_id: str
    published: dt.date | None
    minhash: bytes | None
    url_key: str | None


@dataclass(frozen=True, slots=True)
class TextCopy:
    """A stored document with a given text: its id, page key and the original it copies."""

    doc_id: str
    url_key: str | None
    duplicate_of: str | None


@dataclass(frozen=True, slots=True)
class StoreCounts:
    documents: int
    duplicates: int
    claims: int
    rejections: int
    transfers: int
    conditions: int


class Repository:
    """Domain-level access to one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions: sessionmaker[Session] = make_sessionmaker(engine)

    def check_schema(self) -> None:
        """Raise StoreError with the fix when the database has not been migrated."""
        if "documents" not in inspect(self.engine).get_table_names() or not is_current(self.engine):
            raise StoreError(
                f"the database at {self.engine.url.render_as_string(hide_password=True)} is not at the "
                "current schema: run `enduse db upgrade` (or `enduse init`)"
            )

    # documents -------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with self._sessions() as s:
            return s.get(DocumentRow, doc_id) is not None

    def document_ids(self) -> set[str]:
        with self._sessions() as s:
            return set(s.scalars(select(DocumentRow.id)))

    def documents_with_text(self, content_hash: str) -> list[TextCopy]:
        """Stored documents whose text hashes to `content_hash`, earliest first (undated last,
        on SQLite as on PostgreSQL)."""
        with self.engine.connect() as c:
            return [TextCopy(*row) for row in c.execute(_SAME_TEXT, {"content_hash": content_hash})]

    def add_document(
        self, doc: Document, raw: bytes | None = None, *, minhash: bytes | None = None, url_key: str | None = None
    ) -> bool:
        """Store a document (and its raw bytes, compressed) in one transaction.

        :param minhash: the text's MinHash signature (`ingest.dedup.signature`), if computed.
        :param url_key: the key of the page it was read from (`ingest.urls.url_document_id`).
        Returns False, writing nothing, when a document with this id is already stored.
        """
        values = convert.document_values(doc) | {"minhash": minhash, "url_key": url_key}
        with self.engine.begin() as c:
            if c.execute(_DOCUMENT_EXISTS, {"doc_id": doc.id}).first() is not None:
                return False
            blob = doc.raw_sha256
            if blob and c.execute(_BLOB_EXISTS, {"sha256": blob}).first() is None:
                if raw is None:
                    values["raw_sha256"] = None  # nothing to keep: the caller had no raw bytes
                else:
                    # Level 1: HTML shrinks 4.2x (level 6: 5.0x) in 2.2 ms a page instead of 5.3 (measured here).
                    c.execute(_INSERT_BLOB, {"sha256": blob, "size": len(raw), "data": zlib.compress(raw, 1)})
            c.execute(_INSERT_DOCUMENT, values)
        return True

    def set_near_duplicate_groups(self, groups: dict[str, str]) -> None:
        """Record each document's near-duplicate group (the id of the group's earliest copy).

        Only the rows whose group changed are written: after a batch that is a few, and
        reading one row at a time grew with the store.
        """
        with self._sessions.begin() as s:
            current = {k: g for k, g in s.execute(select(DocumentRow.id, DocumentRow.near_duplicate_group))}
            changed = [
                {"id": doc_id, "near_duplicate_group": group}
                for doc_id, group in groups.items()
                if doc_id in current and current[doc_id] != group
            ]
            if changed:
                s.execute(update(DocumentRow), changed)

    def document_signatures(self) -> list[DocumentSignature]:
        """The signature and page key of every document that is not an exact duplicate."""
        with self._sessions() as s:
            q = select(DocumentRow.id, DocumentRow.published, DocumentRow.minhash, DocumentRow.url_key).where(
                DocumentRow.duplicate_of.is_(None)
            )
            return [DocumentSignature(*row) for row in s.execute(q)]

    def set_signatures(self, signatures: Mapping[str, tuple[bytes, str | None]]) -> None:
        """Store the MinHash and page key of documents stored without them (`id: (minhash, url_key)`)."""
        rows = [{"id": doc_id, "minhash": m, "url_key": key} for doc_id, (m, key) in signatures.items()]
        if rows:
            with self._sessions.begin() as s:
                s.execute(update(DocumentRow), rows)

    def get_document(self, doc_id: str) -> Document | None:
        with self._sessions() as s:
            row = s.get(DocumentRow, doc_id)
            return convert.row_to_document(row) if row else None

    def list_documents(self, limit: int | None = None, offset: int = 0) -> list[Document]:
        with self._sessions() as s:
            q = select(DocumentRow).order_by(DocumentRow.published, DocumentRow.id).offset(offset)
            if limit is not None:
                q = q.limit(limit)
            return [convert.row_to_document(r) for r in s.scalars(q)]

    def raw_bytes(self, sha256: str) -> bytes | None:
        with self._sessions() as s:
            row = s.get(RawBlobRow, sha256)
            return zlib.decompress(row.data) if row else None

    # rejections ------------------------------------------------------------------------

    def add_rejection(self, rejection: Rejection) -> None:
        """Record why an input was refused; recording the same refusal twice keeps one row."""
        with self._sessions.begin() as s:
            exists = s.scalars(
                select(RejectionRow.id).where(
                    RejectionRow.input_name == rejection.input_name, RejectionRow.reason == rejection.reason
                )
            ).first()
            if exists is None:
                s.add(RejectionRow(input_name=rejection.input_name, reason=rejection.reason, detail=rejection.detail))

    def list_rejections(self) -> list[Rejection]:
        with self._sessions() as s:
            rows = s.scalars(select(RejectionRow).order_by(RejectionRow.id))
            return [Rejection(r.input_name, r.reason, r.detail) for r in rows]

    # claims ----------------------------------------------------------------------------

    def replace_claims(self, doc_id: str, claims: Sequence[Claim]) -> None:
        """Replace a document's claims in one transaction (re-running extraction is idempotent)."""
        with self._sessions.begin() as s:
            s.execute(delete(ClaimRow).where(ClaimRow.document_id == doc_id))
            s.add_all(convert.claim_to_row(c) for c in claims)

    def list_claims(self, doc_id: str | None = None) -> list[tuple[int, Claim]]:
        with self._sessions() as s:
            q = select(ClaimRow).order_by(ClaimRow.document_id, ClaimRow.evidence_start, ClaimRow.id)
            if doc_id is not None:
                q = q.where(ClaimRow.document_id == doc_id)
            return [(r.id, convert.row_to_claim(r)) for r in s.scalars(q)]

    def documents_without_claims(self) -> list[str]:
        with self._sessions() as s:
            have = select(ClaimRow.document_id).distinct()
            return list(s.scalars(select(DocumentRow.id).where(DocumentRow.id.not_in(have))))

    # registry --------------------------------------------------------------------------

    def upsert_transfers(self, transfers: Iterable[Transfer]) -> int:
        """Insert or replace transfers by id in one transaction (the last of a repeated id wins).

        Ids already stored are looked up in batches and only those rows are merged; new rows
        are inserted in bulk, so importing a trade register of tens of thousands of rows takes
        seconds rather than one SELECT per row.
        """
        rows = {t.id: convert.transfer_to_row(t) for t in transfers}
        with self._sessions.begin() as s:
            ids = list(rows)
            existing: set[str] = set()
            for i in range(0, len(ids), 500):
                existing.update(s.scalars(select(TransferRow.id).where(TransferRow.id.in_(ids[i : i + 500]))))
            columns = [c.key for c in TransferRow.__table__.columns]
            new = [{k: getattr(row, k) for k in columns} for tid, row in rows.items() if tid not in existing]
            if new:
                s.execute(insert(TransferRow), new)
            for tid in existing:
                s.merge(rows[tid])
        return len(rows)

    def upsert_conditions(self, conditions: Iterable[Condition]) -> int:
        n = 0
        with self._sessions.begin() as s:
            for c in conditions:
                s.merge(convert.condition_to_row(c))
                n += 1
        return n

    def list_transfers(self) -> list[Transfer]:
        with self._sessions() as s:
            return [convert.row_to_transfer(r) for r in s.scalars(select(TransferRow).order_by(TransferRow.id))]

    def list_conditions(self) -> list[Condition]:
        with self._sessions() as s:
            rows = s.scalars(select(ConditionRow).order_by(ConditionRow.valid_from, ConditionRow.id))
            return [convert.row_to_condition(r) for r in rows]

    # assessment ------------------------------------------------------------------------

    def add_decision(self, decision: Decision) -> int:
        """Record an analyst's decision; decisions are never updated, a later one overrides."""
        with self._sessions.begin() as s:
            row = convert.decision_to_row(decision)
            s.add(row)
            s.flush()
            return row.id

    def list_decisions(self) -> list[Decision]:
        with self._sessions() as s:
            rows = s.scalars(select(DecisionRow).order_by(DecisionRow.at, DecisionRow.id))
            return [convert.row_to_decision(r) for r in rows]

    def source_grades(self) -> dict[str, str]:
        """The analyst-set reliability grade of each source, by source key."""
        with self._sessions() as s:
            return {k: g for k, g in s.execute(select(SourceRow.key, SourceRow.reliability))}

    def save_assessment(
        self, stories: Sequence[Story], assertions: Sequence[Assertion], reposts: Mapping[str, str | None]
    ) -> None:
        """Replace the stored stories and assertions with these, in one transaction, and note on
        each document its story and why its page date looks like a repost's (`reposts`)."""
        with self._sessions.begin() as s:
            known = set(s.scalars(select(ClaimRow.id)))
            s.execute(delete(AssertionClaimRow))
            s.execute(delete(AssertionRow))
            s.execute(update(DocumentRow).values(story_id=None, repost_reason=None))
            s.execute(delete(StoryRow))
            s.add_all(convert.story_to_row(st) for st in stories)
            s.add_all(convert.assertion_to_row(a) for a in assertions)
            s.flush()
            links = [
                {"assertion_id": a.id, "claim_id": cid}
                for a in assertions
                for cid in dict.fromkeys(a.claim_ids)
                if cid in known
            ]
            if links:
                s.execute(insert(AssertionClaimRow), links)
            notes = [
                {"id": doc_id, "story_id": st.id, "repost_reason": reposts.get(doc_id)}
                for st in stories
                for doc_id in st.doc_ids
            ]
            if notes:
                s.execute(update(DocumentRow), notes)

    def list_stories(self) -> list[Story]:
        with self._sessions() as s:
            members: dict[str, list[str]] = {}
            q = select(DocumentRow.story_id, DocumentRow.id).where(DocumentRow.story_id.is_not(None))
            for story_id, doc_id in s.execute(q.order_by(DocumentRow.published, DocumentRow.id)):
                members.setdefault(story_id or "", []).append(doc_id)
            rows = s.scalars(select(StoryRow).order_by(StoryRow.date_start, StoryRow.id))
            return [convert.row_to_story(r, members.get(r.id, [])) for r in rows]

    def list_assertions(self) -> list[Assertion]:
        with self._sessions() as s:
            claims: dict[str, list[int]] = {}
            for aid, cid in s.execute(select(AssertionClaimRow.assertion_id, AssertionClaimRow.claim_id)):
                claims.setdefault(aid, []).append(cid)
            rows = s.scalars(select(AssertionRow).order_by(AssertionRow.independent_origins.desc(), AssertionRow.id))
            return [convert.row_to_assertion(r, sorted(claims.get(r.id, []))) for r in rows]

    def document_notes(self) -> list[DocumentNote]:
        """Each document's story, copy links and repost reason, without its text."""
        with self._sessions() as s:
            q = select(
                DocumentRow.id,
                DocumentRow.story_id,
                DocumentRow.duplicate_of,
                DocumentRow.near_duplicate_group,
                DocumentRow.repost_reason,
            ).order_by(DocumentRow.published, DocumentRow.id)
            return [DocumentNote(*row) for row in s.execute(q)]

    # summary ---------------------------------------------------------------------------

    def counts(self) -> StoreCounts:
        with self._sessions() as s:

            def n(q: object) -> int:
                return int(s.scalar(q) or 0)  # type: ignore[call-overload]

            return StoreCounts(
                documents=n(select(func.count()).select_from(DocumentRow)),
                duplicates=n(
                    select(func.count()).select_from(DocumentRow).where(DocumentRow.duplicate_of.is_not(None))
                ),
                claims=n(select(func.count()).select_from(ClaimRow)),
                rejections=n(select(func.count()).select_from(RejectionRow)),
                transfers=n(select(func.count()).select_from(TransferRow)),
                conditions=n(select(func.count()).select_from(ConditionRow)),
            )

    def claim_type_counts(self) -> Counter[str]:
        with self._sessions() as s:
            rows = s.execute(select(ClaimRow.type, func.count()).group_by(ClaimRow.type))
            return Counter({t: int(c) for t, c in rows})
