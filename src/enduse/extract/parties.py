"""Who acts in a sentence: the parties that permit, investigate or deny, the users of a
weapon, the suppliers and recipients of a transfer.

Split from claims.py, which assembles claims; the rules here only read the roles of one
sentence (roles.py) and say which of its states, formations and authorities fill which part.
"""

from __future__ import annotations

import re

from enduse.extract.lexicon import Lexicon
from enduse.extract.roles import LIST_SEP, Roles, WeaponSpan
from enduse.knowledge import Knowledge
from enduse.model import ActorRef, ClaimType

_GOVERNMENTS: dict[int, tuple[dict[str, str], dict[str, str]]] = {}


def _government_tables(k: Knowledge) -> tuple[dict[str, str], dict[str, str]]:
    """(code -> government name, government name -> code). One predictable form, "Government
    of <state>", for every state: the catalog's government entries differ in kind from state
    to state (a cabinet, a presidential administration), which would make parties of one
    kind look unlike each other."""
    tables = _GOVERNMENTS.get(id(k))
    if tables is None:
        by_code = {s.code: f"Government of {s.name}" for s in k.states.values()}
        tables = (by_code, {name: code for code, name in by_code.items()})
        _GOVERNMENTS[id(k)] = tables
    return tables


def government_of(code: str, k: Knowledge) -> str:
    """The name of a state's government, as the actors catalog has it."""
    return _government_tables(k)[0].get(code, code)


_GOVERNMENT_NOUN = re.compile(
    r"^[\s-]+(?:\w+\s+){0,2}?(?:government|authorities|administration|ministry|cabinet|leadership|parliament|"
    r"officials|diplomats|prime ministers?|presidents?|defen[cs]e ministers?|foreign ministers?|ministers?)\b",
    re.I,
)


def party_actors(
    roles: Roles, trigger_pos: int, offset: int, k: Knowledge, reach: int | None = None, nearest: bool = False
) -> list[ActorRef]:
    """The acting parties: the first states (or capitals, or "the Belgian government") named
    before the trigger as a subject, coordinated ones all kept ("Norway and Finland"); a
    coordination that is the object of a preposition ("the leaders of Benin, Chad and
    Niger", "turn to Ukraine") is not a subject. `reach` limits how far before the trigger
    the subject may stand; `nearest` takes the last subject before the trigger instead of the
    first. Failing that, the nearest actor before the trigger, or a person's government."""
    text = roles.sentence_text
    mentions: list[tuple[int, str, str]] = []  # (position in sentence, code, text)
    for p, code, m in roles.states:
        pos = p - offset
        if pos >= trigger_pos or (reach is not None and trigger_pos - pos > reach):
            continue
        if m.kind == "state_adj":
            gov = _GOVERNMENT_NOUN.match(text[m.end - offset :])
            if not gov:
                continue
            mentions.append((pos, code, text[pos : m.end - offset + gov.end()]))
        else:
            mentions.append((pos, code, m.text))
    groups: list[list[tuple[int, str, str]]] = []
    for cur in mentions:
        if groups and cur[0] - (groups[-1][-1][0] + len(groups[-1][-1][2])) <= 7:  # ", ", " and "
            groups[-1].append(cur)
        else:
            groups.append([cur])
    subjects = [
        g
        for g in groups
        if not after_preposition(text, g[0][0]) and not _PERMITTED_AFTER.match(text, g[-1][0] + len(g[-1][2]))
    ]
    if subjects:
        # The first subject acts, unless the verb is one a party does itself right after its
        # name ("officials said X received ..., though Tehran has denied it": `nearest`).
        chosen = subjects[-1] if nearest else subjects[0]
        return [ActorRef(t, government_of(code, k)) for _, code, t in chosen]
    actors = [a for p, a in roles.actors if p - offset < trigger_pos]
    if actors:
        return [actors[-1]]
    # "Ellemann-Jensen recalled that ...": an office holder speaks for their government.
    people = [country for p, country in roles.persons if country and p - offset < trigger_pos]
    if people:
        return [ActorRef(k.states[people[0]].name if people[0] in k.states else people[0], government_of(people[0], k))]
    generic = _GENERIC_PARTY.search(text, 0, trigger_pos)
    if generic:
        return [ActorRef(generic.group(0), None)]
    if reach is None:
        # "Other nations that have backed such strikes include the UK, France and Poland":
        # with no subject before the trigger, the parties may be listed after it.
        after = [
            (p - offset, code, m.text)
            for p, code, m in roles.states
            if p - offset > trigger_pos
            and m.kind != "state_adj"
            and not after_preposition(text, p - offset)
            and not _RECIPIENT_BEFORE.search(text[max(0, p - offset - 20) : p - offset])
        ]
        if after:
            group = [after[0]]
            for cur in after[1:]:
                if cur[0] - (group[-1][0] + len(group[-1][2])) > 7:
                    break
                group.append(cur)
            return [ActorRef(t, government_of(code, k)) for _, code, t in group]
    return []


