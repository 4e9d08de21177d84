"""Case forms of Russian and Ukrainian class words."""

from __future__ import annotations

from enduse.knowledge import cached_knowledge
from enduse.knowledge.inflect import case_forms


def test_plural_class_words_get_their_case_forms() -> None:
    assert {"танков", "танкам", "танк"} <= set(case_forms("танки", "ru"))
    assert {"винищувачів", "винищувачами", "винищувач"} <= set(case_forms("винищувачі", "uk"))


def test_abbreviations_short_stems_phrases_and_other_languages_are_left_alone() -> None:
    assert case_forms("ПТРК", "ru") == []
    assert case_forms("мины", "ru") == []
    assert case_forms("бойові літаки", "uk") == []
    assert case_forms("tanks", "en") == []


def test_the_matcher_finds_an_inflected_class_word() -> None:
    [m] = cached_knowledge().matcher().find("поставка гаубицами")
    assert m.kind == "weapon_class" and m.text == "гаубицами"
