"""Every name in the catalogs, reduced to the keys the matcher looks up.

A name's key is its runs of letters and digits, lower-cased and joined ("AT-4" -> "at4"), so the
text may hyphenate and space a name differently from the catalog. Two things about how a name
is written survive into its key's slot, so that this tolerance does not turn ordinary words
into names:

- where the name may be split: at its own spaces and hyphens, between letters and digits
  ("AT 4"), and at a lower-to-upper case change ("Maxx Pro"); never inside a plain word, so
  "as a" is not the town "Asa" nor "in a" the town "Ina";
- its capitals, for short all-capital names ("US", "T-72"), which the text must repeat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from enduse.knowledge.catalog import Knowledge

_RUN = re.compile(r"[^\W_]+", re.UNICODE)
# (kind, entry id, case-sensitive, the aliases' letters as written, for the case check)
Pattern = tuple[str, str, bool, frozenset[str]]


def squeeze(text: str) -> str:
    """The matching key of a name or text: its letters and digits, lower-cased, joined."""
    low = text.lower()
    if len(low) == len(text):
        low = latinise_mixed(low, text)
    return "".join(_RUN.findall(low))


# Cyrillic letters that look like Latin ones, lower case: Russian and Ukrainian texts often type
# a Western designation partly on a Cyrillic keyboard ("АМХ-10RC" with Cyrillic А, М, Х).
_HOMOGLYPHS = str.maketrans("авекмнорстухіј", "abekmhopctyxij")
_HAS_CYRILLIC = re.compile(r"[а-яёіїєґ]")
_MIXED_WORD = re.compile(r"\w+(?:[-‐‑]\w+)*")
_PART = re.compile(r"\w+")
_LATIN = re.compile(r"[a-z]")


def latinise_mixed(low: str, text: str) -> str:
    """Words written in both scripts, with the Cyrillic look-alikes read as Latin where every
    Cyrillic letter is one: within one word ("Lеopard" with a Cyrillic е), or a capitals part
    of a hyphenated designation ("АМХ-10RC"). A Russian case ending on a Western name ("HIMARS-ов") and words in one
    script ("Т-72" is Cyrillic by right) stay as they are."""
    if not (_HAS_CYRILLIC.search(low) and _LATIN.search(low)):
        return low
    out = low
    for m in _MIXED_WORD.finditer(low):
        word = m.group(0)
        if not (_LATIN.search(word) and _HAS_CYRILLIC.search(word)):
            continue
        for part in _PART.finditer(low, m.start(), m.end()):
            p = part.group(0)
            if not _HAS_CYRILLIC.search(p):
                continue
            fixed = p.translate(_HOMOGLYPHS)
            if _HAS_CYRILLIC.search(fixed):
                continue  # a Cyrillic word with a stray Latin letter ("Жодзiна") stays Cyrillic
            if _LATIN.search(p) or text[part.start() : part.end()].isupper():
                out = out[: part.start()] + fixed + out[part.end() :]
    return out


@dataclass(slots=True)
class NameSlot:
    """What one key stands for: the entries' patterns and where the text may split the key."""

    patterns: dict[tuple[str, str], Pattern] = field(default_factory=dict)
    splits: set[int] = field(default_factory=set)


def names(k: Knowledge) -> list[tuple[str, str, str]]:
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


def split_points(alias: str) -> set[int]:
    """Offsets into the alias's key where text may put a space or hyphen and still name it."""
    out: set[int] = set()
    pos = 0
    for run in _RUN.findall(alias):
        if pos:
            out.add(pos)  # the alias's own separators
        for j in range(1, len(run)):
            a, b = run[j - 1], run[j]
            if a.isdigit() != b.isdigit() or (a.islower() and b.isupper()):
                out.add(pos + j)
        pos += len(run)
    return out


def name_table(k: Knowledge) -> dict[str, NameSlot]:
    """Every matching key (squeezed name, plurals of weapons included) and what it stands for."""
    table: dict[str, NameSlot] = {}
    for alias, kind, entry_id in names(k):
        key = squeeze(alias)
        if len(key) < 2:
            continue
        letters = "".join(ch for ch in alias if ch.isalnum())
        alpha = "".join(ch for ch in letters if ch.isalpha())
        # Short capitals ("US", "UK") and designations whose letters are capitals ("AS-90",
        # "T-72") must be capitals in the text too: "us", "as 90" are ordinary words.
        case_sensitive = alpha.isupper() and (len(key) <= 3 or (len(alpha) <= 3 and len(alpha) < len(letters)))
        splits = split_points(alias)
        variants = [(key, letters)]
        if kind in ("weapon", "weapon_class") and not key.endswith("s"):
            variants.append((key + "s", letters + "s"))  # plurals: "Javelins", "Leopard 2s", "T-72s"
        for k_, letters_ in variants:
            slot = table.setdefault(k_, NameSlot())
            slot.splits |= splits
            prev = slot.patterns.get((kind, entry_id))
            # One entry may list an alias in capitals and in lower case: the lenient form wins;
            # two case-sensitive forms ("M1A2S", the plural "M1A2s") are both accepted.
            if prev is None or (prev[2] and not case_sensitive):
                slot.patterns[(kind, entry_id)] = (kind, entry_id, case_sensitive, frozenset({letters_}))
            elif prev[2] and case_sensitive:
                slot.patterns[(kind, entry_id)] = (kind, entry_id, True, prev[3] | {letters_})
    return table


def name_gaps(k: Knowledge, joins: re.Pattern[str]) -> frozenset[tuple[str, str]]:
    """(word, punctuation) pairs that catalog names write between two words, where `joins` would not join.

    "T-72B3 Obr. 2016", "ЗРК «Бук»", "5,56 мм", "CVR(T)": a period, a quote or a comma after these
    words is part of a name, while after any other word it ends a sentence or opens a quotation.
    """
    out: set[tuple[str, str]] = set()
    for alias, _, _ in names(k):
        runs = _RUN.finditer(alias)
        for a, b in pairwise(runs):
            between = alias[a.end() : b.start()]
            if not joins.match(between):
                out.add((a.group().lower(), between.strip()))
    return frozenset(out)
