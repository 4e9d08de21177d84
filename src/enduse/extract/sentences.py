"""Sentences with character offsets into the clean text.

A rule-based splitter: paragraph breaks always end a sentence; inside a paragraph a sentence
ends at . ! ? … (with closing quotes) before a capital, a digit or an opening quote, unless
the word before the stop is a known abbreviation or a single initial ("U.S.", "Gen.", "J.").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"“«'‘(\[]?[A-ZÀ-ÝА-ЯІЇЄҐ0-9])")
_PARA = re.compile(r"\n\s*\n")
ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "st",
    "jr",
    "sr",
    "prof",
    "gov",
    "sen",
    "rep",
    "rev",
    "no",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "approx",
    "ca",
    "adm",
    "cmdr",
    "г",
    "гг",
    "им",
    "т.е",
    "т.д",
    "ул",
    "z.b",
    "bzw",
    "nr",
    "mme",
    "m",
}


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def _is_abbreviation(text: str, stop: int) -> bool:
    m = re.search(r"([\w.]+)$", text[max(0, stop - 30) : stop])
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(_paragraph_spans(text)):
        start = p_start
        for m in _BOUNDARY.finditer(text, p_start, p_end):
            if _is_abbreviation(text, m.start()):
                continue
            out.extend(_make(text, start, m.end(), p_index))
            start = m.end()
        out.extend(_make(text, start, p_end, p_index))
    return out


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _PARA.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _make(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Sentence(start, end, text[start:end], paragraph)] if end > start else []
