"""One matcher over every catalog: Aho–Corasick (pyahocorasick) on a squeezed text.

Names are matched case-insensitively and regardless of hyphens and spacing ("AT-4" = "AT4" =
"AT 4"): both the patterns and the text are reduced to their runs of letters and digits,
lower-cased and joined. A hit counts only where it starts and ends on run boundaries of the
original text (so "AT4" never matches inside "THAT4") and the characters between its runs
are spacing or joiners, not sentence punctuation. Short all-capital aliases ("US", "UK")
must be capitals in the text too, so the pronoun "us" is not the United States.

Overlapping hits resolve leftmost-longest; a span that several entries share keeps them all
as candidates (ambiguous names stay ambiguous).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

import ahocorasick

from enduse.knowledge.catalog import Knowledge
from enduse.model import Mention

_RUN = re.compile(r"[^\W_]+", re.UNICODE)
_JOINER = re.compile(r"^(?:[\s\-‐‑–—/'’]|\.(?!\s))*$")
_INITIAL_STOP = re.compile(r"^\.\s*$")  # "U.S. Army": a period after a single letter joins words
# Kinds in order of preference when one span names entries of several kinds.
KIND_ORDER = ("weapon", "weapon_class", "actor", "outlet", "group", "state", "state_adj", "state_metonym", "place")


def squeeze(text: str) -> str:
    return "".join(_RUN.findall(text.lower()))


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str
    entry_id: str
    case_sensitive: bool
    letters: str  # the alias's letters, for the case check


class Matcher:
    """Find catalog names in text. Build once per process (`build_matcher`) and reuse."""

    def __init__(self, automaton: Any) -> None:
        self._automaton = automaton

    def find(self, text: str) -> list[Mention]:
        runs = [(m.start(), m.end()) for m in _RUN.finditer(text)]
        if not runs:
            return []
        squeezed_parts: list[str] = []
        starts: list[int] = []  # squeezed start of each run
        pos = 0
        for a, b in runs:
            starts.append(pos)
            squeezed_parts.append(text[a:b].lower())
            pos += b - a
        squeezed = "".join(squeezed_parts)
        if len(squeezed) != pos:  # lower() changed a length (rare Unicode); fall back to no match
            return []
        start_index = {s: i for i, s in enumerate(starts)}
        hits: list[tuple[int, int, list[_Pattern]]] = []
        for end_inclusive, (length, patterns) in self._automaton.iter(squeezed):
            s, e = end_inclusive - length + 1, end_inclusive + 1
            first = start_index.get(s)
            if first is None:
                continue
            last = bisect_right(starts, e - 1) - 1
            if starts[last] + (runs[last][1] - runs[last][0]) != e:
                continue  # ends inside a run
            o_start, o_end = runs[first][0], runs[last][1]
            if any(not _joins(text, runs, i) for i in range(first, last)):
                continue
            span_letters = "".join(ch for ch in text[o_start:o_end] if ch.isalnum())
            ok = [p for p in patterns if not p.case_sensitive or span_letters == p.letters]
            if ok:
                hits.append((o_start, o_end, ok))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[Mention] = []
        last_end = -1
        for o_start, o_end, patterns in hits:
            if o_start < last_end:
                continue
            patterns = sorted(patterns, key=lambda p: KIND_ORDER.index(p.kind))
            best = patterns[0]
            candidates = tuple(dict.fromkeys(f"{p.kind}:{p.entry_id}" for p in patterns))
            out.append(
                Mention(
                    o_start,
                    o_end,
                    text[o_start:o_end],
                    best.kind,
                    best.entry_id,
                    candidates if len(candidates) > 1 else (),
                )
            )
            last_end = o_end
        return out


def _joins(text: str, runs: list[tuple[int, int]], i: int) -> bool:
    """May runs i and i+1 belong to one name? Spacing and hyphens join; a sentence stop does not."""
    gap = text[runs[i][1] : runs[i + 1][0]]
    if _JOINER.match(gap):
        return True
    return bool(_INITIAL_STOP.match(gap)) and runs[i][1] - runs[i][0] == 1


def _names(k: Knowledge) -> list[tuple[str, str, str]]:
    """(alias, kind, entry id) for every name in every catalog."""
    out: list[tuple[str, str, str]] = []
    for w in k.weapons.values():
        out += [(a, "weapon", w.id) for a in (w.name, *w.aliases)]
    for c in k.weapon_classes.values():
        out.append((c.phrase, "weapon_class", c.id))
    for s in k.states.values():
        out += [(a, "state", s.code) for a in s.names]
        out += [(a, "state_adj", s.code) for a in s.adjectives]
        out += [(a, "state_metonym", s.code) for a in s.metonyms]
    for g in k.groups.values():
        out += [(a, "group", g.id) for a in g.names]
    for p in k.places.values():
        out += [(a, "place", p.id) for a in p.names]
    for a in k.actors.values():
        out += [(x, "actor", a.id) for x in (a.name, *a.aliases)]
    for o in k.outlets.values():
        out += [(x, "outlet", o.id) for x in (o.name, *o.signatures)]
    return out


def build_matcher(k: Knowledge) -> Matcher:
    """Compile every catalog name into one automaton."""
    table: dict[str, dict[tuple[str, str], _Pattern]] = {}
    for alias, kind, entry_id in _names(k):
        key = squeeze(alias)
        if len(key) < 2:
            continue
        letters = "".join(ch for ch in alias if ch.isalnum())
        alpha = "".join(ch for ch in letters if ch.isalpha())
        # Short capitals ("US", "UK") and designations whose letters are capitals ("AS-90",
        # "T-72") must be capitals in the text too: "us", "as 90" are ordinary words.
        case_sensitive = alpha.isupper() and (len(key) <= 3 or (len(alpha) <= 3 and len(alpha) < len(letters)))
        variants = [(key, letters)]
        if kind in ("weapon", "weapon_class") and not key.endswith("s"):
            variants.append((key + "s", letters + "s"))  # plurals: "Javelins", "Leopard 2s", "T-72s"
        for k_, letters_ in variants:
            slot = table.setdefault(k_, {})
            prev = slot.get((kind, entry_id))
            # One entry may list an alias in capitals and in lower case: the lenient form wins.
            if prev is None or (prev.case_sensitive and not case_sensitive):
                slot[(kind, entry_id)] = _Pattern(kind, entry_id, case_sensitive, letters_)
    automaton = ahocorasick.Automaton()
    for key, slot in table.items():
        automaton.add_word(key, (len(key), list(slot.values())))
    automaton.make_automaton()
    return Matcher(automaton)
