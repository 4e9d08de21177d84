"""Small builders for hand-made documents and claims in the assessment tests."""

from __future__ import annotations

import datetime as dt

from enduse.model import (
    ActorRef,
    Claim,
    Claimant,
    ClaimType,
    DatePrecision,
    DateSpan,
    Document,
    Evidence,
    PlaceRef,
    PublishedDate,
    WeaponRef,
)


def doc(doc_id: str, text: str, source: str | None = None, published: dt.date | None = None) -> Document:
    return Document(
        id=doc_id,
        text=text,
        source=source,
        published=PublishedDate(published, DatePrecision.DAY, "markup") if published else None,
    )


def claim(
    doc_id: str,
    type: ClaimType = ClaimType.USE,
    weapon: tuple[str | None, str | None] | None = ("FN SCAR", "rifle"),
    origin: str | None = "BE",
    actor: str | None = None,
    place: tuple[str | None, str | None] | None = ("RU", "RU-BEL"),
    when: tuple[dt.date, dt.date] | None = (dt.date(2023, 5, 22), dt.date(2023, 5, 31)),
    claimant: str | None = None,
    via: tuple[str, ...] = (),
    hedged: bool = False,
    negated: bool = False,
    evidence: str = "Belgian rifles were seen in Belgorod Oblast.",
    place_text: str | None = None,
) -> Claim:
    return Claim(
        doc_id=doc_id,
        type=type,
        evidence=Evidence(evidence, 0, len(evidence)),
        weapon=WeaponRef(weapon[0] or "weapons", weapon[0], weapon[1]) if weapon else None,
        origin=origin,
        actor=ActorRef(actor, actor) if actor else None,
        place=PlaceRef(place_text or place[1] or place[0] or "", place[0], place[1]) if place else None,
        when=DateSpan(when[0], when[1], "late May") if when else None,
        claimant=Claimant(claimant, via) if claimant else None,
        hedged=hedged,
        negated=negated,
    )
