"""Claim assembly on sentences written for these tests, and offsets on real documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from enduse.extract import extract
from enduse.ingest import build_document, read_inputs
from enduse.knowledge import cached_knowledge
from enduse.model import ClaimType, DatePrecision, Document, PublishedDate
from tests.conftest import shared_path


def doc(text: str, published: dt.date | None = dt.date(2024, 3, 15)) -> Document:
    return Document(
        id="t", text=text, published=PublishedDate(published, DatePrecision.DAY, "test") if published else None
    )


def types(text: str) -> list[str]:
    return [str(c.type) for c in extract(doc(text), cached_knowledge())]


def test_one_claim_per_weapon_in_a_list() -> None:
    claims = extract(
        doc("Militants used Javelin missiles and NLAW launchers near the border on 2 March."), cached_knowledge()
    )
    uses = [c for c in claims if c.type == ClaimType.USE]
    assert sorted(c.weapon.name for c in uses if c.weapon) == ["Javelin", "NLAW"]
    assert all(c.when and c.when.start == dt.date(2024, 3, 2) for c in uses)


def test_a_permission_to_use_is_an_authorization_not_a_use() -> None:
    assert types("The government authorised the army to use its HIMARS launchers near the border.") == ["AUTHORIZATION"]


def test_hedging_scopes_over_what_follows() -> None:
    claims = extract(
        doc("The ministry will seek clarification over reports suggesting that its howitzers were used abroad."),
        cached_knowledge(),
    )
    by_type = {str(c.type): c for c in claims}
    assert by_type["INVESTIGATION"].hedged is False
    assert by_type["USE"].hedged is True


def test_a_denial_is_negated() -> None:
    [c] = [
        c
        for c in extract(doc("The alliance denied that its tanks were involved."), cached_knowledge())
        if c.type == ClaimType.DENIAL
    ]
    assert c.negated is True


def test_repeated_paragraphs_yield_each_claim_once() -> None:
    para = "Officials said the army received Leopard 2 tanks last week."
    once = extract(doc(para), cached_knowledge())
    twice = extract(doc(para + "\n\n" + para), cached_knowledge())
    assert [c.to_interchange()["type"] for c in twice] == [c.to_interchange()["type"] for c in once]


def test_a_sentence_without_weapons_makes_no_use_claim() -> None:
    assert "USE" not in types("The talks were used to discuss trade.")


def _real_documents() -> list[Document]:
    docs: list[Document] = []
    for path in (shared_path("seeds"), shared_path("dev", "articles.jsonl")):
        for item in read_inputs([Path(path)], 10_000_000):
            d = item if not hasattr(item, "data") else build_document(item)  # type: ignore[arg-type]
            if isinstance(d, Document):
                docs.append(d)
    return docs


def test_evidence_is_the_clean_text_at_its_offsets_for_every_claim_of_the_test_data() -> None:
    docs = _real_documents()
    assert len(docs) >= 30
    n = 0
    for d in docs:
        for c in extract(d, cached_knowledge()):
            assert d.text[c.evidence.start : c.evidence.end] == c.evidence.text
            n += 1
    assert n > 100


def test_extraction_is_deterministic() -> None:
    d = doc("Reports say Ukrainian troops fired HIMARS rockets at a bridge in Kherson Oblast on 3 March.")
    a = [c.to_interchange() for c in extract(d, cached_knowledge())]
    b = [c.to_interchange() for c in extract(d, cached_knowledge())]
    assert a == b and a


def test_states_listed_after_the_trigger_are_the_parties() -> None:
    claims = extract(
        doc(
            "Allies have sent long-range missiles to Kyiv. "
            "Governments that have publicly backed such strikes include Estonia, Canada and the Netherlands."
        ),
        cached_knowledge(),
    )
    auth = [c for c in claims if c.type == ClaimType.AUTHORIZATION]
    assert sorted(c.supplier for c in auth if c.supplier) == ["CA", "EE", "NL"]
    assert all(c.actor and c.actor.name and "overnment" in c.actor.name for c in auth)


def test_a_list_of_places_after_a_preposition_gives_one_claim_each() -> None:
    claims = extract(
        doc(
            "Officials said rifles from the aid shipments were resold on black markets in Poland, Romania and Moldova."
        ),
        cached_knowledge(),
    )
    places = sorted(c.place.country for c in claims if c.type == ClaimType.RETRANSFER and c.place and c.place.country)
    assert places == ["MD", "PL", "RO"]


def test_a_coordination_after_a_preposition_is_not_the_subject() -> None:
    claims = extract(
        doc("At a meeting with the leaders of Chad and Niger, the Nigerian president said weapons were smuggled."),
        cached_knowledge(),
    )
    assert all(c.supplier not in {"TD", "NE"} for c in claims)


def test_targets_and_platforms_are_not_the_weapons_used() -> None:
    claims = extract(
        doc("Rebels fired Kornet missiles at the port on 3 March, damaging two frigates."),
        cached_knowledge(),
    )
    used = {c.weapon.text for c in claims if c.type == ClaimType.USE and c.weapon}
    assert any("Kornet" in t for t in used)
    assert not any("frigate" in t for t in used)


def test_accusations_and_unofficial_data_are_hedged() -> None:
    claims = extract(doc("Lithuania has accused Minsk of transferring Grad rockets to Russia."), cached_knowledge())
    transfers = [c for c in claims if c.type == ClaimType.TRANSFER]
    assert transfers and all(c.hedged for c in transfers)


def test_the_state_allowed_to_use_is_not_the_author_of_the_permission() -> None:
    claims = extract(
        doc("Ukraine will be able to use the howitzers only within its own territory."), cached_knowledge()
    )
    auth = [c for c in claims if c.type == ClaimType.AUTHORIZATION]
    assert auth and all(c.supplier != "UA" for c in auth)


def test_suppliers_named_in_french_and_agents_of_gerunds() -> None:
    fr = extract(doc("L'Ukraine a utilisé des missiles SCALP fournis par la France."), cached_knowledge())
    assert any(c.supplier == "FR" for c in fr if c.type == ClaimType.USE)
    en = extract(doc("Officials accused Belarus of transferring Grad rockets to Russia."), cached_knowledge())
    assert any(c.supplier == "BY" for c in en if c.type == ClaimType.TRANSFER)


def test_an_unnamed_authority_can_investigate() -> None:
    claims = extract(
        doc('"Our customs agency has opened an investigation into the rifles," the minister told reporters.'),
        cached_knowledge(),
    )
    inv = [c for c in claims if c.type == ClaimType.INVESTIGATION]
    assert inv and inv[0].actor is not None and "agency" in inv[0].actor.text


def test_a_document_that_names_no_weapon_makes_no_claims() -> None:
    assert (
        extract(
            doc("The government denied the report and said it would investigate the allegations."), cached_knowledge()
        )
        == []
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry rejected Moscow's account of the downed howitzers.",
        "The government says it does not take sides and never sent howitzers to either army.",
        "Officials said reports that the howitzers were resold were fake.",
    ],
)
def test_denial_cues(sentence: str) -> None:
    assert "DENIAL" in types(sentence)
