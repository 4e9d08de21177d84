"""What the matcher finds: names however hyphenated and spaced, on word boundaries only, capitals
where they matter, offsets that point back into the text, the same after a pickle round trip."""

from __future__ import annotations

import pickle
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enduse.knowledge import Knowledge


def _found(knowledge: Knowledge, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind, m.entry_id) for m in knowledge.matcher().find(text)]


@pytest.mark.parametrize("text", ["an AT-4 launcher", "an AT4 launcher", "an AT 4 launcher", "two AT-4s"])
def test_hyphens_and_spacing_do_not_matter(knowledge: Knowledge, text: str) -> None:
    assert [(kind, entry) for _, kind, entry in _found(knowledge, text) if kind == "weapon"] == [("weapon", "at4")]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("THAT4 is not a weapon", "at4"),  # inside a word
        ("they told us about it", "US"),  # the pronoun, not the state
        ("it was as a rule quiet", "geonames:514706"),  # 'as a' is not the town of Osa
        ("he was about to go home", "TG"),  # 'to go' is not Togo
        ("the order was put in writing", "vladimir-putin"),  # 'put in' is not Putin
        ("a drone’s camera", "class:en:drones"),  # a possessive is not a plural
    ],
)
def test_words_are_not_names(knowledge: Knowledge, text: str, absent: str) -> None:
    assert absent not in {entry for _, _, entry in _found(knowledge, text)}


@pytest.mark.parametrize(
    ("text", "span", "entry"),
    [
        ("the US sent more", "US", "US"),
        ("U.S. Army units", "U.S. Army", "us-army"),
        ("a T-72B3 Obr. 2016 was hit", "T-72B3 Obr. 2016", "t-72b3"),
        ("ЗРК «Бук» сбит", "ЗРК «Бук", "buk"),  # a span ends on its last letter
        ("патроны 5,56 мм", "патроны 5,56 мм", "ammo-5-56mm"),
        ("a CVR(T) column", "CVR(T", "cvrt"),
        (
            "the Foreign, Commonwealth and Development Office said",
            "Foreign, Commonwealth and Development Office",
            "uk-fcdo",
        ),
        ("the MaxxPro MRAP", "MaxxPro MRAP", "maxxpro"),
    ],
)
def test_names_match_as_written(knowledge: Knowledge, text: str, span: str, entry: str) -> None:
    assert (span, entry) in {(t, e) for t, _, e in _found(knowledge, text)}


def test_a_sentence_stop_is_not_a_joiner(knowledge: Knowledge) -> None:
    """'Kyiv. Moscow' is two names, and 'New. York' none."""
    found = _found(knowledge, "It came from Kyiv. Moscow denied it.")
    assert [t for t, _, _ in found] == ["Kyiv", "Moscow"]


def test_a_dotted_capital_i_does_not_lose_the_text(knowledge: Knowledge) -> None:
    """Lower-casing 'İ' makes two characters; the offsets must still point into the text."""
    text = "Talks in İstanbul, then HIMARS fire near Kherson."
    found = knowledge.matcher().find(text)
    assert {m.entry_id for m in found} >= {"himars"}
    assert all(text[m.start : m.end] == m.text for m in found)


def test_leftmost_longest_with_candidates(knowledge: Knowledge) -> None:
    found = knowledge.matcher().find("Storm Shadow missiles and the Pentagon")
    assert [(m.text, m.entry_id) for m in found] == [
        ("Storm Shadow missiles", "storm-shadow"),
        ("the Pentagon", "us-dod"),
    ]
    assert found[1].candidates == ("actor:us-dod", "state_metonym:US")


def test_pickled_matcher_finds_the_same(knowledge: Knowledge) -> None:
    text = "Leopard 2A4 tanks from Germany reached Zaporizhzhia Oblast; the US Army sent HIMARS."
    copy = pickle.loads(pickle.dumps(knowledge.matcher()))
    assert copy.find(text) == knowledge.matcher().find(text)


WORDS = st.sampled_from(
    ["Leopard", "2A4", "AT-4", "U.S.", "Kyiv", "said", "«Бук»", "—", "T-72B3", "Obr.", "2016", "us", "as", "a", "İ"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(WORDS, st.sampled_from([" ", "", "-", ". ", ", ", "  "])), max_size=12))
def test_offsets_point_into_the_text(knowledge: Knowledge, parts: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in parts)
    found = knowledge.matcher().find(text)
    assert all(text[m.start : m.end] == m.text and m.text.strip() == m.text for m in found)
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_a_designation_typed_partly_in_cyrillic_is_found(knowledge: Knowledge) -> None:
    # "АМХ" below is written with the Cyrillic letters А, М and Х.
    found = {(m.text, m.entry_id) for m in knowledge.matcher().find("машиной \u0410\u041c\u0425-10RC и HIMARS-ов")}
    assert ("\u0410\u041c\u0425-10RC", "amx-10-rc") in found
    assert {e for _, e in found} == {"amx-10-rc", "himars"}  # the case ending "-ов" is no place
