"""Claim assembly: from sentences, mentions, dates and attribution to typed claims.

For each sentence, the trigger words of each claim type (data/lexicon.yaml) say which claims
it may make; the roles around them (roles.py) fill the fields. One claim is made per weapon,
and per state where the text coordinates several ("made in Belgium and the Czech Republic",
"Norway and Finland authorised ..."). A sentence that only refers back ("These include ...",
"the weapons") takes the actor, place and time of the sentence before it. Hedging and
negation are read from cue words before the trigger, so that "will ask for clarification
over information suggesting that the weapons were used" is a plain INVESTIGATION and a
hedged USE.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from enduse.extract.attribution import after_leading_source, attribute, document_claimant
from enduse.extract.dates import DateMention, find_dates
from enduse.extract.lexicon import Lexicon, load_lexicon
from enduse.extract.parties import (
    agent_of_gerund,
    denier_subject,
    first_recipient,
    names_a_party,
    party_actors,
    recipient_of,
    retransfer_actor,
    state_code,
    subject_state,
    subjects_after,
    transfer_actor,
    user_actor,
)
from enduse.extract.reexports import apply_permissions, find_permissions
from enduse.extract.roles import Roles, WeaponSpan, read_roles
from enduse.extract.sentences import Sentence, split_sentences
from enduse.ingest.boilerplate import normalise
from enduse.knowledge import Knowledge
from enduse.model import (
    ActorRef,
    Claim,
    Claimant,
    ClaimType,
    DatePrecision,
    DateSpan,
    Document,
    Evidence,
    Mention,
    PlaceRef,
    WeaponRef,
)

EXTRACTOR_VERSION = "rules-0.1"

# Types that need a weapon in (or referred to by) the sentence.
WEAPON_TYPES = {ClaimType.USE, ClaimType.SIGHTING, ClaimType.TRANSFER, ClaimType.RETRANSFER, ClaimType.CAPTURE}
# Event types whose common trigger words ("launched", "seen") must stand near the weapon.
EVENT_TYPES = {ClaimType.USE, ClaimType.SIGHTING, ClaimType.CAPTURE}
# Types whose actor is the acting party (a government, an alliance), not the user of a weapon.
PARTY_TYPES = {ClaimType.AUTHORIZATION, ClaimType.INVESTIGATION, ClaimType.DENIAL}
_PURPOSES = [
    ("counter-battery", re.compile(r"counter[- ]battery|counter[- ]fire", re.I)),
    ("air defence", re.compile(r"air[- ]defen[cs]e|shoot down|intercept", re.I)),
    (
        "defence of territory",
        re.compile(
            r"defen[cd]\w*\s+(?:its|their|the)\s+(?:own\s+)?territory|protect\w*\s+(?:its|their)\s+territory", re.I
        ),
    ),
    ("strike", re.compile(r"\bstrikes?\b|long-range attacks", re.I)),
]
_EXCLUDE_CUE = re.compile(
    r"\b(?:except|excluding|other than|with the exception of|would not use|not to use|not use|not including)\b", re.I
)


@dataclass(slots=True)
class _Context:
    """What earlier sentences established, for sentences that refer back."""

    weapons: list[WeaponSpan] = field(default_factory=list)
    actor: ActorRef | None = None
    place: PlaceRef | None = None
    when: DateSpan | None = None


def _triggers(
    sentence: str, lex: Lexicon, weapon_spans: list[tuple[int, int]], state_starts: list[int] | None = None
) -> dict[ClaimType, int]:
    """Each claim type with the position of its first trigger that passes the filters:

    - not inside a weapon's name and not glued to a word before it ("Western-supplied");
    - USE, SIGHTING, CAPTURE and DENIAL: no modal or purpose word just before ("can be fired",
      "to deny");
    - TRANSFER: not in a relative clause that only describes the weapon ("the weapons that the
      West supplies"), unless it names who supplies them;
    - AUTHORIZATION: not the object of a request ("requested permission", "urged ... to allow");
    - types about a weapon: within reach of one (a trigger at the far end of a long sentence
      is about something else).
    """
    found: dict[ClaimType, int] = {}
    state_starts = state_starts or []
    for ctype, pattern in lex.triggers.items():
        for m in pattern.finditer(sentence):
            pos = m.start()
            if any(a <= pos < b for a, b in weapon_spans) or (pos > 0 and sentence[pos - 1] == "-"):
                continue
            if ctype in (ClaimType.USE, ClaimType.SIGHTING, ClaimType.CAPTURE, ClaimType.DENIAL) and _modal_before(
                sentence, pos, lex
            ):
                continue
            if ctype == ClaimType.TRANSFER and _describes_weapon(sentence, pos, m.end(), weapon_spans, state_starts):
                continue
            if ctype == ClaimType.TRANSFER and _asked_or_possible(sentence, pos, lex):
                continue
            if (
                ctype == ClaimType.TRANSFER
                and m.group(0).lower() in _LIGHT_VERBS
                and not any(a >= m.end() and _OBJECT_GAP.fullmatch(sentence[m.end() : a]) for a, _ in weapon_spans)
            ):
                continue  # "he gave no details": "give" transfers only weapons that are its object
            if ctype == ClaimType.AUTHORIZATION and lex.requests.search(sentence[max(0, pos - 40) : pos]):
                continue
            if ctype == ClaimType.AUTHORIZATION and _approves_transfer(sentence, pos, m.end(), lex):
                continue
            if ctype == ClaimType.AUTHORIZATION and lex.not_permissions.match(sentence, pos):
                continue  # "allows us to confirm"
            if ctype == ClaimType.SIGHTING and _paper_seen(sentence, pos, m.end(), lex):
                continue  # "a report seen by the Financial Times": read, not sighted
            if ctype == ClaimType.INVESTIGATION and _names_an_office(sentence, pos, lex):
                continue  # "the bureau of investigations": an office, not an inquiry
            if ctype in EVENT_TYPES and weapon_spans and min(_distance(pos, span) for span in weapon_spans) > 100:
                continue
            if ctype == ClaimType.AUTHORIZATION and not _about_weapons(sentence, pos, weapon_spans, lex):
                continue
            found[ctype] = pos
            break
    if ClaimType.USE in found and ClaimType.SIGHTING in found:
        del found[ClaimType.SIGHTING]  # they describe one event; use subsumes seeing
    auth = found.get(ClaimType.AUTHORIZATION)
    use = found.get(ClaimType.USE)
    if auth is not None and use is not None and use > auth:
        # "authorised Kyiv to use ... and hit targets", "does not approve of the use of": the
        # use is what is permitted or refused, part of the AUTHORIZATION claim.
        del found[ClaimType.USE]
    # "used Storm Shadow missiles supplied by Britain", "the F-16s transferred to it may be used
    # only ...": a participle that only says where the weapons came from is background to the
    # use or the condition the sentence reports. With a time adverb ("vehicles originally given
    # to Ukraine by ...") it tells an earlier event of its own, and stays.
    transfer = found.get(ClaimType.TRANSFER)
    if (
        transfer is not None
        and (ClaimType.USE in found or ClaimType.AUTHORIZATION in found)
        and any(b <= transfer and _BARE_PARTICIPLE_GAP.fullmatch(sentence[b:transfer]) for _, b in weapon_spans)
    ):
        del found[ClaimType.TRANSFER]
    return found


_BARE_PARTICIPLE_GAP = re.compile(r"\s+")


def _paper_seen(sentence: str, pos: int, end: int, lex: Lexicon) -> bool:
    if not re.match(r"\s+by\b", sentence[end : end + 6]):
        return False
    return lex.document_nouns.search(sentence, max(0, pos - 80), pos) is not None


def _names_an_office(sentence: str, pos: int, lex: Lexicon) -> bool:
    window = sentence[max(0, pos - 25) : pos]
    return any(not window[o.end() :].strip() for o in lex.office_of.finditer(window))


def _about_weapons(sentence: str, pos: int, weapon_spans: list[tuple[int, int]], lex: Lexicon) -> bool:
    """Is a permission word near a weapon or a word for using one? ("were not allowed to enter
    the court", far from the bombs the story is about, is not a condition on weapons.)"""
    if weapon_spans and min(_distance(pos, span) for span in weapon_spans) <= 150:
        return True
    return lex.use_words.search(sentence, max(0, pos - 80), pos + 80) is not None


# Verbs that mean a transfer only with weapons as their object ("gave Ukraine 31 tanks").
_LIGHT_VERBS = {"give", "gave", "giving"}
# Up to four words between such a verb and its object ("gave Ukraine 31 more"), none of them a
# word that makes the object something else ("gave no details about the HIMARS").
_OBJECT_GAP = re.compile(r"(?:\s+(?!(?:no|about|on|of|up|in|way|details|information)\b)[\w$.,'’-]+){0,4}\s+", re.I)


def _asked_or_possible(sentence: str, pos: int, lex: Lexicon) -> bool:
    """ "urged its allies to deliver", "could provide": a transfer asked for or only possible
    is not one reported or pledged."""
    window = sentence[max(0, pos - 60) : pos]
    asked = [r for r in lex.requests.finditer(window) if not r.group(0).lower().startswith("want")]
    if asked and re.search(r"\b(?:to|for|à|de|zu|чтобы|щоб)\s+(?:\w+\s+){0,2}$", window[asked[-1].end() :]):
        return True  # ("London wanted to deliver" reports an intention, which stays)
    near = sentence[max(0, pos - 25) : pos]
    return any(re.fullmatch(r"\s+(?:\w+\s+)?", near[c.end() :]) for c in lex.conditional_modals.finditer(near))


def _approves_transfer(sentence: str, cue_start: int, cue_end: int, lex: Lexicon) -> bool:
    """ "approved the sale of", "cleared the plans of Rheinmetall to sell": a government's
    consent to a transfer is the transfer decision, not a condition on use ("authorised Kyiv
    to use Western-supplied weapons" is one). Consent to another state passing the weapons on
    is read by reexports.py."""
    if not lex.reexport_cues.match(sentence, cue_start):
        return False
    transfer = lex.triggers[ClaimType.TRANSFER].search(sentence, cue_end, cue_end + 70)
    if transfer is None:
        return False
    between = sentence[cue_end : transfer.start()]
    return not lex.use_words.search(between) and lex.triggers[ClaimType.USE].search(between) is None


_RELATIVE_BEFORE = re.compile(r"\b(?:which|that|who)\s+(?:[\w'’]+\s+){0,4}$", re.I)
_RELATIVE_START = re.compile(r"^[\s,]*(?:which|that)\b", re.I)


def _describes_weapon(
    sentence: str, start: int, end: int, weapon_spans: list[tuple[int, int]], state_starts: list[int]
) -> bool:
    """A transfer verb in a relative clause on a weapon ("the weapons that the West supplies",
    "its own weapons, which it has supplied"), naming no state as the supplier ("tanks that
    London wanted to deliver" and "tanks provided by Poland" do report a transfer)."""
    m = _RELATIVE_BEFORE.search(sentence[max(0, start - 40) : start])
    if not m:
        return False
    rel = max(0, start - 40) + m.start()
    if not any(0 <= rel - b <= 3 and _RELATIVE_START.match(sentence[b:]) for _, b in weapon_spans):
        return False  # "reported that Britain would send": a complement clause, not a relative one
    if any(rel < p < start for p in state_starts):
        return False
    return not re.match(r"(?:\s+\w+){0,4}?\s+by\s", sentence[end : end + 40])


def _distance(pos: int, span: tuple[int, int]) -> int:
    a, b = span
    return 0 if a <= pos < b else (a - pos if pos < a else pos - b)


def _modal_before(sentence: str, pos: int, lex: Lexicon) -> bool:
    """A modal, purpose or condition word in the few words before the trigger."""
    window = sentence[max(0, pos - 25) : pos]
    if lex.hedges.search(window):
        return False  # "could have been used" reports a possible event: hedged, kept
    return bool(lex.modals.search(window))


def _hedged(sentence: str, trigger_pos: int, lex: Lexicon) -> bool:
    """A hedge scopes over what follows it: "information suggesting that X was used" hedges the
    use, not the request for clarification that came before it."""
    return any(m.start() < trigger_pos for m in lex.hedges.finditer(sentence))


def _negated(sentence: str, trigger_pos: int, ctype: ClaimType, lex: Lexicon) -> bool:
    if ctype == ClaimType.AUTHORIZATION:
        return False  # a permission refused is a restriction, which is still an AUTHORIZATION claim
    if ctype == ClaimType.DENIAL:
        return True  # what is denied is stated as not having happened
    window = sentence[max(0, trigger_pos - 30) : trigger_pos]
    return bool(lex.negations.search(window))


def _when(ds: list[DateMention], trigger_abs: int, reach: int, s: Sentence, lex: Lexicon) -> DateSpan | None:
    """The date nearest the trigger, if it stands within `reach` characters of it: in a long
    sentence a date far from the verb ("Speaking at a meeting last week, X said that ...
    were resold") dates something else. Two exceptions: a date that opens the sentence ("On
    Sunday, August 20, the authorities announced ...") dates all of it; a date beside a
    reporting verb ("X on Monday said", "announced Monday that") dates the statement, not
    what it reports. A date that could not be resolved (no publication date) is kept with its
    words, so that assessment can resolve it against its story."""
    ds = [d for d in ds if not _dates_statement(d, s, lex)]
    near = [d for d in ds if _distance(trigger_abs, (d.start, d.end)) <= reach]
    if not near:
        opening: list[DateMention] = []
        for d in ds:
            if d.start >= trigger_abs:
                break
            # "On Sunday, August 20, ...": dates in a row open the sentence together
            joined = opening and re.fullmatch(r"[\s,]*", s.text[opening[-1].end - s.start : d.start - s.start])
            if joined or (not opening and _opens(s.text[: d.start - s.start], lex)):
                opening.append(d)
        if opening and s.text[opening[-1].end - s.start :].lstrip().startswith(","):
            resolved = [d for d in opening if d.span.start or d.span.end] or opening
            return resolved[-1].span
        return None
    resolved = [d for d in near if d.span.start or d.span.end] or near
    return min(resolved, key=lambda d: _distance(trigger_abs, (d.start, d.end))).span


_OPENING = re.compile(r"[\s\-–—•]*(?:\w+\s+)?", re.I)  # "On Sunday, ...", "- On January 25, ...", "Le 11 juillet, ..."


def _opens(before: str, lex: Lexicon) -> bool:
    """Is a date this early in the sentence its opening ("On Sunday, ...", "As X reported, on
    Sunday, ...")?"""
    if _OPENING.fullmatch(before):
        return True
    lead, comma, rest = before.partition(",")
    return bool(comma) and lex.reporting.search(lead) is not None and _OPENING.fullmatch(rest) is not None


def _dates_statement(d: DateMention, s: Sentence, lex: Lexicon) -> bool:
    """Is the date beside a reporting verb: "Zelensky on Monday said", "announced Monday that",
    "ont rapporté vendredi que"?"""
    a, b = d.start - s.start, d.end - s.start
    after = s.text[b : b + 25]
    verb_after = lex.reporting.match(s.text, b + len(after) - len(after.lstrip())) if after[:1] == " " else None
    if verb_after is not None:
        return True
    before = s.text[max(0, a - 25) : a]
    verb = lex.reporting.search(before)
    return verb is not None and not before[verb.end() :].strip(" ,") and _CLAUSE_AFTER.match(s.text, b) is not None


_CLAUSE_AFTER = re.compile(r"[\s,]*(?:that|que|dass|что|що)\b|\s*[,:]\s*[\"“«]", re.I)


def _purpose(sentence: str) -> str | None:
    for name, pattern in _PURPOSES:
        if pattern.search(sentence):
            return name
    return None


def _excluded(sentence: str, weapons: list[WeaponSpan], offset: int) -> list[str]:
    cue = _EXCLUDE_CUE.search(sentence)
    if not cue:
        return []
    return [w.name for w in weapons if w.name and w.start - offset > cue.start()]


def _reference_date(document: Document) -> dt.date | None:
    """The date relative expressions resolve against: the publication date, or for a date
    known only to the month or year, the last day of it ("on 13 September" in a page dated
    "2023-09" is that September, not the one before)."""
    p = document.published
    if p is None:
        return None
    if p.precision == DatePrecision.MONTH:
        return p.value.replace(day=calendar.monthrange(p.value.year, p.value.month)[1])
    if p.precision == DatePrecision.YEAR:
        return p.value.replace(month=12, day=31)
    return p.value


def extract(document: Document, knowledge: Knowledge) -> list[Claim]:
    """All claims of one document, in text order, each with its evidence offsets."""
    lex = load_lexicon()
    text = document.text
    ref = _reference_date(document)
    day_known = document.published is not None and document.published.precision == DatePrecision.DAY
    mentions = knowledge.matcher().find(text)
    if not any(m.kind in ("weapon", "weapon_class") for m in mentions):
        # Every claim is about weapons, named in the sentence or in one it refers back to; a
        # document that names none (most of a news feed) has nothing to extract.
        return []
    sentences = split_sentences(text)
    outlet = knowledge.outlet_for(document.source, document.url)
    default = document_claimant(text, outlet.name if outlet else document.source)
    ctx = _Context()
    claims: list[Claim] = []
    seen: set[tuple[object, ...]] = set()
    attributions = _attributions(sentences, mentions, lex, knowledge)
    previous: set[tuple[ClaimType, str | None]] = set()
    last_claimant: Claimant | None = None
    # The captor and claimant of the last capture, while the sentences after it name weapons
    # with no trigger of their own.
    trophies: tuple[ActorRef | None, Claimant | None] | None = None
    claimant_at: dict[int, Claimant | None] = {}
    previous_start: int | None = None  # the last sentence that made claims, if it is the one before
    for s, own in zip(sentences, attributions, strict=True):
        ms = [m for m in mentions if s.start <= m.start and m.end <= s.end]
        refers_back = _refers_back(s.text, lex)
        # "These include ...": a sentence that only continues the one before is still told by
        # the same claimant.
        claimant = own if own is not None or not refers_back else last_claimant
        last_claimant = claimant if claimant is not None else last_claimant
        claimant_at[s.start] = claimant or default
        if not ms and not refers_back:
            continue  # no weapon, state, actor or reference back: no claim can be made here
        roles = read_roles(text, s, ms, lex, knowledge)
        found = _triggers(
            s.text,
            lex,
            [(w.start - s.start, w.end - s.start) for w in roles.weapons],
            [p - s.start for p, _, m in roles.states if m.kind != "state_adj"],
        )
        if not found and previous_start is not None and lex.naming_back.match(s.text.lstrip(" -–—•")):
            # "... tanks provided by Spain and Finland. These will be Leopard 2A6 versions.": the
            # system named here is what the sentence before called by its class.
            claims = _name_by_cataphora(claims, previous_start, roles.weapons)
        # Only weapons told apart by a name or an origin: "the weapons" refers back, it lists nothing.
        carried = not found and any(w.name or w.origins for w in roles.weapons) and trophies is not None
        if carried and trophies is not None:
            # "An exhibition of captured equipment will open ... It will show vehicles made in
            # the US, the UK ...": what follows a capture, with no verb of its own, lists trophies.
            found = {ClaimType.CAPTURE: 0}
            claimant = claimant or trophies[1]
        ds = find_dates(text, ref, s.start, s.end, day_known) if (found or roles.weapons) else []
        # "The occupiers are already using them to strike ...": a plural object pronoun in a
        # sentence of use that names no weapon stands for the weapons of the sentence before.
        pronoun = not roles.weapons and ClaimType.USE in found and lex.object_pronouns.search(s.text) is not None
        weapons = roles.weapons or (ctx.weapons if refers_back or pronoun else [])
        made: set[tuple[ClaimType, str | None]] = set()
        for ctype, pos in sorted(found.items(), key=lambda x: x[1]):
            new = _claims_for(
                ctype,
                pos,
                s,
                roles,
                weapons,
                ds,
                ctx,
                claimant or default,
                claimant is not None,
                lex,
                knowledge,
                document.id,
            )
            if carried and trophies is not None:
                new = _as_trophies(new, trophies[0], claims)
            for c in new:
                if _restates(c, previous) or _condition_subject(c, found) or _repeats_party(c, claims):
                    continue
                key = (c.type, c.weapon, c.origin, c.supplier, c.actor, c.place, normalise(c.evidence.text))
                if key not in seen:
                    seen.add(key)
                    claims.append(c)
                    made.add((c.type, c.weapon.category if c.weapon else None))
        previous = made
        previous_start = s.start if made else None
        _update_context(ctx, roles, ds)
        if found and not carried:
            capture = [c for c in claims if c.type == ClaimType.CAPTURE and c.evidence.start == s.start]
            trophies = (capture[0].actor, capture[0].claimant) if capture else None
    permissions = find_permissions(text, sentences, mentions, lex, knowledge)
    return _one_captor(apply_permissions(claims, permissions, claimant_at, knowledge))


def _name_by_cataphora(claims: list[Claim], sentence_start: int, named: list[WeaponSpan]) -> list[Claim]:
    """The claims of one sentence with a class-only weapon given the name of the system of that
    class that the next sentence names."""
    systems = {w.category: w for w in named if w.name}
    out = []
    for c in claims:
        w = systems.get(c.weapon.category) if c.weapon and c.weapon.name is None else None
        if c.evidence.start == sentence_start and c.weapon and w is not None:
            c = dataclasses.replace(c, weapon=WeaponRef(c.weapon.text, w.name, c.weapon.category))
        out.append(c)
    return out


def _one_captor(claims: list[Claim]) -> list[Claim]:
    """ "Trophy Leopards shown in Moscow ... equipment captured by Russian troops": where a
    document names one captor, its captures without one of their own are that captor's."""
    captors = {c.actor.name: c.actor for c in claims if c.type == ClaimType.CAPTURE and c.actor and c.actor.name}
    if len(captors) != 1:
        return claims
    [captor] = captors.values()
    return [
        dataclasses.replace(c, actor=captor) if c.type == ClaimType.CAPTURE and c.actor is None else c for c in claims
    ]


def _as_trophies(new: list[Claim], captor: ActorRef | None, earlier: list[Claim]) -> list[Claim]:
    """Captures carried over from the sentences before: by the same captor, and only of weapons
    not already claimed as captured ("besides the Leopard and Marder mentioned, ...")."""
    taken = {e.weapon.name for e in earlier if e.type == ClaimType.CAPTURE and e.weapon and e.weapon.name}
    return [
        c if c.actor is not None or captor is None else dataclasses.replace(c, actor=captor)
        for c in new
        if not (c.weapon and c.weapon.name in taken)
    ]


# "It is planned that ...", "It was reported on Monday that ...": an "it" that stands for the
# clause after it, not for weapons named before.
_EXPLETIVE_IT = re.compile(
    r"^(?:it|il|es|это|це)\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be|became|becomes|remains|seems|"
    r"appears|est|était|ist|war|wurde)\s+(?:\w+\s+){0,2}?(?:that|to|whether|how|when|if|que|dass|ob)\b",
    re.I,
)


def _refers_back(sentence: str, lex: Lexicon) -> bool:
    """Does the sentence open by referring to what the one before named ("These include ...",
    "According to officials, they were fired at ...")?"""
    rest = sentence[after_leading_source(sentence) :]
    return bool(lex.anaphora.match(rest)) and not _EXPLETIVE_IT.match(rest)


def _condition_subject(c: Claim, found: dict[ClaimType, int]) -> bool:
    """ "Weapons are delivered under the condition that ...", "the recipient may not resell
    it": with a condition in the sentence, a transfer or re-transfer of weapons in general is
    what the condition is about, not a claim of its own."""
    if ClaimType.AUTHORIZATION not in found or c.type not in (ClaimType.TRANSFER, ClaimType.RETRANSFER):
        return False
    return c.weapon is None or (c.weapon.name is None and c.weapon.category == "generic")


# A permission or an inquiry told again is the same standing fact; each denial is a statement
# of its own ("the UAE denied ...", later "a UAE official told the FT ..."), made by whoever
# speaks, so denials are not folded.
_RESTATED_TYPES = (ClaimType.AUTHORIZATION, ClaimType.INVESTIGATION)


def _repeats_party(c: Claim, earlier: list[Claim]) -> bool:
    """A party's investigation or permission told again later in the document, with no weapon
    of its own, is the same claim."""
    if c.type not in _RESTATED_TYPES or c.weapon is not None or c.actor is None or c.actor.name is None:
        return False
    return any(e.type == c.type and e.actor is not None and e.actor.name == c.actor.name for e in earlier)


_ANAPHORIC_WEAPON = re.compile(r"^(?:those|these|the|them|it|they|such)\b", re.I)


def _restates(c: Claim, previous: set[tuple[ClaimType, str | None]]) -> bool:
    """ "We captured those tanks" right after a sentence that claimed the capture of tanks:
    the same claim again, not a new one."""
    if c.weapon is None or not _ANAPHORIC_WEAPON.match(c.weapon.text):
        return False
    return (c.type, c.weapon.category) in previous


def _attributions(
    sentences: list[Sentence], mentions: list[Mention], lex: Lexicon, k: Knowledge
) -> list[Claimant | None]:
    """The claimant of each sentence; a quotation without one takes the speaker named where
    the same paragraph's quotation closes ("..., says the source")."""
    out: list[Claimant | None] = []
    speaker: str | None = None
    for s in sentences:
        ms = [m for m in mentions if s.start <= m.start and m.end <= s.end]
        att = attribute(s.text, s.start, ms, lex, k, speaker)
        out.append(att.claimant)
        if att.claimant is not None:
            speaker = att.claimant.text
    for i, s in enumerate(sentences):
        if out[i] is None and re.search(r"[\"“«]", s.text):
            for j in range(i + 1, min(i + 4, len(sentences))):
                if sentences[j].paragraph != s.paragraph:
                    break
                if out[j] is not None:
                    out[i] = out[j]
                    break
    return out


def _update_context(ctx: _Context, roles: Roles, ds: list[DateMention]) -> None:
    if roles.weapons:
        ctx.weapons = roles.weapons
    users = [a for _, a in roles.actors]
    if users:
        ctx.actor = users[0]
    if roles.places:
        ctx.place = roles.places[0][1]
    spans = [d.span for d in ds if d.span.start or d.span.end]
    if spans:
        ctx.when = spans[0]


def _claims_for(
    ctype: ClaimType,
    pos: int,
    s: Sentence,
    roles: Roles,
    weapons: list[WeaponSpan],
    ds: list[DateMention],
    ctx: _Context,
    claimant: Claimant | None,
    attributed: bool,
    lex: Lexicon,
    k: Knowledge,
    doc_id: str,
) -> list[Claim]:
    """The claims of one type that one sentence makes. `attributed` says whether the
    sentence names its own claimant (else `claimant` is the document's default)."""
    if ctype in WEAPON_TYPES and not weapons:
        return []
    if ctype in PARTY_TYPES and not (roles.states or roles.actors or weapons or names_a_party(s.text)):
        return []
    if ctype == ClaimType.AUTHORIZATION and not weapons and not lex.use_words.search(s.text):
        # "limits the group's ability to", "were not allowed to enter the court": a permission
        # or restriction is about weapons, or about using them.
        return []
    evidence = Evidence(s.text, s.start, s.end)
    refers_back = _refers_back(s.text, lex)
    # Events are dated by the clause around them; transfers, permissions and re-transfers only
    # by a date next to their verb (their sentences often date the statement instead).
    when = _when(ds, s.start + pos, 120 if ctype in EVENT_TYPES else 60, s, lex) or (
        ctx.when if refers_back and ctype in (ClaimType.USE, ClaimType.SIGHTING) else None
    )
    # The most specific place first: "into Russia's Belgorod region" is RU-BEL, not RU.
    places = sorted((p for _, p in roles.places), key=lambda p: p.region is None) or (
        [ctx.place] if ctx.place and (refers_back or ctype in EVENT_TYPES) else []
    )
    base = dict(
        doc_id=doc_id,
        type=ctype,
        evidence=evidence,
        claimant=claimant,
        hedged=_hedged(s.text, pos, lex),
        negated=_negated(s.text, pos, ctype, lex),
        when=when,
        extractor_version=EXTRACTOR_VERSION,
    )
    out: list[Claim] = []
    if ctype in PARTY_TYPES:
        parties = party_actors(roles, pos, s.start, k, nearest=ctype == ClaimType.DENIAL)
        weapon = weapons[0] if weapons else None
        party_codes = {m.entry_id for _, _, m in roles.states if m.text in {a.text for a in parties}}
        recipient = recipient_of(roles, s.text, s.start, party_codes)
        actors: list[ActorRef | None] = [*parties] or [None]
        for actor in actors:
            supplier = next((c for _, c, m in roles.states if actor and m.text == actor.text), None)
            if supplier is None and actor is not None:
                supplier = state_code(actor.name, k)
            if supplier is None and weapon and weapon.origins:
                supplier = weapon.origins[0]
            origin = weapon.origins[0] if weapon and weapon.origins else None
            if origin is None and weapon is not None and _POSSESSIVE.match(weapon.text):
                origin = supplier  # "its weapons", "their arms": the party's own
            if origin is None and ctype == ClaimType.AUTHORIZATION and (weapon is None or weapon.name is None):
                # A supplier that sets conditions sets them on what it supplies.
                origin = supplier
            fields = dict(base)
            if (
                ctype == ClaimType.DENIAL
                and actor is not None
                and (not attributed or denier_subject(s.text, actor, pos, lex))
            ):
                # "Both Moscow and Pyongyang have denied ...", "officials said ..., though Tehran
                # has denied it": each denier asserts its own denial.
                fields["claimant"] = Claimant(actor.text, ())
            out.append(
                Claim(
                    **fields,  # type: ignore[arg-type]
                    weapon=_ref(weapon),
                    origin=origin,
                    supplier=supplier,
                    recipient=recipient if recipient != supplier else None,
                    actor=actor,
                    place=places[0] if places and ctype != ClaimType.INVESTIGATION else None,
                    scope=s.text[pos:].strip() if ctype == ClaimType.AUTHORIZATION else None,
                    excluded=_excluded(s.text, weapons, s.start) if ctype == ClaimType.AUTHORIZATION else [],
                    purpose=_purpose(s.text) if ctype == ClaimType.AUTHORIZATION else None,
                )
            )
        return out
    if ctype == ClaimType.TRANSFER:
        user = transfer_actor(roles, pos, s.start)
    elif ctype == ClaimType.RETRANSFER:
        user = retransfer_actor(roles, pos, s.start, k)
    elif refers_back and ctx.actor is not None and not [a for _, a in roles.actors if a.name not in roles.parties]:
        user = ctx.actor  # "These include ...": the users of the sentence before
    else:
        user = user_actor(roles, pos, s.start, k, weapons) or (ctx.actor if refers_back else None)
    recipient = recipient_of(roles, s.text, s.start, set())
    # A transfer's supplier, when no "supplied by X" names it, is the state that acts in the
    # sentence: "Norway will donate ...", "the German government approved the sale ...".
    subject_suppliers = (
        [a.name for a in party_actors(roles, pos, s.start, k, reach=80)] if ctype == ClaimType.TRANSFER else []
    )
    subject_codes = [c for c in (state_code(n, k) for n in subject_suppliers) if c]
    if ctype == ClaimType.TRANSFER and lex.receive_verbs.match(s.text, pos):
        # "Russia received drones from Iran": the subject of a verb of receiving is the recipient.
        receiver = subject_state(roles, s.text, s.start, pos)
        if receiver is not None:
            recipient, subject_codes = receiver, []
    if ctype == ClaimType.TRANSFER:
        subject_codes = [c for c in subject_codes if c != recipient]  # "Україні" (to Ukraine) is no subject
    if ctype == ClaimType.TRANSFER and not subject_codes and not any(w.suppliers for w in weapons):
        # "винищувачі F-16 Україні зобов'язались надати Бельгія та Норвегія": a subject after the verb.
        subject_codes = subjects_after(roles, s.text, s.start, pos, recipient, weapons)
    gerund_agent = agent_of_gerund(roles, pos, s.start) if ctype == ClaimType.TRANSFER else None
    if gerund_agent:
        subject_codes = [gerund_agent]  # "accused North Korea of transferring": North Korea supplies
    if ctype == ClaimType.RETRANSFER and not any(w.suppliers for w in weapons):
        # "weapons sent to Ukraine have made their way to ...": the state that received them passes them on.
        first_holder = first_recipient(roles, s.text, s.start, lex)
        subject_codes = [first_holder] if first_holder else []
        if first_holder is not None and recipient == first_holder:
            recipient = None  # it received them first; where they went next is another state
    attached = _weapon_before(weapons, s.start + pos, s.text, s.start)
    chosen = [attached] if attached else weapons
    if ctype in EVENT_TYPES:
        chosen = _instruments(chosen, s, pos) or chosen
    for w in chosen:
        catalog_origin = _catalog_origin(w, k)
        rec = w.recipient or recipient
        # The state that receives is never its own supplier ("Ukraine received HIMARS").
        named = w.suppliers or subject_codes
        if not named and ctype == ClaimType.TRANSFER and w.origins:
            named = w.origins[:1]  # "donate Norwegian F-16s": the state whose weapons they are
        suppliers: list[str | None] = [c for c in named if c != rec] or [None]
        if ctype == ClaimType.RETRANSFER and w.suppliers:
            suppliers = [None]  # "rifles supplied by Belgium were resold": Belgium did not resell them
        elif ctype == ClaimType.RETRANSFER:
            suppliers = [c for c in subject_codes if c != rec] or [None]
        if ctype == ClaimType.TRANSFER:
            # The origin of a transferred item is the state that made or supplied it: what the
            # text says, else the supplier, else where the catalog says the system is made.
            pairs = [(w.origins[0] if w.origins else (sup or catalog_origin), sup) for sup in suppliers]
        elif w.suppliers and not w.origins:
            # "vehicles given to Ukraine by the United States and Poland": one claim per supplier.
            pairs = [(sup, sup) for sup in w.suppliers]
        else:
            origins: list[str | None] = list(w.origins) or [catalog_origin]
            holder = suppliers[0] if ctype == ClaimType.RETRANSFER else None
            pairs = [(o, w.suppliers[0] if w.suppliers else holder) for o in origins]
        targets: list[PlaceRef | None] = (
            list(places) if ctype == ClaimType.RETRANSFER and places else [places[0] if places else None]
        )
        for origin, supplier in pairs:
            for place in targets:
                out.append(
                    Claim(
                        **base,  # type: ignore[arg-type]
                        weapon=_ref(w),
                        origin=origin,
                        supplier=supplier,
                        recipient=w.recipient or recipient,
                        actor=user,
                        place=place,
                        purpose=_purpose(s.text) if ctype == ClaimType.USE else None,
                    )
                )
    return out


_PARTICIPLE_GAP = re.compile(r"^[\s,]*(?:\w+ly\s+)?(?:(?:been|being|were|was|are|is)\s+)?$")


def _weapon_before(weapons: list[WeaponSpan], trigger_abs: int, sentence: str, offset: int) -> WeaponSpan | None:
    """The weapon a trigger directly follows as its participle ("vehicles originally given to",
    "rifles supplied to Kyiv"): then the trigger is about that weapon only."""
    for w in weapons:
        near = w.end <= trigger_abs and trigger_abs - w.end <= 25
        if near and _PARTICIPLE_GAP.match(sentence[w.end - offset : trigger_abs - offset]):
            return w
    return None


_POSSESSIVE = re.compile(r"^(?:its|their|our)\b", re.I)


# "damaging two warships", "utilisés par des bombardiers Su-24": a weapon named as the
# target of the event, or as the platform that carried the weapon used, is not what was used.
_TARGET_BEFORE = re.compile(
    r"\b(?:damag\w*|destroy\w*|sank|sunk|sinking|hitting|struck|target\w*|downed|shot\s+down|against)\s+"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
_PLATFORM_BEFORE = re.compile(r"\b(?:by|par|von|durch|from)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
# "a missile attached to a Su-24 jet": the aircraft carries the weapon seen or used.
_CARRIER_BEFORE = re.compile(
    r"\b(?:attached\s+to|mounted\s+on|fitted\s+to|under\s+the\s+wings?\s+of|carried\s+by|"
    r"sous\s+l['’]aile\s+d['’]|sous\s+les\s+ailes\s+d['’])\s*(?:[\w'’-]+\s+){0,2}$",
    re.I,
)


def _instruments(weapons: list[WeaponSpan], s: Sentence, pos: int) -> list[WeaponSpan]:
    """The weapons of an event sentence that were used, not hit or carrying the one used."""
    out = []
    for w in weapons:
        rel = w.start - s.start
        window = s.text[max(0, rel - 40) : rel]
        if rel > pos and _TARGET_BEFORE.search(window):
            continue
        if rel > pos and _PLATFORM_BEFORE.search(window) and any(x.start - s.start < pos for x in weapons):
            continue
        if _CARRIER_BEFORE.search(window) and any(x.end <= w.start for x in weapons):
            continue
        out.append(w)
    return out


def _catalog_origin(w: WeaponSpan, k: Knowledge) -> str | None:
    entry = k.weapon_named(w.name) if w.name else None
    return entry.origin if entry else None


def _ref(w: WeaponSpan | None) -> WeaponRef | None:
    return WeaponRef(w.text, w.name, w.category) if w else None
