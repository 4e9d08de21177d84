"""Attribution: who asserts a sentence and whom they cite (sentences written for these tests)."""

from __future__ import annotations

import pytest

from enduse.extract.attribution import attribute, document_claimant
from enduse.extract.lexicon import load_lexicon
from enduse.knowledge import cached_knowledge


@pytest.mark.parametrize(
    ("sentence", "claimant", "via"),
    [
        (
            "The Daily Ledger, citing two officials, reported that the howitzers had arrived.",
            "The Daily Ledger",
            ("two officials",),
        ),
        ("According to the regional governor, the depot was struck overnight.", "regional governor", ()),
        ("Defence officials said the shipment was delayed.", "Defence officials", ()),
        (
            "The Ministry of Defence has repeatedly stated that no such vehicles were lost.",
            "The Ministry of Defence",
            (),
        ),
        ('"The shells were old stock," says the source to the newspaper.', "the source", ()),
        ("The Netherlands has also confirmed the transfer.", "The Netherlands", ()),
    ],
)
def test_claimant_and_chain(sentence: str, claimant: str, via: tuple[str, ...]) -> None:
    c = attribute(sentence, 0, [], load_lexicon(), cached_knowledge(), None).claimant
    assert c is not None and c.text == claimant and c.via == via


def test_a_pronoun_speaker_takes_the_last_named_one() -> None:
    c = attribute('"We will not send more," she added.', 0, [], load_lexicon(), cached_knowledge(), "Jane Doe").claimant
    assert c is not None and c.text == "Jane Doe"


def test_a_sentence_without_a_speaker_has_no_claimant() -> None:
    assert attribute("The rifles arrived in crates.", 0, [], load_lexicon(), cached_knowledge(), None).claimant is None


def test_a_determiner_alone_is_not_a_speaker() -> None:
    c = attribute("This is shown in the delivery papers.", 0, [], load_lexicon(), cached_knowledge(), None)
    assert c.claimant is None


def test_document_claimant_prefers_the_relayed_outlet() -> None:
    c = document_claimant("It was reported by Morning Courier, writes Evening Star.", "Evening Star")
    assert c is not None and c.text == "Morning Courier"
    c = document_claimant("Plain text without a relay line.", "Evening Star")
    assert c is not None and c.text == "Evening Star"


def test_a_wire_dateline_names_the_relayed_source() -> None:
    c = document_claimant("WARSAW (Baltic Wire) - The first shipment arrived.\n\nMore text.", "Reprint Site")
    assert c is not None and c.text == "Baltic Wire"


def test_each_denier_claims_its_own_denial() -> None:
    import datetime as dt

    from enduse.extract import extract
    from enduse.model import DatePrecision, Document, PublishedDate

    doc = Document(
        id="d",
        text="Both Minsk and Tehran have denied sending drones to the front.",
        published=PublishedDate(dt.date(2024, 3, 1), DatePrecision.DAY, "t"),
        source="Some Outlet",
    )
    denials = [c for c in extract(doc, cached_knowledge()) if str(c.type) == "DENIAL"]
    assert sorted(c.claimant.text for c in denials if c.claimant) == ["Minsk", "Tehran"]


def _claimant(sentence: str) -> str | None:
    k = cached_knowledge()
    c = attribute(sentence, 0, k.matcher().find(sentence), load_lexicon(), k, None).claimant
    return c.text if c else None


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        # the speaker after the verb, closing the sentence
        ("Two depots were hit near the river, reports the regional broadcaster.", "the regional broadcaster"),
        ("Склад был уничтожен ночью, сообщает ТАСС.", "ТАСС"),
        # an adverb between the speaker and the verb, in Ukrainian
        ("Міністр оборони Петро Коваль офіційно підтвердив, що літаки прибули.", "Міністр оборони Петро Коваль"),
        # a French adjective after its noun, and a compound tense
        ("Les journaux allemands avaient rapporté que les chars étaient arrivés.", "Les journaux allemands"),
    ],
)
def test_speakers_in_other_positions(sentence: str, claimant: str) -> None:
    assert _claimant(sentence) == claimant


def test_quoted_as_saying_names_the_speaker_via_the_outlet() -> None:
    k = cached_knowledge()
    s = '"We will send two more batteries," the Daily Ledger quoted defence minister Anna Berg as saying.'
    c = attribute(s, 0, k.matcher().find(s), load_lexicon(), k, None).claimant
    assert c is not None and c.text == "defence minister Anna Berg" and c.via == ("the Daily Ledger",)


def test_a_state_announcing_a_transfer_does_it_rather_than_reports_it() -> None:
    assert _claimant("Portugal announced the transfer of six Leopard 2 tanks.") is None
    assert _claimant("Portugal announced that six Leopard 2 tanks had arrived.") == "Portugal"


def test_according_to_a_thing_is_no_source() -> None:
    assert _claimant("Les missiles ont une portée de 300 km, selon le modèle.") is None


@pytest.mark.parametrize("sentence", ["Tanks arrived, said .", "Tanks arrived, said", ", said . . ."])
def test_odd_punctuation_after_a_reporting_verb_is_no_speaker_and_no_error(sentence: str) -> None:
    assert _claimant(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        (
            "Security experts and Interpol officials alike have warned that rifles were resold.",
            "Security experts and Interpol officials",
        ),
        ("Czech political leaders said the shells had arrived.", "Czech political leaders"),
    ],
)
def test_coordinated_and_described_speakers(sentence: str, claimant: str) -> None:
    assert _claimant(sentence) == claimant


def test_according_to_a_pronoun_is_the_last_speaker() -> None:
    c = attribute(
        "According to him, the tanks arrived.", 0, [], load_lexicon(), cached_knowledge(), "Jane Doe"
    ).claimant
    assert c is not None and c.text == "Jane Doe"
