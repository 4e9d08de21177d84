"""Conversions between domain objects (`enduse.model`) and ORM rows (`tables`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from enduse.model import (
    ActorRef,
    Assertion,
    Claim,
    Claimant,
    ClaimType,
    Condition,
    DatePrecision,
    DateSpan,
    Decision,
    DecisionKind,
    Document,
    Evidence,
    Origin,
    PlaceRef,
    PublishedDate,
    ReviewState,
    Story,
    Transfer,
    WeaponRef,
)
from enduse.store.tables import (
    AssertionRow,
    ClaimRow,
    ConditionRow,
    DecisionRow,
    DocumentRow,
    StoryRow,
    TransferRow,
)


def document_to_row(doc: Document) -> DocumentRow:
    return DocumentRow(**document_values(doc))


def document_values(doc: Document) -> dict[str, Any]:
    """A document's column values, for an ORM row or a Core insert."""
    return {
        "id": doc.id,
        "input_name": doc.input_name,
        "url": doc.url,
        "title": doc.title,
        "source_key": doc.source,
        "published": doc.published.value if doc.published else None,
        "published_precision": str(doc.published.precision) if doc.published else None,
        "published_source": doc.published.source if doc.published else None,
        "retrieved": doc.retrieved,
        "language": doc.language,
        "text": doc.text,
        "content_hash": doc.content_hash,
        "raw_sha256": doc.raw_sha256,
        "duplicate_of": doc.duplicate_of,
        "near_duplicate_group": doc.near_duplicate_group,
        "story_id": doc.story,
    }


def row_to_document(row: DocumentRow) -> Document:
    published = None
    if row.published is not None:
        published = PublishedDate(
            row.published, DatePrecision(row.published_precision or "day"), row.published_source or ""
        )
    return Document(
        id=row.id,
        text=row.text,
        url=row.url,
        title=row.title,
        source=row.source_key,
        published=published,
        retrieved=row.retrieved,
        language=row.language,
        content_hash=row.content_hash,
        raw_sha256=row.raw_sha256,
        input_name=row.input_name,
        duplicate_of=row.duplicate_of,
        near_duplicate_group=row.near_duplicate_group,
        story=row.story_id,
    )


def claim_to_row(claim: Claim) -> ClaimRow:
    w, a, p, t, c = claim.weapon, claim.actor, claim.place, claim.when, claim.claimant
    return ClaimRow(
        document_id=claim.doc_id,
        type=str(claim.type),
        weapon_text=w.text if w else None,
        weapon_name=w.name if w else None,
        weapon_category=w.category if w else None,
        origin=claim.origin,
        supplier=claim.supplier,
        recipient=claim.recipient,
        actor_text=a.text if a else None,
        actor_name=a.name if a else None,
        place_text=p.text if p else None,
        place_country=p.country if p else None,
        place_region=p.region if p else None,
        when_start=t.start if t else None,
        when_end=t.end if t else None,
        when_text=t.text if t else None,
        when_resolution=t.resolution if t else None,
        claimant_text=c.text if c else None,
        claimant_via=list(c.via) if c else [],
        hedged=claim.hedged,
        negated=claim.negated,
        evidence_text=claim.evidence.text,
        evidence_start=claim.evidence.start,
        evidence_end=claim.evidence.end,
        scope=claim.scope,
        excluded=list(claim.excluded),
        purpose=claim.purpose,
        extractor_version=claim.extractor_version,
        review_state=str(claim.review),
    )


def row_to_claim(row: ClaimRow) -> Claim:
    weapon = (
        WeaponRef(row.weapon_text or "", row.weapon_name, row.weapon_category)
        if (row.weapon_text or row.weapon_name or row.weapon_category)
        else None
    )
    actor = ActorRef(row.actor_text or "", row.actor_name) if (row.actor_text or row.actor_name) else None
    place = (
        PlaceRef(row.place_text or "", row.place_country, row.place_region)
        if (row.place_text or row.place_country)
        else None
    )
    when = (
        DateSpan(row.when_start, row.when_end, row.when_text, row.when_resolution or "")
        if (row.when_start or row.when_end)
        else None
    )
    claimant = Claimant(row.claimant_text, tuple(row.claimant_via or ())) if row.claimant_text else None
    return Claim(
        doc_id=row.document_id,
        type=ClaimType(row.type),
        evidence=Evidence(row.evidence_text, row.evidence_start, row.evidence_end),
        weapon=weapon,
        origin=row.origin,
        supplier=row.supplier,
        recipient=row.recipient,
        actor=actor,
        place=place,
        when=when,
        claimant=claimant,
        hedged=row.hedged,
        negated=row.negated,
        scope=row.scope,
        excluded=list(row.excluded or []),
        purpose=row.purpose,
        extractor_version=row.extractor_version,
        review=ReviewState(row.review_state),
    )


def transfer_to_row(t: Transfer) -> TransferRow:
    return TransferRow(
        id=t.id,
        supplier=t.supplier,
        recipient=t.recipient,
        system=t.system,
        category=t.category,
        quantity=t.quantity,
        quantity_note=t.quantity_note,
        status=t.status,
        ordered_start=t.ordered.start if t.ordered else None,
        ordered_end=t.ordered.end if t.ordered else None,
        delivered_start=t.delivered.start if t.delivered else None,
        delivered_end=t.delivered.end if t.delivered else None,
        package=t.package,
        end_user_certificate=t.end_user_certificate,
        serials=t.serials,
        citations=list(t.citations),
        quantity_delivered=t.quantity_delivered,
        uncertain=list(t.uncertain),
        notes=t.notes,
    )


