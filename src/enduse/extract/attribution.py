"""Who asserts a sentence, and whom they cite.

Patterns, in order:
- "according to X" / "X, citing Y, reported" / "as quoted by X": X, with Y in the chain;
- "X said/told/stated/claimed/reported ..." (the reporting verb's subject, the nearest name or
  title before it), and the inverted "..., says X" / "said X";
- a quotation closed by "he added" / "she said" takes the last named speaker;
- otherwise the document's default claimant: the outlet, or whom the document says it relays
  ("reported by X, writes Y").

Names come from the catalog mentions where they can (a person gets their office from the
actors catalog); otherwise the capitalised phrase before the verb is used as it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from enduse.extract.lexicon import Lexicon
from enduse.knowledge import Knowledge
from enduse.model import Claimant, Mention

_PRONOUN = re.compile(r"^(?:he|she|they|it|il|elle|er|sie|он|она|они|він|вона|вони)$", re.IGNORECASE)
_CITING = re.compile(
    r",?\s*(?:citing|quoting|referring to|with reference to|со ссылкой на|з посиланням на)\s+"
    r"([^,;]+?)(?=,|;| that | said| reported| says|$)",
    re.IGNORECASE,
)
_ACCORDING = re.compile(
    r"(?:according to|as quoted by|as reported by|selon|laut|по словам|по данным|за словами|за даними)\s+"
    r"(?:a |an |the )?([^,;.]+?)(?=,|;|\.|$| the | is | are | was | were | will | has | have )",
    re.IGNORECASE,
)
# A capitalised phrase: the fallback name of a speaker ("The Washington Post", "Ukrainian intelligence").
_CAP_PHRASE = re.compile(
    r"((?:[A-ZА-ЯІЇЄҐ][\w'’.-]*|of|the|and|for|de|von|van|der|la)(?:\s+(?:[A-ZА-ЯІЇЄҐ][\w'’.-]*|of|the|and|for|de|von|van|der|la|[a-z]+\s+intelligence|intelligence|officials?|source|sources|spokes(?:man|woman|person)|minister|ministry|government|media|military|authorities))*)\s*$"
)
_NP_BEFORE = re.compile(r"((?:[\w'’.-]+\s+){0,6}[\w'’.-]+)\s*$")
_LEADING_JUNK = re.compile(
    r"^(?:earlier|previously|meanwhile|however|also|and|but|on \w+|last \w+|in \w+|quote)[,:]?\s+", re.IGNORECASE
)
PERSON_KINDS = {"person"}
SPEAKER_KINDS = {"actor", "outlet", "state", "state_metonym", "group"}


@dataclass(frozen=True, slots=True)
class Attribution:
    claimant: Claimant | None
    speaker_person: str | None  # a named person, remembered for a later "he added"


def _clean_name(text: str) -> str:
    text = text.strip(" ,;:\"'“”‘’«»")
    prev = None
    while prev != text:
        prev = text
        text = _LEADING_JUNK.sub("", text)
    return text.strip()


def _mention_before(mentions: list[Mention], pos: int, window: int = 90) -> Mention | None:
    best = None
    for m in mentions:
        if m.end <= pos and pos - m.end <= window and m.kind in (*SPEAKER_KINDS, "actor"):
            best = m
    return best


def _name_for(m: Mention, k: Knowledge) -> str:
    if m.kind == "actor" and m.entry_id in k.actors:
        return k.actors[m.entry_id].name
    if m.kind == "outlet" and m.entry_id in k.outlets:
        return k.outlets[m.entry_id].name
    return m.text


def attribute(
    sentence: str,
    offset: int,
    mentions: list[Mention],
    lex: Lexicon,
    k: Knowledge,
    last_person: str | None,
) -> Attribution:
    """The claimant of one sentence (None when the sentence names nobody)."""
    via: list[str] = [_clean_name(m.group(1)) for m in _CITING.finditer(sentence)]
    m = _ACCORDING.search(sentence)
    if m:
        name = _clean_name(m.group(1))
        rel = [x for x in mentions if x.start - offset >= m.start(1) and x.end - offset <= m.end(1)]
        person = next((_name_for(x, k) for x in rel if x.kind == "actor" and _is_person(x, k)), None)
        return Attribution(Claimant(person or name, tuple(via)), person)
    for rm in lex.reporting.finditer(sentence):
        verb = rm.group(0).lower()
        if verb in ("according to", "citing", "quoting", "cited", "as quoted by", "as reported by"):
            continue
        before = sentence[: rm.start()]
        # "..., says the source" / "said X": the subject follows the verb after a quote or comma.
        if before.rstrip().endswith((",", "”", '"', "’", "»")) or not before.strip():
            after = sentence[rm.end() :]
            subj = re.match(r"\s+((?:[\w'’.-]+\s*){1,6}?)(?=\s+(?:to|in|on|at|that|as)\b|[,.;]|$)", after)
            if subj:
                name = _clean_name(subj.group(1))
                if _PRONOUN.match(name):
                    if last_person:
                        return Attribution(Claimant(last_person, tuple(via)), last_person)
                    continue
                rel = [
                    x
                    for x in mentions
                    if x.start - offset >= rm.end() and x.end - offset <= rm.end() + len(subj.group(0))
                ]
                person = next((_name_for(x, k) for x in rel if _is_person(x, k)), None)
                return Attribution(Claimant(person or name, tuple(via)), person or last_person)
            continue
        clause = re.split(r"[,;:]\s*(?=[^,;:]*$)", before)[-1] if "," in before else before
        clause = _CITING.sub("", clause)
        np = _NP_BEFORE.search(clause.rstrip())
        if not np:
            continue
        name = _clean_name(np.group(1))
        if _PRONOUN.match(name.split()[-1] if name else ""):
            if last_person:
                return Attribution(Claimant(last_person, tuple(via)), last_person)
            continue
        mention = _mention_before(mentions, offset + rm.start())
        if mention is not None and mention.start - offset >= len(before) - len(clause) - 1:
            person = _name_for(mention, k) if _is_person(mention, k) else None
            cap = _CAP_PHRASE.search(clause.rstrip())
            text = person or (cap.group(1).strip() if cap and len(cap.group(1).split()) <= 8 else _name_for(mention, k))
            return Attribution(Claimant(_clean_name(text), tuple(via)), person or last_person)
        cap = _CAP_PHRASE.search(clause.rstrip())
        if cap and cap.group(1).strip() and cap.group(1).strip()[0].isupper():
            return Attribution(Claimant(_clean_name(cap.group(1)), tuple(via)), last_person)
        if name and len(name.split()) <= 6 and name[0].isupper():
            return Attribution(Claimant(name, tuple(via)), last_person)
    return Attribution(None, last_person)


def _is_person(m: Mention, k: Knowledge) -> bool:
    return m.kind == "actor" and m.entry_id in k.actors and k.actors[m.entry_id].kind in PERSON_KINDS


_RELAYED = re.compile(
    r"(?:reported|published|written)\s+(?:in\s+the\s+\w+\s+)?by\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})",
)


def document_claimant(text: str, outlet_name: str | None) -> Claimant | None:
    """The default claimant of a document: whom it says it relays, else its own outlet."""
    m = _RELAYED.search(text[:3000])
    if m:
        return Claimant(m.group(1).strip(), ())
    return Claimant(outlet_name, ()) if outlet_name else None
