"""Who asserts a sentence, and whom they cite.

Patterns, in order:
- "according to X" / "as quoted by X": X;
- "X, citing Y, reported that ..." / "X said ..." / "X has repeatedly stated ...": the subject
  of the reporting verb, read backwards from the verb over auxiliaries and adverbs to a noun
  phrase of capitalised words, determiners and speaker nouns ("the source", "Ukrainian
  intelligence", "Prime Minister Alexander De Croo"); "citing Y" clauses become the chain;
- the inverted "..., says the source to the HLN" / "said X": the subject after the verb;
- a pronoun subject ("he added", "it said") takes the last named speaker;
- otherwise nothing: the caller falls back to the document's default claimant (its outlet,
  or whom it says it relays: "reported by X, writes Y").

A named person is reported by their catalog name ("Jens Stoltenberg"), which carries their
office in the actors catalog.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from enduse.extract.lexicon import Lexicon, words_of
from enduse.ingest.boilerplate import DATELINE
from enduse.knowledge import Knowledge
from enduse.model import Claimant, Mention

_DATA = Path(__file__).parent / "data" / "attribution.yaml"


@dataclass(frozen=True)
class _Words:
    pronouns: frozenset[str]
    auxiliaries: frozenset[str]
    speaker_nouns: frozenset[str]
    determiners: frozenset[str]
    time_words: frozenset[str]
    not_sources: frozenset[str]
    citing: re.Pattern[str]
    according: re.Pattern[str]
    citing_first: frozenset[str]
    according_first: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))

    def flat(key: str) -> frozenset[str]:
        return frozenset(w.lower() for lang in data[key].values() for w in lang)

    citing = "|".join(sorted((re.escape(w) for lang in data["citing"].values() for w in lang), key=len, reverse=True))
    according = "|".join(
        sorted((re.escape(w) for lang in data["according"].values() for w in lang), key=len, reverse=True)
    )

    def firsts(key: str) -> frozenset[str]:
        return frozenset(re.split(r"[\s']", w.lower(), maxsplit=1)[0] for lang in data[key].values() for w in lang)

    return _Words(
        pronouns=flat("pronouns"),
        auxiliaries=flat("auxiliaries"),
        speaker_nouns=flat("speaker_nouns"),
        determiners=flat("determiners"),
        time_words=flat("time_words"),
        not_sources=flat("not_sources"),
        citing=re.compile(rf",?\s*(?:{citing})\s+([^,;]+?)(?=,|;|\s+that\s|\s+said|\s+reported|\s+says|$)", re.I),
        according=re.compile(
            rf"(?:{according})\s+(?:a |an |the )?([^,;.]+?)(?=,|;|\.|$|\s+(?:is|are|was|were|will|has|have|the)\s)",
            re.I,
        ),
        citing_first=firsts("citing"),
        according_first=firsts("according"),
    )


_TOKEN = re.compile(r"[\w'’.-]+|[\"“”«»,;:()]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Attribution:
    claimant: Claimant | None


def _strip(text: str) -> str:
    return text.strip(" ,;:\"'“”‘’«»")


def _subject_before(clause: str) -> str | None:
    """The noun phrase that ends right before a reporting verb, or None."""
    w = _words()
    tokens: list[str] = _TOKEN.findall(clause)
    # Skip auxiliaries, adverbs and time words between subject and verb: "has repeatedly",
    # "on Monday", "also".
    while tokens and (tokens[-1].lower() in w.auxiliaries | w.time_words or tokens[-1].lower().endswith("ly")):
        tokens.pop()
    phrase: list[str] = []
    while tokens:
        t = tokens[-1]
        low = t.lower()
        if low in w.pronouns and not phrase:
            return t
        if low in w.auxiliaries or not t[0].isalnum():
            break
        if t[0].isupper() or low in w.speaker_nouns or (phrase and low in w.determiners | {"of", "for", "de", "von"}):
            phrase.insert(0, tokens.pop())
            continue
        if not phrase and len(tokens) > 1 and tokens[-2].lower() in w.speaker_nouns and t.isalpha():
            phrase.insert(0, tokens.pop())  # an adjective after its noun: "les médias britanniques"
            continue
        if phrase and phrase[0].lower() in w.speaker_nouns and t.isalpha() and t.islower():
            phrase.insert(0, tokens.pop())  # a word before its noun: "sanctions monitors", "political leaders"
            continue
        if low in _AND and phrase and len(tokens) > 1 and _names_someone([tokens[-2]]):
            phrase.insert(0, tokens.pop())  # "Russian political leaders and Interpol officials"
            continue
        break
    while phrase and phrase[0] in {"of", "for", "de", "von", "and"}:  # "De Croo" keeps its capital particle
        phrase.pop(0)
    return " ".join(phrase) if _names_someone(phrase) else None


_AND = {"and", "et", "und", "и", "і", "та"}


def _names_someone(phrase: list[str]) -> bool:
    """A phrase names a speaker if it has a proper name or a speaker noun, not only "This"."""
    w = _words()
    return any(
        (p[0].isupper() and p.lower() not in w.determiners | w.pronouns) or p.lower() in w.speaker_nouns for p in phrase
    )


def _subject_after(rest: str) -> str | None:
    """The subject of an inverted report: '..., says the source to the HLN.' → 'the source'."""
    w = _words()
    # "ТАСС." closing the sentence is "ТАСС"; "U.S." keeps its stops; a lone stop ends the phrase.
    tokens: list[str] = [
        t[:-1] if t.endswith(".") and t.count(".") == 1 and len(t) > 1 else t for t in _TOKEN.findall(rest)
    ]
    phrase: list[str] = []
    for i, t in enumerate(tokens[:8]):
        low = t.lower()
        if not phrase and low in w.pronouns:
            return t
        if low in w.determiners or t[0].isupper() or low in w.speaker_nouns or (phrase and low == "of"):
            phrase.append(t)
            continue
        if t.isalpha() and i + 1 < len(tokens) and tokens[i + 1].lower() in w.speaker_nouns:
            phrase.append(t)  # an adjective before its noun: "the regional broadcaster"
            continue
        break
    while phrase and phrase[-1].lower() in w.determiners | {"of"}:
        phrase.pop()
    return " ".join(phrase) if _names_someone(phrase) else None


def _person_in(span_start: int, span_end: int, mentions: list[Mention], k: Knowledge) -> str | None:
    for m in mentions:
        if m.kind == "actor" and span_start <= m.start and m.end <= span_end:
            entry = k.actors.get(m.entry_id)
            if entry is not None and entry.kind == "person":
                return entry.name
    return None


def attribute(
    sentence: str, offset: int, mentions: list[Mention], lex: Lexicon, k: Knowledge, last_speaker: str | None
) -> Attribution:
    """The claimant of one sentence, or None when it names nobody."""
    w = _words()
    present = {word for _, word in words_of(sentence, 0, len(sentence))}
    # The two phrase regexes are slow; run them only where one of their first words occurs.
    via = tuple(_strip(m.group(1)) for m in w.citing.finditer(sentence)) if present & w.citing_first else ()
    m = w.according.search(sentence) if present & w.according_first else None
    if m:
        name = _strip(m.group(1))
        person = _person_in(offset + m.start(1), offset + m.end(1), mentions, k)
        words = _TOKEN.findall(name)
        if name.lower() in w.pronouns and last_speaker:
            return Attribution(Claimant(last_speaker, via))  # "According to him, ..."
        if person or not words or words[-1] not in w.not_sources:
            return Attribution(Claimant(person or name, via))
        # "selon le modèle", "according to the plan": not a source
    quoted = _QUOTED_AS_SAYING.search(sentence)
    if quoted:
        # "..., CNN quoted Norwegian prime minister Jonas Gahr Store as saying": the speaker, via CNN.
        who = _strip(quoted.group("who"))
        source = _subject_before(sentence[: quoted.start()].rstrip(" ,"))
        person = _person_in(offset + quoted.start("who"), offset + quoted.end("who"), mentions, k)
        return Attribution(Claimant(person or who, (source,) if source else via))
    for rm in lex.reporting.finditer(sentence):
        if rm.group(0).lower() in ("citing", "quoting", "cited", "according to", "as quoted by", "as reported by"):
            continue
        if rm.group(0)[0].isupper() and rm.start() > 0:
            continue  # "the United States": a proper name, not the verb "states"
        before = w.citing.sub("", sentence[: rm.start()]).rstrip()
        # "..., says the source." / "..., сообщает РИА Новости.": the speaker after the verb.
        inverted = (
            _subject_after(sentence[rm.end() :]) if before.endswith(",") and _closes_sentence(sentence, rm) else None
        )
        found: str | None
        if inverted is not None:
            found = inverted
            start = rm.end() + sentence[rm.end() :].find(found)
        elif not before or before.rstrip(" ,").endswith(("”", '"', "’", "»")):
            found = _subject_after(sentence[rm.end() :])
            if found is None:
                continue
            start = rm.end() + sentence[rm.end() :].find(found)
        else:
            found = _subject_before(before.rstrip(" ,"))
            if found is None:
                continue
            start = before.rfind(found)
            if _state_acts(sentence, rm.end(), offset + start, offset + start + len(found), mentions):
                continue
        subject = found
        if subject.lower() in w.pronouns:
            if last_speaker:
                return Attribution(Claimant(last_speaker, via))
            continue
        a, b = offset + start, offset + start + len(subject)
        if any(m.kind in ("weapon", "weapon_class") and m.start < b and a < m.end for m in mentions):
            continue  # "BTR-80s were shown": a weapon is not a speaker
        person = _person_in(a, b, mentions, k)
        return Attribution(Claimant(person or _strip(subject), via))
    return Attribution(None)


_QUOTED_AS_SAYING = re.compile(r"\b(?:quoted|quotes|quoting)\s+(?P<who>[^,;]{3,80}?)\s+as\s+(?:saying|telling)\b", re.I)
_NP_OBJECT = re.compile(r"\s+(?:the|a|an|its|their|new|further|plans|\d)\b", re.I)


def _closes_sentence(sentence: str, rm: re.Match[str]) -> bool:
    """Does the sentence end a few words after the verb (an inverted report closes it)?"""
    return len(_TOKEN.findall(sentence[rm.end() :])) <= 8


def _state_acts(sentence: str, verb_end: int, a: int, b: int, mentions: list[Mention]) -> bool:
    """ "the United States announced the transfer of 31 tanks": a state announcing a thing of
    its own does it; it does not report someone's claim (a person or a ministry would)."""
    if not _NP_OBJECT.match(sentence, verb_end):
        return False
    return any(m.kind in ("state", "state_metonym") and a <= m.start and m.end <= b for m in mentions)


def after_leading_source(sentence: str) -> int:
    """Where the clause starts after a source named first ("According to Russian officials,
    they ..." -> the offset of "they"); 0 when the sentence opens with no such source."""
    m = _words().according.match(sentence)
    if m is None or not sentence[m.end(1) :].startswith(","):
        return 0
    return m.end(1) + 1 + len(sentence[m.end(1) + 1 :]) - len(sentence[m.end(1) + 1 :].lstrip())


_RELAYED = re.compile(
    r"(?:reported|published|written)\s+(?:in\s+(?:the\s+)?\w+\s+)?by\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})"
)


def document_claimant(text: str, outlet_name: str | None) -> Claimant | None:
    """The default claimant of a document: whom it says it relays ("reported by X", or a wire
    dateline "KYIV (Reuters) -" in a reprint), else its own outlet."""
    m = _RELAYED.search(text[:3000])
    if m:
        return Claimant(m.group(1).strip(), ())
    for paragraph in text[:3000].split("\n")[:6]:
        wire = DATELINE.match(paragraph.strip())
        if wire:
            return Claimant(wire.group("outlet").strip(), ())
    return Claimant(outlet_name, ()) if outlet_name else None
