"""Sentence splitting keeps offsets and does not split at abbreviations."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from enduse.extract.sentences import split_sentences


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = 'Gen. Smith met U.S. officials on Monday. They agreed. J. Doe said "Yes." Then it ended.'
    assert [s.text for s in split_sentences(text)] == [
        "Gen. Smith met U.S. officials on Monday.",
        "They agreed.",
        'J. Doe said "Yes."',
        "Then it ended.",
    ]


def test_paragraph_breaks_end_sentences() -> None:
    text = "A heading without a stop\n\nThe body begins here. It goes on."
    assert [s.paragraph for s in split_sentences(text)] == [0, 1, 1]


@given(st.text(alphabet=st.sampled_from(list("abc ABC.!?\n\"'")), max_size=300))
def test_offsets_always_point_into_the_text(text: str) -> None:
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.text.strip() == s.text and s.text