# An unnamed authority that investigates, permits or denies: "our defence ministry",
# "the prosecutor's office", "investigators".
_GENERIC_PARTY = re.compile(
    r"\b(?:(?:our|its|their|the|a|an)\s+)?(?:[\w'’-]+\s+){0,2}?(?:ministry|ministries|government|authorities|"
    r"police|prosecutors?|prosecutor's\s+office|investigators|inspectors|monitors|agency|agencies|parliament|"
    r"commission|committee|council|panel)\b",
    re.I,
)


# "Ukraine will be able to use", "Kyiv may use": the state before these receives a permission.
_PERMITTED_AFTER = re.compile(
    r"\s+(?:will\s+be\s+|would\s+be\s+|is\s+|are\s+|was\s+|were\s+|has\s+been\s+)?"
    r"(?:able|allowed|permitted|authori[sz]ed|free|cleared)\s+to\b|\s+(?:may|can|could)\s+(?:only\s+)?use\b",
    re.I,
)


# "allow Ukraine to", "authorised Kyiv to": the state after such a verb receives the permission.
_RECIPIENT_BEFORE = re.compile(r"\b(?:allow\w*|authori[sz]\w*|permit\w*|let|enabl\w*|help\w*)\s+(?:the\s+)?$", re.I)


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:to|for|from|with|within|without|against|into|in|on|onto|of|by|at|over|across|inside|outside|toward|towards|"
    r"than|like|near|beyond|behind|under|about|around|through|between|among|during|along)\s+(?:the\s+)?$",
    re.I,
)


# "the authorities of Denmark and the Netherlands announced": the state is the party itself.
_GOVERNMENT_OF = re.compile(r"\b(?:authorities|governments?)\s+of\s+(?:the\s+)?$", re.I)


def after_preposition(sentence: str, pos: int) -> bool:
    before = sentence[max(0, pos - 30) : pos]
    return bool(_PREPOSITION_BEFORE.search(before[-15:])) and not _GOVERNMENT_OF.search(before)


def user_actor(roles: Roles, trigger_pos: int, offset: int, k: Knowledge, weapons: list[WeaponSpan]) -> ActorRef | None:
    """Who used, held or captured: "used by X" right after the trigger; else the nearest
    user before it (the first of a coordinated pair: "the Russian Volunteer Corps and the
    Freedom of Russia Legion"); else a state as the subject ("Ukraine launched ...") standing
    for its armed forces. Governments and agencies decide, they do not fire weapons."""
    text = roles.sentence_text
    users = [(p - offset, a) for p, a in roles.actors if a.name not in roles.parties]
    for pos, a in users:
        if 0 < pos - trigger_pos <= 40 and re.search(r"\bby\s+(?:the\s+)?$", text[max(0, pos - 12) : pos], re.I):
            return a
    before = [(pos, a) for pos, a in users if pos <= trigger_pos]
    if before:
        i = len(before) - 1
        while i > 0 and re.fullmatch(
            r"\s*(?:,|and|,\s*and|–|-)\s*(?:the\s+)?",
            text[before[i - 1][0] + len(before[i - 1][1].text) : before[i][0]],
        ):
            i -= 1
        return before[i][1]
    in_weapon = [(w.start - offset, w.end - offset) for w in weapons]
    for p, code, m in roles.states:
        pos = p - offset
        if any(a <= pos < b for a, b in in_weapon):
            continue  # "rifles made in Belgium": an origin, not a user
        if pos < trigger_pos and m.kind != "state_adj" and not after_preposition(text, pos):
            state = k.states.get(code)
            return ActorRef(m.text, f"Armed Forces of {state.name if state else code}")
    return users[0][1] if users else None


def retransfer_actor(roles: Roles, trigger_pos: int, offset: int, k: Knowledge) -> ActorRef | None:
    """Who passes weapons on: the state or actor nearest before the trigger ("Kiev has been
    reselling"), not the one whose claim it reports."""
    text = roles.sentence_text
    best: tuple[int, ActorRef] | None = None
    for p, code, m in roles.states:
        pos = p - offset
        if pos < trigger_pos and m.kind != "state_adj" and not after_preposition(text, pos):
            if text[m.end - offset : m.end - offset + 2] in ("’s", "'s"):
                continue  # "Moscow's claims": the claimant, not the actor
            best = (pos, ActorRef(m.text, government_of(code, k)))
    for p, a in roles.actors:
        pos = p - offset
        if pos < trigger_pos and (best is None or pos > best[0]) and not after_preposition(text, pos):
            best = (pos, a)
    return best[1] if best else None


