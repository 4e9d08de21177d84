"""Re-export permissions: a maker's consent to another state passing its weapons on.

"Washington approved the transfer of American-made F-16s from Denmark and the Netherlands",
"Germany agreed to send Leopard tanks and gave permission for this to other countries": the
maker (the state whose weapons they are) permits the states it names, or any state, to pass
them on. Such a sentence is an AUTHORIZATION by the maker, one per state it names; and in the
same document a transfer of that weapon by one of those states is a re-transfer (RETRANSFER)
with the maker as origin. A state's transfer of another's weapons where no consent is told
stays a TRANSFER: "Patriot systems from the Netherlands have arrived" reports a Dutch
delivery, and the text gives no reason to read it as more.

This runs after the sentence-by-sentence pass because the consent is often told after the
transfers it covers ("..., Washington had approved the transfer last week").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from enduse.extract.lexicon import Lexicon
from enduse.extract.parties import government_of
from enduse.extract.roles import LIST_SEP, WeaponSpan, read_roles
from enduse.extract.sentences import Sentence
from enduse.knowledge import Knowledge
from enduse.model import ActorRef, Claim, Claimant, ClaimType, Evidence, Mention, WeaponRef

_TO_BEFORE = re.compile(r"\b(?:to|into|for)\s+(?:the\s+)?$", re.I)
_REFERS_BACK = re.compile(r"\b(?:this|that|these|those|them|it|such)\b", re.I)


def _receiving(text: str, sentence_start: int, states: list[tuple[int, str, Mention]], cue_abs: int) -> set[int]:
    """Positions of the states the weapons go to: after "to" ("transfer ... to Ukraine"), with
    those coordinated after them ("the sale of F-16s to Turkey and Greece"); not the one a
    permission goes to ("gave permission for this to Lithuania")."""
    out: set[int] = set()
    last_end = -1
    for p, _, m in states:
        after_to = _TO_BEFORE.search(text[max(sentence_start, p - 12) : p]) is not None and not (0 < p - cue_abs <= 30)
        listed = last_end >= 0 and LIST_SEP.match(text[last_end:p]) is not None
        if after_to or listed:
            out.add(p)
            last_end = m.end
        else:
            last_end = -1
    return out


@dataclass(frozen=True, slots=True)
class Permission:
    """One sentence's consent by `maker` to the `grantees` (None: any state) passing on a weapon."""

    maker: str
    maker_text: str
    weapon: WeaponRef
    grantees: tuple[str, ...] | None
    # The states permitted are named after the consent ("approved the transfer ... from
    # Denmark"): the transfer is what is permitted, not one that is reported as happening.
    grantees_after_cue: bool
    sentence: Sentence
    scope: str


def _maker(w: WeaponSpan, k: Knowledge) -> str | None:
    if w.origins:
        return w.origins[0]
    entry = k.weapon_named(w.name) if w.name else None
    return entry.origin if entry else None


def find_permissions(
    text: str, sentences: list[Sentence], mentions: list[Mention], lex: Lexicon, k: Knowledge
) -> list[Permission]:
    out: list[Permission] = []
    for i, s in enumerate(sentences):
        cue = lex.reexport_cues.search(s.text)
        if cue is None or lex.requests.search(s.text[max(0, cue.start() - 40) : cue.start()]):
            continue  # "requested permission to use ...": asked for, not given
        ms = [m for m in mentions if s.start <= m.start and m.end <= s.end]
        if not any(m.kind in ("state", "state_metonym") for m in ms):
            continue  # no state to consent
        prev_ms: list[Mention] = []
        if not any(m.kind == "weapon" for m in ms):
            if i == 0 or not _REFERS_BACK.search(s.text):
                continue
            # "France gave its permission for this": the weapons of the sentence before.
            prev = sentences[i - 1]
            prev_ms = [m for m in mentions if prev.start <= m.start and m.end <= prev.end]
            if not any(m.kind == "weapon" for m in prev_ms):
                continue
        roles = read_roles(text, s, ms, lex, k)
        cue_abs = s.start + cue.start()
        weapons = roles.weapons if not prev_ms else read_roles(text, sentences[i - 1], prev_ms, lex, k).weapons
        made = [(w, maker) for w in weapons if w.name and (maker := _maker(w, k))]
        if not made:
            continue
        w, maker = min(made, key=lambda x: min(abs(x[0].start - cue_abs), abs(x[0].end - cue_abs)))
        inside = [(x.start, x.end) for x in roles.weapons]
        states = [(p, code, m) for p, code, m in roles.states if not any(a <= p < b for a, b in inside)]
        approver = [m for _, code, m in states if code == maker]
        if not approver:
            continue  # the maker itself must be the one that consents
        places = {p for p, _ in roles.places}
        receiving = _receiving(text, s.start, states, cue_abs)
        others = [
            (p, code)
            for p, code, m in states
            if code != maker
            and m.kind != "state_adj"
            and p not in places  # "strikes inside Russia": where, not who
            and p not in receiving
        ]
        any_state = lex.any_state.search(s.text) is not None
        if not others and not any_state:
            continue  # "the US approved the sale of F-16s to Turkey": an export, not a re-export
        out.append(
            Permission(
                maker=maker,
                maker_text=approver[0].text,
                weapon=WeaponRef(w.text, w.name, w.category),
                grantees=None if any_state else tuple(dict.fromkeys(code for _, code in others)),
                grantees_after_cue=bool(others) and others[0][0] > cue_abs,
                sentence=s,
                scope=s.text[cue.start() :].strip(),
            )
        )
    return out


