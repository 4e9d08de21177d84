"""A generated corpus with a known story, copy and citation structure, for assessment tests and
the assessment benchmark.

Each story is one event: a catalog weapon seen or used by a catalog force at a catalog place on
one day. One to three *origins* report it first: an outlet's own reporting (sometimes citing
unnamed "intelligence officials") or an official's statement carried by an outlet. Around them:

- citing reports by other outlets, in English, French, German or Russian ("According to The
  Washington Post, ..."), some at two hops ("Le Monde, citing The Washington Post, ...");
- exact copies (the same text on another site), and near copies that add a line and sometimes
  drop the attribution;
- reposts: a near copy on an unrelated site dated 4 to 10 months later;
- sometimes a denial by the supplying government.

Every document carries the claims an ideal extractor would give it (an event claim, a
background transfer claim, the denial), so the truth is exact: the story of each document, the
event claims of each story, and how many independent origins they have. The text is the
generator's own: template sentences around catalog names and pseudo-words, so stories do not
share prose by accident. `generate(n)` is deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import random
import zlib
from dataclasses import dataclass, field

from enduse.assess.names import Names
from enduse.ingest.dedup import content_hash
from enduse.knowledge import Knowledge, cached_knowledge
from enduse.knowledge.catalog import ActorEntry, OutletEntry, PlaceEntry, WeaponEntry
from enduse.model import (
    ActorRef,
    Claim,
    Claimant,
    ClaimType,
    DatePrecision,
    DateSpan,
    Document,
    Evidence,
    PlaceRef,
    PublishedDate,
    WeaponRef,
)

START = dt.date(2022, 3, 1)
STORIES_PER_DAY = 2.0
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
}
LEADS = {
    "en": ("According to {src},", "{src} reported that"),
    "fr": ("Selon {src},",),
    "de": ("Laut {src}",),
    "ru": ("По данным {src},",),
}
EVENT = {
    "en": "{lead} {weapon} were {verb} by {actor} near {place} on {date}.",
    "fr": "{lead} des {weapon} ont été {verb} par {actor} près de {place} le {date}.",
    "de": "{lead} wurden {weapon} von {actor} bei {place} am {date} {verb}.",
    "ru": "{lead} {weapon} были {verb} {actor} под {place} {date}.",
}
VERBS = {
    ClaimType.USE: {"en": "used", "fr": "utilisés", "de": "eingesetzt", "ru": "использованы"},
    ClaimType.SIGHTING: {"en": "seen", "fr": "aperçus", "de": "gesichtet", "ru": "замечены"},
}
CITING = {
    "en": "{a}, citing {b}",
    "fr": "{a}, citant {b}",
    "de": "{a} unter Berufung auf {b}",
    "ru": "{a} со ссылкой на {b}",
}
ANONYMOUS = "intelligence officials"
SYLLABLES = [
    "ba",
    "be",
    "bo",
    "da",
    "de",
    "di",
    "do",
    "fa",
    "fe",
    "ga",
    "go",
    "ka",
    "ke",
    "ki",
    "ko",
    "la",
    "le",
    "li",
    "lo",
    "ma",
    "me",
    "mi",
    "mo",
    "na",
    "ne",
    "no",
    "pa",
    "pe",
    "po",
    "ra",
    "re",
    "ri",
    "ro",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "va",
    "ve",
    "vo",
    "za",
    "zo",
]


@dataclass
class Corpus:
    """Documents and claims, with the truth they were generated from."""

    documents: list[Document] = field(default_factory=list)
    claims: list[tuple[int, Claim]] = field(default_factory=list)
    story_of: dict[str, str] = field(default_factory=dict)  # document → true story
    event_claims: dict[str, set[int]] = field(default_factory=dict)  # story → its event claims
    origins: dict[str, int] = field(default_factory=dict)  # story → independent origins of its event
    reposts: set[str] = field(default_factory=set)
    copies: dict[str, str] = field(default_factory=dict)  # exact copy → original


@dataclass(frozen=True)
class _Vocab:
    weapons: list[WeaponEntry]
    places: list[tuple[PlaceEntry, str]]  # a place and its Cyrillic name
    forces: list[ActorEntry]
    outlets: list[OutletEntry]
    officials: list[ActorEntry]
    governments: dict[str, ActorEntry]
    words: list[str]


def _only(k: Knowledge, text: str, kind: str, entry_id: str) -> bool:
    return [(m.kind, m.entry_id) for m in k.matcher().find(text)] == [(kind, entry_id)]


def _vocab(k: Knowledge, rng: random.Random) -> _Vocab:
    """Catalog entries the matcher finds unambiguously, and pseudo-words it finds nothing in."""
    names = Names(k)
    weapons = [w for w in k.weapons.values() if w.origin and _only(k, w.name, "weapon", w.id)]
    places = []
    for p in k.places.values():
        if p.kind == "settlement" and p.country in ("UA", "RU") and _only(k, p.name, "place", p.id):
            cyrillic = [
                a for a in p.names if any("\u0400" <= ch <= "\u04ff" for ch in a) and _only(k, a, "place", p.id)
            ]
            places.append((p, cyrillic[0] if cyrillic else p.name))
    forces = [
        a
        for a in k.actors.values()
        if a.kind in ("unit", "armed forces", "irregular") and a.country and _only(k, a.name, "actor", a.id)
    ]
    outlets = [
        o
        for o in k.outlets.values()
        if _only(k, o.name, "outlet", o.id) and (n := names.party(o.name)) is not None and n.key == o.id
    ]
    officials = [a for a in k.actors.values() if a.kind == "person" and _only(k, a.name, "actor", a.id)]
    governments = {a.country: a for a in k.actors.values() if a.kind == "government" and a.country}
    words: set[str] = set()
    matcher = k.matcher()
    while len(words) < 4000:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if not matcher.find(w) and not matcher.find(w.capitalize()):
            words.add(w)
    return _Vocab(weapons, places, forces, outlets, officials, governments, sorted(words))


class _Writer:
    """Writes one story's documents and their claims into a corpus."""

    def __init__(self, corpus: Corpus, vocab: _Vocab, rng: random.Random) -> None:
        self.corpus, self.vocab, self.rng = corpus, vocab, rng

    def prose(self, pool: list[str], n: int) -> str:
        sentences = []
        for _ in range(n):
            words = [self.rng.choice(pool) for _ in range(self.rng.randint(8, 14))]
            sentences.append(" ".join(words).capitalize() + ".")
        return " ".join(sentences)

    def add(self, doc: Document, claims: list[Claim], story: str) -> None:
        self.corpus.documents.append(doc)
        self.corpus.story_of[doc.id] = story
        for c in claims:
            cid = len(self.corpus.claims) + 1
            self.corpus.claims.append((cid, c))
            if c.type in (ClaimType.USE, ClaimType.SIGHTING):
                self.corpus.event_claims.setdefault(story, set()).add(cid)


