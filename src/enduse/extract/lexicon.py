"""The extractor's word lists (data/lexicon.yaml), compiled once into regular expressions."""

from __future__ import annotations

import re
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


def compile_list(phrases: list[str]) -> re.Pattern[str]:
    # Longest first so that "nothing to do with" wins over "not" at the same position.
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile("|".join(phrase_pattern(p) for p in ordered), re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[ClaimType, re.Pattern[str]]
    reporting: re.Pattern[str]
    hedges: re.Pattern[str]
    negations: re.Pattern[str]
    origin_suffixes: tuple[str, ...]
    supplier_suffixes: tuple[str, ...]
    anaphora: re.Pattern[str]
    origin_cues: re.Pattern[str]
    modals: re.Pattern[str]
    requests: re.Pattern[str]
    facility_nouns: re.Pattern[str]


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
        ClaimType(t): compile_list(_all_languages(langs, f"triggers.{t}")) for t, langs in data["triggers"].items()
    }
    return Lexicon(
        triggers=triggers,
        reporting=compile_list(_all_languages(data["reporting"], "reporting")),
        hedges=compile_list(_all_languages(data["hedges"], "hedges")),
        negations=compile_list(_all_languages(data["negations"], "negations")),
        origin_suffixes=tuple(data["origin_suffixes"]),
        supplier_suffixes=tuple(data["supplier_suffixes"]),
        anaphora=compile_list(_all_languages(data["anaphora"], "anaphora")),
        origin_cues=compile_list(_all_languages(data["origin_cues"], "origin_cues")),
        modals=compile_list(_all_languages(data["modals"], "modals")),
        requests=compile_list(_all_languages(data["requests"], "requests")),
        facility_nouns=compile_list(_all_languages(data["facility_nouns"], "facility_nouns")),
    )
