"""One matcher over every catalog: Aho–Corasick (pyahocorasick) on a squeezed text.

Names are matched case-insensitively and regardless of hyphens and spacing ("AT-4" = "AT4" =
"AT 4"): a name is keyed by its runs of letters and digits, lower-cased and joined
(`names.py`), and the text is read the same way. A hit counts only where it starts and ends on
run boundaries of the original text (so "AT4" never matches inside "THAT4"), where the text
splits it only where the name may be split ("as a" is not the town "Asa"), and where the
characters between its runs are spacing or joiners, not sentence punctuation. Short
all-capital aliases ("US", "UK") must be capitals in the text too, so the pronoun "us" is not
the United States.

Overlapping hits resolve leftmost-longest; a span that several entries share keeps them all
as candidates (ambiguous names stay ambiguous).

Speed: the text is lower-cased and every character that is not a letter or digit becomes a
space, which keeps offsets equal to the original's; the automaton then runs with
`ignore_white_space`, so the squeezing happens inside its C loop and no per-word Python work
is done. Only the hits that end on a word boundary are looked at in Python.
"""

from __future__ import annotations

import re
from typing import Any

import ahocorasick

from enduse.knowledge.catalog import Knowledge
from enduse.knowledge.names import Pattern, name_gaps, name_table, names, squeeze
from enduse.model import Mention

__all__ = ["KIND_ORDER", "Matcher", "build_matcher", "names", "squeeze"]

_SPACES = re.compile(" +")
# What may stand between the words of one name anywhere: spacing, hyphens, slashes,
# apostrophes, and a period inside a word ("5.56"). Other gaps join only after a single letter
# and a period ("U.S. Army") or after a word that a catalog name writes with them (`name_gaps`).
_JOINER = re.compile(r"^(?:[\s\-‐‑–—/'’]|\.(?!\s))*$")
# Kinds in order of preference when one span names entries of several kinds.
KIND_ORDER = ("weapon", "weapon_class", "actor", "outlet", "group", "state", "state_adj", "state_metonym", "place")
_NO_SPLITS: frozenset[int] = frozenset()


def _spaced(text: str) -> str:
    """`text` lower-cased with every non-alphanumeric character a space, at the same offsets."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer ("İ" -> "i̇"): keep its letter
        low = "".join(ch.lower()[0] for ch in text)
    for ch in set(low):
        if ch != " " and not ch.isalnum():
            low = low.replace(ch, " ")
    return low


class Matcher:
    """Find catalog names in text. Build once per process (`build_matcher`) and reuse."""

    def __init__(
        self,
        automaton: Any,
        lengths: list[int],
        slots: list[tuple[Pattern, ...]],
        splits: list[frozenset[int]],
        gaps: frozenset[tuple[str, str]],
    ) -> None:
        self._automaton = automaton  # squeezed name -> slot number
        self._lengths = lengths  # slot -> length of its squeezed name
        self._slots = slots  # slot -> patterns, best kind first
        self._splits = splits  # slot -> offsets where the text may split the name
        self._gaps = gaps  # (lower-cased word, punctuation) that catalog names write between words
        self._cased = [any(p[2] for p in s) for s in slots]
        self._candidates = [tuple(dict.fromkeys(f"{p[0]}:{p[1]}" for p in s)) for s in slots]
        self._joins: dict[str, bool] = {}  # gap text -> does it join words of one name

    def __getstate__(self) -> tuple[Any, ...]:
        return self._automaton, self._lengths, self._slots, self._splits, self._gaps

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.__init__(*state)  # type: ignore[misc]

    def find(self, text: str) -> list[Mention]:
        """Catalog mentions in `text`, leftmost-longest, with their offsets into `text`."""
        padded = f" {_spaced(text)} "  # a space each side: boundaries need no range checks
        lengths = self._lengths
        hits: list[tuple[int, int, int]] = []
        for end, slot in self._automaton.iter(padded, ignore_white_space=True):
            e = end + 1
            if padded[e] != " ":
                continue  # ends inside a word
            length = lengths[slot]
            s = e - length
            if " " in padded[s:e]:  # spans several words: widen until it holds `length` letters
                while (s2 := e - length - padded.count(" ", s, e)) != s:
                    s = s2
            if padded[s - 1] == " " and self._accept(text, padded, s, e, slot):
                hits.append((s - 1, e - 1, slot))
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        out: list[Mention] = []
        last_end = -1
        for start, end, slot in hits:
            if start < last_end:
                continue
            pats, candidates = self._slots[slot], self._candidates[slot]
            if self._cased[slot]:
                letters = "".join(ch for ch in text[start:end] if ch.isalnum())
                pats = tuple(p for p in pats if not p[2] or letters in p[3])
                candidates = tuple(dict.fromkeys(f"{p[0]}:{p[1]}" for p in pats))
            out.append(
                Mention(start, end, text[start:end], pats[0][0], pats[0][1], candidates if len(candidates) > 1 else ())
            )
            last_end = end
        return out

    def _accept(self, text: str, padded: str, s: int, e: int, slot: int) -> bool:
        """Do the word gaps of a hit fall where its name may split, and join one name; do its capitals fit?"""
        if " " in padded[s:e]:
            prev, offset, splits = s, 0, self._splits[slot]
            for gap in _SPACES.finditer(padded, s, e):
                offset += gap.start() - prev
                between = text[gap.start() - 1 : gap.end() - 1]
                initial = gap.start() - prev == 1 and between.strip() == "."  # "U.N.", "U. S."
                if offset not in splits and not (initial and between == "."):
                    return False
                ok = self._joins.get(between)
                if ok is None:
                    ok = self._joins[between] = bool(_JOINER.match(between))
                if not (ok or initial or (padded[prev : gap.start()], between.strip()) in self._gaps):
                    return False
                prev = gap.end()
        if self._cased[slot]:
            letters = "".join(ch for ch in text[s - 1 : e - 1] if ch.isalnum())
            return any(not p[2] or letters in p[3] for p in self._slots[slot])
        return True


def build_matcher(k: Knowledge) -> Matcher:
    """Compile every catalog name into one automaton."""
    table = name_table(k)
    order = {kind: i for i, kind in enumerate(KIND_ORDER)}
    rank = _char_rank(table)
    # Keys go in with the most frequent characters first: pyahocorasick scans a node's children
    # in insertion order, so common letters are found sooner (about a fifth faster on news text).
    keys = sorted(table, key=lambda key: [rank[ch] for ch in key])
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    lengths: list[int] = []
    slots: list[tuple[Pattern, ...]] = []
    splits: list[frozenset[int]] = []
    shared: dict[frozenset[int], frozenset[int]] = {_NO_SPLITS: _NO_SPLITS}
    for key in keys:
        automaton.add_word(key, len(slots))
        lengths.append(len(key))
        slots.append(tuple(sorted(table[key].patterns.values(), key=lambda p: order[p[0]])))
        s = frozenset(table[key].splits)
        splits.append(shared.setdefault(s, s))  # one object per distinct set keeps the pickle small
    automaton.make_automaton()
    return Matcher(automaton, lengths, slots, splits, name_gaps(k, _JOINER))


def _char_rank(table: dict[str, Any]) -> dict[str, int]:
    """Characters by how common they are in names (a stand-in for how common in text)."""
    counts: dict[str, int] = {}
    for key in table:
        for ch in key:
            counts[ch] = counts.get(ch, 0) + 1
    return {ch: i for i, ch in enumerate(sorted(counts, key=lambda c: -counts[c]))}