def _date_words(day: dt.date, lang: str) -> str:
    month = MONTHS[lang][day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang == "de" else f"{day.day} {month} {day.year}"


def _document(doc_id: str, text: str, source: str | None, published: dt.date, lang: str) -> Document:
    host = source or f"site{zlib.crc32(doc_id.encode()) % 997}.example"
    return Document(
        id=doc_id,
        text=text,
        url=f"https://{host}/news/{doc_id}",
        title=None,
        source=source,
        published=PublishedDate(published, DatePrecision.DAY, "markup"),
        language=lang,
        content_hash=content_hash(text),
    )


def generate(n_docs: int, seed: int = 7, knowledge: Knowledge | None = None) -> Corpus:
    """About `n_docs` documents in stories of 1–14 documents (see the module docstring)."""
    k = knowledge or cached_knowledge()
    rng = random.Random(seed)
    vocab = _vocab(k, rng)
    corpus = Corpus()
    writer = _Writer(corpus, vocab, rng)
    n_story = 0
    while len(corpus.documents) < n_docs:
        day = START + dt.timedelta(days=int(n_story / STORIES_PER_DAY))
        _story(writer, f"S{n_story:05d}", day)
        n_story += 1
    return corpus


def _story(w: _Writer, story: str, day: dt.date) -> None:
    rng, v = w.rng, w.vocab
    weapon = rng.choice(v.weapons)
    force = rng.choice(v.forces)
    place, place_ru = rng.choice(v.places)
    ctype = rng.choice((ClaimType.USE, ClaimType.SIGHTING))
    pool = rng.sample(v.words, 60)
    outlets = rng.sample(v.outlets, 12)
    n_origins = rng.choices((1, 2, 3), (5, 3, 2))[0]
    origins: list[tuple[str, str | None]] = []  # (name cited, anonymous source it cites)
    for i in range(n_origins):
        if rng.random() < 0.3:
            origins.append((rng.choice(v.officials).name, None))
        else:
            origins.append((outlets[i].name, ANONYMOUS if rng.random() < 0.5 else None))
    if len({o for o, _ in origins}) < len(origins):  # two origins drew the same official
        origins = list(dict.fromkeys(origins))
    w.corpus.origins[story] = len({o for o, _ in origins})
    weapon_ref = WeaponRef(weapon.name, weapon.name, weapon.category)
    written: list[tuple[Document, list[Claim]]] = []
    n = 0

    def write(lang: str, source: str | None, published: dt.date, claimant: Claimant | None, lead: str) -> None:
        nonlocal n
        doc_id = f"{story}-{n:02d}"
        n += 1
        where = place_ru if lang == "ru" else place.name
        verb = VERBS[ctype][lang]
        sentence = EVENT[lang].format(
            lead=lead, weapon=weapon.name, verb=verb, actor=force.name, place=where, date=_date_words(day, lang)
        )
        noise = f" {rng.choice(v.officials).name} commented on it." if rng.random() < 0.3 else ""
        text = f"{w.prose(pool, 2)} {sentence} {w.prose(v.words, 2)}{noise} Ukraine and Russia. {w.prose(pool, 1)}"
        start = text.index(sentence)
        evidence = Evidence(sentence, start, start + len(sentence))
        event = Claim(
            doc_id=doc_id,
            type=ctype,
            evidence=evidence,
            weapon=weapon_ref,
            origin=weapon.origin,
            actor=ActorRef(force.name, force.name),
            place=PlaceRef(where, place.country, None),
            when=DateSpan(day, day, _date_words(day, lang), "day"),
            claimant=claimant,
        )
        transfer = Claim(
            doc_id=doc_id,
            type=ClaimType.TRANSFER,
            evidence=evidence,
            weapon=weapon_ref,
            origin=weapon.origin,
            recipient="UA",
            claimant=claimant,
        )
        doc = _document(doc_id, text, source, published, lang)
        written.append((doc, [event, transfer]))
        w.add(doc, [event, transfer], story)

    for i, (name, anonymous) in enumerate(origins):
        outlet = outlets[i] if name == outlets[i].name else outlets[6 + i]
        claimant = Claimant(name, (anonymous,) if anonymous else ())
        src = f"{name}, citing {anonymous}" if anonymous else name
        write("en", outlet.id, day + dt.timedelta(days=rng.randint(0, 2)), claimant, LEADS["en"][1].format(src=src))
    for j in range(rng.choice((0, 1, 2, 3, 4))):
        lang = rng.choice(("en", "en", "fr", "de", "ru"))
        name, _ = rng.choice(origins)
        outlet = outlets[9 + j % 3]
        if rng.random() < 0.3:
            hop = outlets[3 + j % 3].name
            claimant, src = Claimant(hop, (name,)), CITING[lang].format(a=hop, b=name)
        else:
            claimant, src = Claimant(name), name
        write(
            lang,
            outlet.id,
            day + dt.timedelta(days=rng.randint(1, 10)),
            claimant,
            rng.choice(LEADS[lang]).format(src=src),
        )
    _copies(w, story, written, day)


def _copies(w: _Writer, story: str, written: list[tuple[Document, list[Claim]]], day: dt.date) -> None:
    """Exact copies, near copies (some dropping the attribution), reposts months later, a denial."""
    rng, v = w.rng, w.vocab
    originals = list(written)
    kinds = rng.choices(("exact", "near", "repost"), (2, 2, 1), k=rng.choice((0, 1, 2, 3)))
    for i, kind in enumerate(kinds):
        doc, claims = rng.choice(originals)
        copy_id = f"{story}-c{i}"
        text = doc.text
        drop = False
        if kind != "exact":  # a near copy: the same article with a line of the copying site's own
            text = f"{text} {' '.join(rng.sample(v.words, 3)).capitalize()}."
            drop = kind == "near" and rng.random() < 0.5
        later = rng.randint(120, 300) if kind == "repost" else rng.randint(0, 5)
        published = (doc.published.value if doc.published else day) + dt.timedelta(days=later)
        source = None if kind == "repost" else rng.choice(v.outlets).id
        copy = _document(copy_id, text, source, published, doc.language or "en")
        copied = [
            Claim(
                doc_id=copy_id,
                type=c.type,
                evidence=c.evidence,
                weapon=c.weapon,
                origin=c.origin,
                recipient=c.recipient,
                actor=c.actor,
                place=c.place,
                when=c.when,
                claimant=None if drop else c.claimant,
            )
            for c in claims
        ]
        w.add(copy, copied, story)
        if kind == "exact":
            w.corpus.copies[copy_id] = doc.id
        if kind == "repost":
            w.corpus.reposts.add(copy_id)
    if rng.random() < 0.2:
        event = originals[0][1][0]
        government = v.governments.get(event.origin or "")
        if government is not None:
            _denial(w, story, government, event, day)


def _denial(w: _Writer, story: str, government: ActorEntry, event: Claim, day: dt.date) -> None:
    doc_id = f"{story}-d"
    assert event.weapon is not None and event.place is not None
    sentence = f"The {government.name} denied that {event.weapon.name} it supplied were used near {event.place.text}."
    text = f"{w.prose(w.vocab.words, 2)} {sentence} {w.prose(w.vocab.words, 2)}"
    start = text.index(sentence)
    denial = Claim(
        doc_id=doc_id,
        type=ClaimType.DENIAL,
        evidence=Evidence(sentence, start, start + len(sentence)),
        weapon=event.weapon,
        origin=event.origin,
        actor=ActorRef(government.name, government.name),
        place=event.place,
        claimant=Claimant(government.name),
        negated=True,
    )
    doc = _document(doc_id, text, w.rng.choice(w.vocab.outlets).id, day + dt.timedelta(days=3), "en")
    w.add(doc, [denial], story)
