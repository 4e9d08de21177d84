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
import string
from typing import Any

import ahocorasick

from enduse.knowledge.catalog import Knowledge
from enduse.knowledge.names import latinise_mixed, name_gaps, name_table, names, squeeze
from enduse.model import Mention

__all__ = ["KIND_ORDER", "Matcher", "build_matcher", "names", "squeeze"]

# What may stand between the words of one name anywhere: spacing, hyphens, slashes,
# apostrophes, and a period inside a word ("5.56"). Other gaps join only after a single letter
# and a period ("U.S. Army") or after a word that a catalog name writes with them (`name_gaps`).
_JOINER = re.compile(r"^(?:[\s\-‐‑–—/'’]|\.(?!\s))*$")
# Kinds in order of preference when one span names entries of several kinds.
KIND_ORDER = ("weapon", "weapon_class", "actor", "outlet", "group", "state", "state_adj", "state_metonym", "place")
_NO_SPLITS: frozenset[int] = frozenset()
_SEPARATORS = tuple(string.punctuation + "\n\t\r\x0b\x0c\xa0’‘“”—–«»…•·‐‑‒―′″€£°§©®™№‹›„‚\u200b\u2009\u202f×")


def _spaced(text: str) -> str:
    """`text` lower-cased with every non-alphanumeric character a space, at the same offsets."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer ("İ" -> "i̇"): keep its letter
        low = "".join(ch.lower()[0] for ch in text)
    low = latinise_mixed(low, text)
    # The usual separators first, each by one fast search; the character set of the whole text is
    # built only when something else is left (a rarer symbol), which is the slower path.
    for ch in _SEPARATORS:
        if ch in low:
            low = low.replace(ch, " ")
    if not low.replace(" ", "").isalnum():
        for ch in set(low):
            if ch != " " and not ch.isalnum():
                low = low.replace(ch, " ")
    return low


def _letters(span: str) -> str:
    """The letters and digits of a span, as written (for the capitals check)."""
    return span if span.isalnum() else "".join(ch for ch in span if ch.isalnum())


class Matcher:
    """Find catalog names in text. Build once per process (`build_matcher`) and reuse.

    The compiled state is kept in plain lists, strings and dicts rather than pattern objects so
    that unpickling it from the cache is quick: a slot's entries are one string ("kind:id" per
    line, best kind first), split only when a hit needs them.
    """

    def __init__(
        self,
        automaton: Any,
        lengths: list[int],
        labels: list[str],
        cased: dict[int, tuple[frozenset[str] | None, ...]],
        splits: dict[int, frozenset[int]],
        gaps: frozenset[tuple[str, str]],
    ) -> None:
        self._automaton = automaton  # squeezed name -> slot number
        self._lengths = lengths  # slot -> length of its squeezed name
        self._labels = labels  # slot -> "kind:id" lines, best kind first
        self._cased = cased  # slot -> per label, the capitals it must be written in (None: any)
        self._splits = splits  # slot -> offsets where the text may split the name (absent: none)
        self._gaps = gaps  # (lower-cased word, punctuation) that catalog names write between words
        # Slots whose every label needs its capitals: the capitals any of them accepts.
        self._strict = {
            slot: frozenset(letters for forms in need if forms is not None for letters in forms)
            for slot, need in cased.items()
            if None not in need
        }
        self._joins: dict[str, bool] = {}  # gap text -> does it join words of one name

    def __getstate__(self) -> tuple[Any, ...]:
        return self._automaton, self._lengths, self._labels, self._cased, self._splits, self._gaps

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.__init__(*state)  # type: ignore[misc]

    def find(self, text: str) -> list[Mention]:
        """Catalog mentions in `text`, leftmost-longest, with their offsets into `text`."""
        padded = f" {_spaced(text)} "  # a space each side: boundaries need no range checks
        lengths, strict = self._lengths, self._strict
        hits: list[tuple[int, int, int]] = []  # (start, -end, slot): sorts leftmost-longest first
        find = padded.find
        for end, slot in self._automaton.iter(padded, ignore_white_space=True):
            e = end + 1
            if padded[e] != " ":
                continue  # ends inside a word
            s = e - lengths[slot]
            if find(" ", s, e) != -1:  # spans several words: widen until it holds all its letters
                while (s2 := e - lengths[slot] - padded.count(" ", s, e)) != s:
                    s = s2
                if padded[s - 1] == " " and self._joined(text, padded, s, e, slot):
                    hits.append((s - 1, 1 - e, slot))
            elif padded[s - 1] == " ":  # one word, so its text is all letters and digits
                need = strict.get(slot)
                if need is None or text[s - 1 : e - 1] in need:
                    hits.append((s - 1, 1 - e, slot))
        hits.sort()
        out: list[Mention] = []
        last_end = -1
        for start, neg_end, slot in hits:
            end = -neg_end
            if start < last_end:
                continue
            labels = self._labels[slot].split("\n")
            by_label = self._cased.get(slot)
            if by_label is not None:
                letters = _letters(text[start:end])
                labels = [lab for lab, need in zip(labels, by_label, strict=True) if need is None or letters in need]
            kind, entry_id = labels[0].split(":", 1)
            out.append(Mention(start, end, text[start:end], kind, entry_id, tuple(labels) if len(labels) > 1 else ()))
            last_end = end
        return out

    def _joined(self, text: str, padded: str, s: int, e: int, slot: int) -> bool:
        """Do the word gaps of a hit fall where its name may split, and join one name; do its capitals fit?"""
        splits, offset, prev = self._splits.get(slot, _NO_SPLITS), 0, s
        gap = padded.find(" ", s, e)
        while gap != -1:
            gap_end = gap + 1
            while padded[gap_end] == " ":
                gap_end += 1
            offset += gap - prev
            between = text[gap - 1 : gap_end - 1]
            initial = gap - prev == 1 and between.strip() == "."  # "U.N.", "U. S."
            if offset not in splits and not (initial and between == "."):
                return False
            ok = self._joins.get(between)
            if ok is None:
                ok = self._joins[between] = bool(_JOINER.match(between))
            if not (ok or initial or (padded[prev:gap], between.strip()) in self._gaps):
                return False
            prev = gap_end
            gap = padded.find(" ", gap_end, e)
        need = self._cased.get(slot)
        if need is not None:
            letters = _letters(text[s - 1 : e - 1])
            return any(n is None or letters in n for n in need)
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
    labels: list[str] = []
    cased: dict[int, tuple[frozenset[str] | None, ...]] = {}
    splits: dict[int, frozenset[int]] = {}
    shared: dict[frozenset[int], frozenset[int]] = {}
    for slot, key in enumerate(keys):
        automaton.add_word(key, slot)
        lengths.append(len(key))
        pats = sorted(table[key].patterns.values(), key=lambda p: order[p[0]])
        labels.append("\n".join(f"{kind}:{entry_id}" for kind, entry_id, _, _ in pats))
        if any(p[2] for p in pats):
            cased[slot] = tuple(p[3] if p[2] else None for p in pats)
        if table[key].splits:
            s = frozenset(table[key].splits)
            splits[slot] = shared.setdefault(s, s)  # one object per distinct set keeps the pickle small
    automaton.make_automaton()
    return Matcher(automaton, lengths, labels, cased, splits, name_gaps(k, _JOINER))


def _char_rank(table: dict[str, Any]) -> dict[str, int]:
    """Characters by how common they are in names (a stand-in for how common in text)."""
    counts: dict[str, int] = {}
    for key in table:
        for ch in key:
            counts[ch] = counts.get(ch, 0) + 1
    return {ch: i for i, ch in enumerate(sorted(counts, key=lambda c: -counts[c]))}
