"""ORM tables for the domain nouns (SQLAlchemy 2, typed mappings).

The same tables serve SQLite (embedded) and PostgreSQL (team server); only portable types are
used (JSON, not JSONB; text ids), so one Alembic history migrates both. The schema is owned by
the migrations in `migrations/versions/`; a test checks that these models and the migrated
schema agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints so that migrations (and SQLite batch mode) can refer to them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class SourceRow(Base):
    __tablename__ = "sources"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    domain: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(2))
    kind: Mapped[str | None] = mapped_column(String(40))
    owner: Mapped[str | None] = mapped_column(Text)
    reliability: Mapped[str] = mapped_column(String(1), default="F")


class RawBlobRow(Base):
    """Raw input bytes, zlib-compressed and addressed by the SHA-256 of the uncompressed bytes."""

    __tablename__ = "raw_blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    input_name: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    source_key: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[dt.date | None] = mapped_column(Date)
    published_precision: Mapped[str | None] = mapped_column(String(10))
    published_source: Mapped[str | None] = mapped_column(String(40))
    retrieved: Mapped[dt.date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    raw_sha256: Mapped[str | None] = mapped_column(ForeignKey("raw_blobs.sha256"))
    duplicate_of: Mapped[str | None] = mapped_column(ForeignKey("documents.id"))
    near_duplicate_group: Mapped[str | None] = mapped_column(String(200))
    story_id: Mapped[str | None] = mapped_column(String(200))
    # Why assessment thinks the page date is a repost's, not the original's (None: it does not).
    repost_reason: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # The MinHash of the text (`ingest.dedup.signature`), kept so that grouping copies does not
    # shingle and hash every stored text again; None for rows stored before it was kept.
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    # The page the document was read from (`ingest.urls.url_document_id` of its URL): a short
    # key to find other versions of the same page by, where the URL itself may be too long to index.
    url_key: Mapped[str | None] = mapped_column(String(100), index=True)


class RejectionRow(Base):
    __tablename__ = "rejections"
    __table_args__ = (UniqueConstraint("input_name", "reason", name="uq_rejections_input_reason"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    input_name: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class MentionRow(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    entry_id: Mapped[str] = mapped_column(String(200))


class ClaimRow(Base):
    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(20))
    weapon_text: Mapped[str | None] = mapped_column(Text)
    weapon_name: Mapped[str | None] = mapped_column(String(200))
    weapon_category: Mapped[str | None] = mapped_column(String(40))
    origin: Mapped[str | None] = mapped_column(String(2))
    supplier: Mapped[str | None] = mapped_column(String(2))
    recipient: Mapped[str | None] = mapped_column(String(2))
    actor_text: Mapped[str | None] = mapped_column(Text)
    actor_name: Mapped[str | None] = mapped_column(String(300))
    place_text: Mapped[str | None] = mapped_column(Text)
    place_country: Mapped[str | None] = mapped_column(String(2))
    place_region: Mapped[str | None] = mapped_column(String(10))
    when_start: Mapped[dt.date | None] = mapped_column(Date)
    when_end: Mapped[dt.date | None] = mapped_column(Date)
    when_text: Mapped[str | None] = mapped_column(Text)
    when_resolution: Mapped[str | None] = mapped_column(String(200))
    claimant_text: Mapped[str | None] = mapped_column(Text)
    claimant_via: Mapped[list[Any]] = mapped_column(JSON, default=list)
    hedged: Mapped[bool] = mapped_column(Boolean, default=False)
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    evidence_text: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    scope: Mapped[str | None] = mapped_column(Text)
    excluded: Mapped[list[Any]] = mapped_column(JSON, default=list)
    purpose: Mapped[str | None] = mapped_column(String(60))
    extractor_version: Mapped[str] = mapped_column(String(40))
    review_state: Mapped[str] = mapped_column(String(20), default="pending")


class StoryRow(Base):
    __tablename__ = "stories"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    # The rest of the story's dating (first and last report, what the date rests on).
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class AssertionRow(Base):
    __tablename__ = "assertions"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    weapon_name: Mapped[str | None] = mapped_column(String(200))
    weapon_category: Mapped[str | None] = mapped_column(String(40))
    actor_name: Mapped[str | None] = mapped_column(String(300))
    place_region: Mapped[str | None] = mapped_column(String(10))
    when_start: Mapped[dt.date | None] = mapped_column(Date)
    when_end: Mapped[dt.date | None] = mapped_column(Date)
    independent_origins: Mapped[int] = mapped_column(Integer, default=0)
    reliability: Mapped[str] = mapped_column(String(1), default="F")
    credibility: Mapped[int] = mapped_column(Integer, default=6)
    # What the columns do not hold: the full weapon, actor, place and time, the origins with
    # their paths, the reasons for the credibility grade (the JSON of `enduse.assess.report`).
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class AssertionClaimRow(Base):
    __tablename__ = "assertion_claims"
    assertion_id: Mapped[str] = mapped_column(ForeignKey("assertions.id", ondelete="CASCADE"), primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)


class DecisionRow(Base):
    """An analyst's decision about claims, assertions, stories or sources, with who and why.

    Kept apart from what the pipeline writes, and naming its targets by keys that survive a
    re-run, so re-running the pipeline applies it again instead of losing it.
    """

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(40))
    targets: Mapped[list[Any]] = mapped_column(JSON, default=list)
    value: Mapped[str | None] = mapped_column(String(200))
    who: Mapped[str] = mapped_column(String(200))
    why: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class TransferRow(Base):
    __tablename__ = "transfers"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    supplier: Mapped[str] = mapped_column(String(2), index=True)
    recipient: Mapped[str] = mapped_column(String(2), index=True)
    system: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(40))
    quantity: Mapped[int | None] = mapped_column(Integer)
    quantity_note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    ordered_start: Mapped[dt.date | None] = mapped_column(Date)
    ordered_end: Mapped[dt.date | None] = mapped_column(Date)
    delivered_start: Mapped[dt.date | None] = mapped_column(Date)
    delivered_end: Mapped[dt.date | None] = mapped_column(Date)
    package: Mapped[str | None] = mapped_column(Text)
    end_user_certificate: Mapped[str | None] = mapped_column(Text)
    serials: Mapped[str | None] = mapped_column(Text)
    citations: Mapped[list[Any]] = mapped_column(JSON, default=list)
    quantity_delivered: Mapped[int | None] = mapped_column(Integer)
    uncertain: Mapped[list[Any]] = mapped_column(JSON, default=list)
    notes: Mapped[str | None] = mapped_column(Text)


class ConditionRow(Base):
    __tablename__ = "conditions"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    supplier: Mapped[str] = mapped_column(String(2), index=True)
    recipient: Mapped[str | None] = mapped_column(String(2))
    system: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str | None] = mapped_column(String(40))
    permitted_territory: Mapped[list[Any]] = mapped_column(JSON, default=list)
    permitted_end_users: Mapped[list[Any]] = mapped_column(JSON, default=list)
    permitted_purposes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    excluded_systems: Mapped[list[Any]] = mapped_column(JSON, default=list)
    retransfer_requires_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text, default="")
    citation: Mapped[str] = mapped_column(Text, default="")


class FindingRow(Base):
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    assertion_id: Mapped[str | None] = mapped_column(ForeignKey("assertions.id", ondelete="CASCADE"))
    verdict: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    transfer_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    condition_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    missing: Mapped[list[Any]] = mapped_column(JSON, default=list)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str | None] = mapped_column(String(128))


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(40))
    assignee: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class AuditEventRow(Base):
    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    target: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


Index("ix_claims_type_weapon", ClaimRow.type, ClaimRow.weapon_name)