def row_to_transfer(r: TransferRow) -> Transfer:
    return Transfer(
        id=r.id,
        supplier=r.supplier,
        recipient=r.recipient,
        category=r.category,
        system=r.system,
        quantity=r.quantity,
        quantity_note=r.quantity_note,
        status=r.status,
        ordered=DateSpan(r.ordered_start, r.ordered_end) if (r.ordered_start or r.ordered_end) else None,
        delivered=DateSpan(r.delivered_start, r.delivered_end) if (r.delivered_start or r.delivered_end) else None,
        package=r.package,
        end_user_certificate=r.end_user_certificate,
        serials=r.serials,
        citations=list(r.citations or []),
        quantity_delivered=r.quantity_delivered,
        uncertain=list(r.uncertain or []),
        notes=r.notes,
    )


def condition_to_row(c: Condition) -> ConditionRow:
    return ConditionRow(
        id=c.id,
        kind=c.kind,
        supplier=c.supplier,
        recipient=c.recipient,
        system=c.system,
        category=c.category,
        permitted_territory=list(c.permitted_territory),
        permitted_end_users=list(c.permitted_end_users),
        permitted_purposes=list(c.permitted_purposes),
        excluded_systems=list(c.excluded_systems),
        retransfer_requires_consent=c.retransfer_requires_consent,
        valid_from=c.valid_from,
        valid_to=c.valid_to,
        status=c.status,
        summary=c.summary,
        citation=c.citation,
    )


def row_to_condition(r: ConditionRow) -> Condition:
    return Condition(
        id=r.id,
        kind=r.kind,
        supplier=r.supplier,
        recipient=r.recipient,
        system=r.system,
        category=r.category,
        permitted_territory=list(r.permitted_territory or []),
        permitted_end_users=list(r.permitted_end_users or []),
        permitted_purposes=list(r.permitted_purposes or []),
        excluded_systems=list(r.excluded_systems or []),
        retransfer_requires_consent=r.retransfer_requires_consent,
        valid_from=r.valid_from,
        valid_to=r.valid_to,
        status=r.status,
        summary=r.summary,
        citation=r.citation,
    )


# assessment ------------------------------------------------------------------------------


def _day(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _date(s: Any) -> dt.date | None:
    return dt.date.fromisoformat(s) if isinstance(s, str) and s else None


def _span_to_json(s: DateSpan | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"start": _day(s.start), "end": _day(s.end), "text": s.text, "resolution": s.resolution}


def _span_from_json(d: Any) -> DateSpan | None:
    if not isinstance(d, dict):
        return None
    return DateSpan(_date(d.get("start")), _date(d.get("end")), d.get("text"), d.get("resolution") or "")


def assertion_to_row(a: Assertion) -> AssertionRow:
    return AssertionRow(
        id=a.id,
        type=str(a.type),
        weapon_name=a.weapon.name if a.weapon else None,
        weapon_category=a.weapon.category if a.weapon else None,
        actor_name=a.actor.name if a.actor else None,
        place_region=a.place.region if a.place else None,
        when_start=a.when.start if a.when else None,
        when_end=a.when.end if a.when else None,
        independent_origins=a.independent_origins,
        reliability=a.reliability,
        credibility=a.credibility,
        detail={
            "weapon": asdict(a.weapon) if a.weapon else None,
            "origin": a.origin,
            "actor": asdict(a.actor) if a.actor else None,
            "place": asdict(a.place) if a.place else None,
            "when": _span_to_json(a.when),
            "origins": [o.to_json() for o in a.origins],
            "reasons": list(a.reasons),
        },
    )


def row_to_assertion(r: AssertionRow, claim_ids: list[int]) -> Assertion:
    d = r.detail or {}
    weapon, actor, place = d.get("weapon"), d.get("actor"), d.get("place")
    return Assertion(
        id=r.id,
        type=ClaimType(r.type),
        claim_ids=claim_ids,
        weapon=WeaponRef(**weapon) if weapon else None,
        actor=ActorRef(**actor) if actor else None,
        place=PlaceRef(**place) if place else None,
        when=_span_from_json(d.get("when")),
        independent_origins=r.independent_origins,
        reliability=r.reliability,
        credibility=r.credibility,
        origins=[
            Origin(
                key=o["key"],
                name=o["name"],
                docs=tuple(o.get("docs", ())),
                paths=tuple(tuple(p) for p in o.get("paths", ())),
                related=tuple(o.get("related", ())),
                reliability=o.get("reliability", "F"),
            )
            for o in d.get("origins", ())
        ],
        reasons=list(d.get("reasons", ())),
        origin=d.get("origin"),
    )


def story_to_row(s: Story) -> StoryRow:
    return StoryRow(
        id=s.id,
        date_start=s.date.start if s.date else None,
        date_end=s.date.end if s.date else None,
        detail={
            "first_reported": _day(s.first_reported),
            "last_reported": _day(s.last_reported),
            "date": _span_to_json(s.date),
        },
    )


def row_to_story(r: StoryRow, doc_ids: list[str]) -> Story:
    d = r.detail or {}
    return Story(
        id=r.id,
        doc_ids=doc_ids,
        date=_span_from_json(d.get("date")) or (DateSpan(r.date_start, r.date_end) if r.date_start else None),
        first_reported=_date(d.get("first_reported")),
        last_reported=_date(d.get("last_reported")),
    )


def decision_to_row(d: Decision) -> DecisionRow:
    row = DecisionRow(kind=str(d.kind), targets=list(d.targets), value=d.value, who=d.who, why=d.why)
    if d.at is not None:
        row.at = d.at
    return row


def row_to_decision(r: DecisionRow) -> Decision:
    at = r.at if r.at is None or r.at.tzinfo else r.at.replace(tzinfo=dt.UTC)  # SQLite drops the zone
    return Decision(DecisionKind(r.kind), tuple(r.targets or ()), r.who, r.why, r.value, at, r.id)
