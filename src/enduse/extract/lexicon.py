"""The extractor's word lists (data/lexicon.yaml), compiled once into regular expressions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from enduse.errors import InvalidCatalog
from enduse.model import ClaimType

LEXICON_FILE = Path(__file__).parent / "data" / "lexicon.yaml"


def phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: words on boundaries, `*` for any ending, flexible spacing and hyphens."""
    parts = []
    for word in phrase.strip().split():
        if word == "*":  # any one word: "rejected * claims"
            parts.append(r"[\w'’-]+")
            continue
        star = word.endswith("*")
        word = word.rstrip("*")
        sub = [re.escape(w) for w in re.split(r"-", word)]
        pat = r"[-\s]?".join(sub)
        parts.append(pat + (r"\w*" if star else ""))
    return r"(?<!\w)" + r"[\s-]+".join(parts) + r"(?!\w)"


_WORD = re.compile(r"\w+")


_WORDS_CACHE: dict[tuple[int, int, int], tuple[str, list[tuple[int, str]]]] = {}


def words_of(text: str, pos: int, end: int) -> list[tuple[int, str]]:
    """(start, lower-case word) for every word of text[pos:end]. A sentence is asked about by
    attribution and by every claim type's list, so its words are kept for a while (keyed by
    the string's identity, and checked, since ids are reused once a string is gone)."""
    key = (id(text), pos, end)
    hit = _WORDS_CACHE.get(key)
    if hit is not None and hit[0] is text:
        return hit[1]
    words = [(m.start(), m.group(0).lower()) for m in _WORD.finditer(text, pos, end)]
    if len(_WORDS_CACHE) > 4096:
        _WORDS_CACHE.clear()
    _WORDS_CACHE[key] = (text, words)
    return words


class PhraseList:
    """A word list compiled to one regular expression, with a cheap pre-check.

    Python's regex engine tries every alternative at every position, which made the trigger
    lists the slowest part of extraction. Most sentences contain none of a list's first
    words, so a set lookup on the sentence's words (and on word prefixes, for entries ending
    in `*`) rules them out before the regex runs.
    """

    def __init__(self, phrases: list[str]) -> None:
        # Longest first so that "nothing to do with" wins over "not" at the same position.
        ordered = sorted(set(phrases), key=len, reverse=True)
        self.pattern: re.Pattern[str] = re.compile("|".join(phrase_pattern(p) for p in ordered), re.IGNORECASE)
        self.always = False
        self.exact: set[str] = set()
        self.prefixes: dict[int, set[str]] = {}
        self._seen: dict[str, bool] = {}
        for p in ordered:
            first = re.split(r"[-\s]", p.strip(), maxsplit=1)[0].lower()
            if first in ("", "*"):
                self.always = True
            elif first.endswith("*"):
                stem = first.rstrip("*")
                self.prefixes.setdefault(len(stem), set()).add(stem)
            else:
                self.exact.add(first)

    def _starts(self, word: str) -> bool:
        """Can an entry start with this (lower-case) word? Memoised: news vocabulary repeats."""
        hit = self._seen.get(word)
        if hit is None:
            hit = word in self.exact or any(len(word) >= n and word[:n] in stems for n, stems in self.prefixes.items())
            if len(self._seen) > 500_000:
                self._seen.clear()
            self._seen[word] = hit
        return hit

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """Matches in text[pos:endpos], trying the regex only where a word could start an entry."""
        end = len(text) if endpos is None else endpos
        if self.always:
            yield from self.pattern.finditer(text, pos, end)
            return
        cursor = pos
        seen = self._seen
        for start, word in words_of(text, pos, end):
            if start < cursor:
                continue
            hit = seen.get(word)  # inlined: this loop runs for every word of every sentence and list
            if hit is None:
                hit = self._starts(word)
            if not hit:
                continue
            m = self.pattern.match(text, start, end)
            if m:
                yield m
                cursor = max(m.end(), start + 1)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        w = _WORD.match(text, pos)
        if not self.always and (w is None or not self._starts(w.group(0).lower())):
            return None
        return self.pattern.match(text, pos)


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[ClaimType, PhraseList]
    reporting: PhraseList
    hedges: PhraseList
    negations: PhraseList
    origin_suffixes: tuple[str, ...]
    supplier_suffixes: tuple[str, ...]
    anaphora: PhraseList
    origin_cues: PhraseList
    modals: PhraseList
    requests: PhraseList
    facility_nouns: PhraseList
    military_nouns: PhraseList
    military_noun_blockers: PhraseList
    reexport_cues: PhraseList
    any_state: PhraseList
    receive_verbs: PhraseList
    ammunition_for: PhraseList
    not_permissions: PhraseList
    conditional_modals: PhraseList
    naming_back: PhraseList
    office_of: PhraseList
    civil_modifiers: PhraseList
    use_words: PhraseList
    denying_verbs: PhraseList
    object_pronouns: PhraseList
    document_nouns: PhraseList