def _covers(p: Permission, c: Claim, k: Knowledge) -> bool:
    """Is `c` a transfer of the permitted weapon by a state the permission names?"""
    if c.supplier is None or c.supplier == p.maker or c.weapon is None:
        return False
    if p.grantees is not None and c.supplier not in p.grantees:
        return False
    if c.weapon.name is None:
        return c.weapon.category == p.weapon.category and c.weapon.category != "generic"
    if c.weapon.name == p.weapon.name:
        return True
    entry = k.weapon_named(c.weapon.name)
    return entry is not None and entry.origin == p.maker and c.weapon.category == p.weapon.category


def apply_permissions(
    claims: list[Claim], permissions: list[Permission], claimant_at: dict[int, Claimant | None], k: Knowledge
) -> list[Claim]:
    """The document's claims with re-export permissions read in: each permission sentence's
    AUTHORIZATION claims replaced by the maker's, one per state permitted; the transfers it
    covers made RETRANSFER claims."""
    if not permissions:
        return claims
    by_sentence = {p.sentence.start: p for p in permissions}
    out: list[Claim] = []
    done: set[int] = set()
    for c in claims:
        here = by_sentence.get(c.evidence.start)
        if c.type == ClaimType.AUTHORIZATION and here is not None:
            if here.sentence.start not in done:
                out.extend(_maker_claims(here, c, k))
                done.add(here.sentence.start)
            continue
        if c.type == ClaimType.TRANSFER:
            p = next((p for p in permissions if _covers(p, c, k)), None)
            if p is not None:
                if here is p and p.grantees_after_cue:
                    continue  # "approved the transfer of F-16s from Denmark": the permission's object
                state = k.states.get(c.supplier or "")
                actor = ActorRef(state.name if state else str(c.supplier), government_of(str(c.supplier), k))
                weapon = c.weapon
                if weapon is not None and weapon.name is None:
                    # "tanks from Poland": the tanks the maker's consent is about
                    weapon = WeaponRef(weapon.text, p.weapon.name, p.weapon.category)
                c = dataclasses.replace(c, type=ClaimType.RETRANSFER, origin=p.maker, actor=actor, weapon=weapon)
        out.append(c)
    for p in permissions:
        if p.sentence.start not in done:
            template = Claim(
                doc_id=claims[0].doc_id if claims else "",
                type=ClaimType.AUTHORIZATION,
                evidence=Evidence(p.sentence.text, p.sentence.start, p.sentence.end),
                claimant=claimant_at.get(p.sentence.start),
                extractor_version=claims[0].extractor_version if claims else "",
            )
            out.extend(_maker_claims(p, template, k))
    return sorted(out, key=lambda c: c.evidence.start)


def _maker_claims(p: Permission, template: Claim, k: Knowledge) -> list[Claim]:
    actor = ActorRef(p.maker_text, government_of(p.maker, k))
    return [
        dataclasses.replace(
            template,
            weapon=p.weapon,
            origin=p.maker,
            supplier=p.maker,
            recipient=grantee,
            actor=actor,
            scope=p.scope,
        )
        for grantee in (p.grantees or (None,))
    ]