def transfer_actor(roles: Roles, trigger_pos: int, offset: int) -> ActorRef | None:
    """A non-state supplier: "transferred by Western powers", "from Western countries", or a
    group or company as the subject. States are suppliers, not actors, of a transfer."""
    text = roles.sentence_text
    for p, a in roles.actors:
        pos = p - offset
        if pos > trigger_pos and re.search(r"\b(?:by|from)\s+(?:the\s+)?$", text[max(0, pos - 12) : pos], re.I):
            return a
    before = [a for p, a in roles.actors if p - offset < trigger_pos and a.name is not None]
    return before[0] if before else None


def recipient_of(roles: Roles, sentence: str, offset: int, exclude: set[str]) -> str | None:
    for p, code, _ in roles.states:
        pre = sentence[max(0, p - offset - 12) : p - offset].lower()
        if re.search(r"\b(?:to|for|allow\w*|authori[sz]\w*|permit\w*|let)\s+(?:the\s+)?$", pre) and code not in exclude:
            return code
    codes = {code for _, code, _ in roles.states}
    return "UA" if "UA" in codes and "UA" not in exclude else None


def agent_of_gerund(roles: Roles, trigger_pos: int, offset: int) -> str | None:
    """The state right before "of <verb>ing": "accused North Korea of transferring"."""
    text = roles.sentence_text
    for _, code, m in roles.states:
        end = m.end - offset
        if m.kind != "state_adj" and re.fullmatch(r"\s+of\s+", text[end:trigger_pos]):
            return code
    return None


def state_code(government: str | None, k: Knowledge) -> str | None:
    """The ISO code behind a party name made by `government_of`, or behind a government the
    actors catalog names ("German government" is the catalog's Federal Government of Germany)."""
    if not government:
        return None
    code = _government_tables(k)[1].get(government)
    if code is None:
        code = _catalog_governments(k).get(government)
    return code


_CATALOG_GOVERNMENTS: dict[int, dict[str, str]] = {}


def _catalog_governments(k: Knowledge) -> dict[str, str]:
    table = _CATALOG_GOVERNMENTS.get(id(k))
    if table is None:
        table = {a.name: a.country for a in k.actors.values() if a.kind == "government" and a.country}
        _CATALOG_GOVERNMENTS[id(k)] = table
    return table


def names_a_party(text: str) -> bool:
    """Does the sentence name an authority that could investigate, permit or deny?"""
    return bool(_GENERIC_PARTY.search(text))


def denier_subject(sentence: str, actor: ActorRef, trigger_pos: int, lex: Lexicon) -> bool:
    """Does the denying party stand right before a verb of denying ("though Tehran has denied")?
    A predicate such as "had nothing to do with" is what a speaker says of the party instead."""
    if not lex.denying_verbs.match(sentence, trigger_pos):
        return False
    at = sentence.rfind(actor.text, 0, trigger_pos)
    return at >= 0 and trigger_pos - (at + len(actor.text)) <= 20


def subjects_after(
    roles: Roles, sentence: str, offset: int, pos: int, recipient: str | None, weapons: list[WeaponSpan]
) -> list[str]:
    """States coordinated after the verb as its subject, in languages that put it there: not
    the recipient, not the object of a preposition, not part of a weapon's name or origin."""
    inside = [(w.start - offset, w.end - offset) for w in weapons]
    out: list[str] = []
    last_end = -1
    for p, code, m in roles.states:
        at = p - offset
        if at <= pos or m.kind == "state_adj" or code == recipient or any(a <= at < b for a, b in inside):
            continue
        if after_preposition(sentence, at):
            continue
        if out and not LIST_SEP.match(sentence[last_end:at]):
            break
        out.append(code)
        last_end = m.end - offset
    return out


def subject_state(roles: Roles, sentence: str, offset: int, pos: int) -> str | None:
    """The state named just before a verb as its subject ("Russia received", "Kyiv has received")."""
    for p, code, m in reversed(roles.states):
        at = p - offset
        if at < pos and m.kind != "state_adj" and _SUBJECT_GAP.fullmatch(sentence[m.end - offset : pos]):
            return code
    return None


_SUBJECT_GAP = re.compile(r"\s+(?:\w+\s+){0,3}?", re.I)


def first_recipient(roles: Roles, sentence: str, offset: int, lex: Lexicon) -> str | None:
    """The state a transfer verb sends weapons to: "weapons shipped to Ukraine", "guns sent to Kyiv"."""
    for p, code, m in roles.states:
        pos = p - offset
        if m.kind == "state_adj":
            continue
        before = sentence[max(0, pos - 60) : pos]
        to = _TO_STATE.search(before)
        if to and lex.triggers[ClaimType.TRANSFER].search(before, 0, to.start() + 1):
            return code
    return None


_TO_STATE = re.compile(r"\s+to\s+(?:the\s+)?$", re.I)