def _all_languages(section: Any, name: str) -> list[str]:
    if not isinstance(section, dict):
        raise InvalidCatalog(str(LEXICON_FILE), name, "must map language codes to lists")
    out: list[str] = []
    for lang, phrases in section.items():
        if not isinstance(phrases, list):
            raise InvalidCatalog(str(LEXICON_FILE), f"{name}.{lang}", "must be a list")
        out.extend(str(p) for p in phrases)
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and compile the lexicon. All languages are merged: a sentence is matched against all."""
    with LEXICON_FILE.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    triggers = {
        ClaimType(t): PhraseList(_all_languages(langs, f"triggers.{t}")) for t, langs in data["triggers"].items()
    }
    return Lexicon(
        triggers=triggers,
        reporting=PhraseList(_all_languages(data["reporting"], "reporting")),
        hedges=PhraseList(_all_languages(data["hedges"], "hedges")),
        negations=PhraseList(_all_languages(data["negations"], "negations")),
        origin_suffixes=tuple(data["origin_suffixes"]),
        supplier_suffixes=tuple(data["supplier_suffixes"]),
        anaphora=PhraseList(_all_languages(data["anaphora"], "anaphora")),
        origin_cues=PhraseList(_all_languages(data["origin_cues"], "origin_cues")),
        modals=PhraseList(_all_languages(data["modals"], "modals")),
        requests=PhraseList(_all_languages(data["requests"], "requests")),
        facility_nouns=PhraseList(_all_languages(data["facility_nouns"], "facility_nouns")),
        military_nouns=PhraseList(_all_languages(data["military_nouns"], "military_nouns")),
        military_noun_blockers=PhraseList(_all_languages(data["military_noun_blockers"], "military_noun_blockers")),
        reexport_cues=PhraseList(_all_languages(data["reexport_cues"], "reexport_cues")),
        any_state=PhraseList(_all_languages(data["any_state"], "any_state")),
        receive_verbs=PhraseList(_all_languages(data["receive_verbs"], "receive_verbs")),
        ammunition_for=PhraseList(_all_languages(data["ammunition_for"], "ammunition_for")),
        not_permissions=PhraseList(_all_languages(data["not_permissions"], "not_permissions")),
        conditional_modals=PhraseList(_all_languages(data["conditional_modals"], "conditional_modals")),
        naming_back=PhraseList(_all_languages(data["naming_back"], "naming_back")),
        office_of=PhraseList(_all_languages(data["office_of"], "office_of")),
        civil_modifiers=PhraseList(_all_languages(data["civil_modifiers"], "civil_modifiers")),
        use_words=PhraseList(_all_languages(data["use_words"], "use_words")),
        denying_verbs=PhraseList(_all_languages(data["denying_verbs"], "denying_verbs")),
        object_pronouns=PhraseList(_all_languages(data["object_pronouns"], "object_pronouns")),
        document_nouns=PhraseList(_all_languages(data["document_nouns"], "document_nouns")),
    )
