"""The roles a sentence fills: weapons (with the states that made or supplied them), actors,
places and states, read from the catalog mentions and a few phrase patterns around them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from enduse.extract.lexicon import Lexicon
from enduse.extract.sentences import Sentence
from enduse.knowledge import Knowledge
from enduse.model import ActorRef, Mention, PlaceRef

STATE_KINDS = ("state", "state_adj", "state_metonym")
# Actors that decide, investigate or deny, rather than fire or carry weapons.
PARTY_KINDS = {"government", "ministry", "agency", "international organisation", "organisation"}
_ORIGIN_AFTER = re.compile(
    r"^\s*(?:that\s+(?:were|are|was)\s+)?(?:made|manufactured|produced|built|designed)\s+(?:in|by)\s+", re.IGNORECASE
)
_SUPPLIER_AFTER = re.compile(
    r"^\s*(?:(?:\w+\s+){0,3}?(?:originally\s+|previously\s+)?(?:supplied|provided|delivered|given|transferred|donated|sent"
    r"|pledged|promised|handed\s+over)(?:\s+to\s+(?P<to>[\w'’ -]+?))?\s+by"
    # French, German, Russian and Ukrainian: "fournis par", "geliefert von", "поставленные из"
    r"|\s*(?:fourni|livré|cédé|envoyé|transféré)e?s?\s+par|\s*(?:geliefert|bereitgestellt|übergeben)\s+von"
    r"|\s*(?:поставленн|переданн|поставлен|передан)\w*\s+(?:из|от)|\s*(?:переданн|поставлен)\w*\s+(?:з|від)"
    r"|\s*(?:from|aus|з|із|зі|из))\s+",
    re.IGNORECASE,
)
LIST_SEP = re.compile(
    r"^(?:\s*,\s*|\s*,?\s+(?:and|or|as\s+well\s+as|и|или|та|і|й|або|et|ou|und|oder|y|e)\s+)(?:the\s+)?$", re.IGNORECASE
)
# Generic users of weapons that no catalog lists: "anti-Putin armed groups", "pro-Ukrainian troops".
_GENERIC_ACTOR = re.compile(
    r"(?<![\w-])(?!(?:by|that|which|who|and|or|of|the|to|for|from|with|in|on|at|as)\s)(?:[\w-]+\s+){0,2}?(?:armed\s+groups|sabotage\s+groups|groups|fighters|troops|forces|"
    r"saboteurs|militants|soldiers|units|insurgents|volunteers|militias?|rebels|extremists|terrorists|criminals|"
    r"separatists|mercenaries|paramilitaries)\b",
    re.IGNORECASE,
)
_PLACE_PREP = re.compile(
    r"(?:\b(?:in|into|inside|on|across|against|over|within|deep\s+into|near|at)\s+(?:the\s+)?)$", re.IGNORECASE
)
_TERRITORY_AFTER = re.compile(r"^['’]?s?\s+(?:territory|soil|border|regions?|targets|cities|airspace)", re.IGNORECASE)


@dataclass(slots=True)
class WeaponSpan:
    start: int
    end: int
    text: str
    name: str | None
    category: str | None
    origins: list[str] = field(default_factory=list)
    suppliers: list[str] = field(default_factory=list)
    recipient: str | None = None


@dataclass(slots=True)
class Roles:
    weapons: list[WeaponSpan]
    actors: list[tuple[int, ActorRef]]  # (position, actor), users and acting parties
    states: list[tuple[int, str, Mention]]  # (position, ISO code, mention) for every state reference
    places: list[tuple[int, PlaceRef]]
    persons: list[tuple[int, str | None]] = field(default_factory=list)  # (position, country of their office)
    parties: set[str] = field(default_factory=set)  # names of governments, ministries, agencies, organisations
    sentence_text: str = ""
    sentence_start: int = 0


# One member of a list of states that the catalog does not know (a former state: "the US,
# Czechoslovakia, Finland"), passed over so the list goes on.
_UNKNOWN_MEMBER = re.compile(r"^\s*,\s*[A-ZА-ЯЁІЇЄ][\w-]+\s*,\s*$")


def _state_list_after(text: str, pos: int, mentions: list[Mention]) -> tuple[list[str], int]:
    """States coordinated right after `pos` ("Belgium and the Czech Republic"); returns codes and end."""
    codes: list[str] = []
    cursor = pos
    for m in mentions:
        if m.start < cursor:
            continue
        gap = text[cursor : m.start]
        if m.kind not in ("state", "state_metonym"):
            break
        if codes and not (LIST_SEP.match(gap) or _UNKNOWN_MEMBER.match(gap)):
            break
        if not codes and gap.strip().lower() not in (
            "",
            "the",
            "la",
            "le",
            "les",
            "l'",
            "der",
            "die",
            "das",
            "den",
            "dem",
        ):
            break
        codes.append(m.entry_id)
        cursor = m.end
    return codes, cursor


# Between a class and the system that names it: "FN SCAR automatic rifles", "Schützenpanzer des
# Typs Marder", "tanks of the Leopard 2 type", "chars de type Leclerc".
_TYPE_GAP = re.compile(r"[\s-]*(?:(?:des\s+Typs|vom\s+Typ|of\s+the\s+type|of\s+type|de\s+type|типа|типу)\s+)?", re.I)
_ADJ_GAP = re.compile(r"[\s-]*(?:\w+[\s-]*){0,1}(?:and\s+other\s+\w+\s+|and\s+)?")
_NOUN_GAP = re.compile(r"(?:-\w+|['’]s)[\s-]*(?:\w+[\s-]*)?")


def _modifies(m: Mention, gap: str) -> bool:
    """Does this state or group mention modify the weapon after it? "Belgian rifles",
    "US-made weapons", "Russia's tanks" do; "send Ukraine 14 tanks" does not."""
    if m.kind in ("state_adj", "group"):
        return bool(_ADJ_GAP.fullmatch(gap))
    if m.kind == "state":
        # "US vehicles", "UK missiles": an abbreviated state name used as an adjective.
        short = m.text.replace(".", "").isupper() and len(m.text.replace(".", "")) <= 3
        return bool(_NOUN_GAP.fullmatch(gap)) or (short and gap == " ")
    return False


def read_weapons(text: str, s: Sentence, ms: list[Mention], lex: Lexicon, k: Knowledge) -> list[WeaponSpan]:
    out: list[WeaponSpan] = []
    i = 0
    while i < len(ms):
        m = ms[i]
        if m.kind not in ("weapon", "weapon_class"):
            i += 1
            continue
        start, end = m.start, m.end
        name = k.weapons[m.entry_id].name if m.kind == "weapon" else None
        category = k.weapons[m.entry_id].category if m.kind == "weapon" else k.weapon_classes[m.entry_id].category
        # "FN SCAR automatic rifles", "ATACMS missiles": a system followed by its class is one weapon.
        j = i + 1
        # "High Mobility Artillery Rocket Systems (HIMARS)": the abbreviation is the same weapon.
        if (
            name
            and j < len(ms)
            and ms[j].kind == "weapon"
            and k.weapons[ms[j].entry_id].name == name
            and re.fullmatch(r"\s*[(/]\s*", text[end : ms[j].start])
        ):
            end = ms[j].end + (1 if text[ms[j].end : ms[j].end + 1] == ")" else 0)
            j += 1
        while j < len(ms) and ms[j].kind in ("weapon", "weapon_class") and _TYPE_GAP.fullmatch(text[end : ms[j].start]):
            if name is None and ms[j].kind == "weapon":
                name = k.weapons[ms[j].entry_id].name
                category = k.weapons[ms[j].entry_id].category
            elif name is None:
                category = k.weapon_classes[ms[j].entry_id].category if category == "generic" else category
            end = ms[j].end
            j += 1
        if name is None and lex.facility_nouns.match(text, end + 1) and text[end : end + 1] in (" ", "-"):
            i = j  # "ammunition depots", "arms manufacturer": a facility or a trade, not a weapon
            continue
        if category == "generic" and _civil_modifier(text, s.start, start, lex):
            i = j  # "communications equipment", "medical supplies": not weapons
            continue
        if name is not None and _ammunition_for(text, s.start, start, lex):
            # "rockets for the HIMARS", "an ammunition depot for HIMARS systems": the munitions of
            # a system, not the system. A class word just before ("rockets") is the same weapon.
            maker = k.weapons[m.entry_id].origin if m.kind == "weapon" else None
            if out and out[-1].category in ("ammunition", "missile", "generic") and out[-1].name is None:
                held = out.pop()
                start = held.start
            w = WeaponSpan(start, end, text[start:end], None, "ammunition", origins=[maker] if maker else [])
            out.append(w)
            i = j
            continue
        w = WeaponSpan(start, end, text[start:end], name, category)
        # Adjectives before: "Belgian-made", "US-supplied", "American and other Western".
        back = i - 1
        while back >= 0 and _modifies(ms[back], text[ms[back].end : start]):
            gap = text[ms[back].end : start].lower()
            adj = ms[back]
            if adj.kind == "group":
                start = adj.start
                back -= 1
                continue
            suffix = re.match(r"[\s-]*(\w+)", gap)
            word = suffix.group(1) if suffix else ""
            if word in lex.supplier_suffixes:
                w.suppliers.insert(0, adj.entry_id)
                w.origins.insert(0, adj.entry_id)
            elif word in lex.origin_suffixes or adj.kind == "state_adj" or not word:
                w.origins.insert(0, adj.entry_id)
            start = adj.start
            back -= 1
        after = text[end : s.end]
        om = _ORIGIN_AFTER.match(after) or _origin_cue(lex, after)
        if om:
            codes, stop = _state_list_after(text, end + om.end(), [x for x in ms if x.start >= end + om.end()])
            if codes:
                w.origins.extend(codes)
                end = stop
        sm = _SUPPLIER_AFTER.match(text[end : s.end])
        if sm:
            codes, stop = _state_list_after(text, end + sm.end(), [x for x in ms if x.start >= end + sm.end()])
            if codes:
                w.suppliers.extend(codes)
            to = sm.group("to")
            if to:
                rec = [x for x in ms if x.kind in ("state", "state_metonym") and end <= x.start < end + sm.end()]
                if rec:
                    w.recipient = rec[0].entry_id
        w.start, w.end, w.text = start, end, text[start:end]
        w.origins = list(dict.fromkeys(w.origins))
        w.suppliers = list(dict.fromkeys(w.suppliers))
        out.append(w)
        i = j
    _spread_trailing_cue(text, s, ms, out, lex)
    return out


# After a list's last weapon, one more item that is not a weapon ("..., armored vehicles and
# intelligence supplied by the UAE").
_TRAILING_ITEM = re.compile(r"\s*,?\s+(?:and|or|as\s+well\s+as|et|und|и|і|та)\s+(?:[\w-]+\s+){0,2}?[\w-]+(?=\s)", re.I)


def _spread_trailing_cue(text: str, s: Sentence, ms: list[Mention], weapons: list[WeaponSpan], lex: Lexicon) -> None:
    """ "weapons, communications equipment and armored vehicles supplied by the UAE": a "supplied
    by" or "made in" after a list says it of every item of the list."""
    run: list[WeaponSpan] = []
    for w in [*weapons, None]:
        if w is not None and run and _LIST_ITEMS.fullmatch(text[run[-1].end : w.start]):
            run.append(w)
            continue
        if len(run) > 1:
            last = run[-1]
            suppliers: list[str] = list(last.suppliers)
            origins: list[str] = []
            if not suppliers:
                tail = _TRAILING_ITEM.match(text, last.end, s.end)
                at = tail.end() if tail else last.end
                sm = _SUPPLIER_AFTER.match(text[at : s.end])
                om = _ORIGIN_AFTER.match(text[at : s.end]) or _origin_cue(lex, text[at : s.end])
                cue = sm or om
                if cue:
                    codes, _ = _state_list_after(text, at + cue.end(), [x for x in ms if x.start >= at + cue.end()])
                    suppliers, origins = (codes, []) if sm else ([], codes)
            for x in run:
                if suppliers and not x.suppliers:
                    x.suppliers = list(suppliers)
                if origins and not x.origins:
                    x.origins = list(origins)
        run = [w] if w is not None else []


def _civil_modifier(text: str, sentence_start: int, start: int, lex: Lexicon) -> bool:
    before = _WORD_BEFORE.search(text, max(sentence_start, start - 30), start)
    return before is not None and lex.civil_modifiers.match(text, before.start(1)) is not None


def _ammunition_for(text: str, sentence_start: int, start: int, lex: Lexicon) -> bool:
    """Does "rockets for (the)", "depot for", "снаряды для" stand right before `start`?"""
    window = text[max(sentence_start, start - 40) : start]
    for cue in lex.ammunition_for.finditer(window):
        if re.fullmatch(r"\s+(?:the\s+|les\s+|la\s+|le\s+|die\s+|den\s+)?", window[cue.end() :]):
            return True
    return False


def _origin_cue(lex: Lexicon, after: str) -> re.Match[str] | None:
    """'made in' / 'производства' right after a weapon (allowing an adverb between)."""
    m = lex.origin_cues.search(after, 0, 40)
    if m and re.fullmatch(r"[\s,]*(?:\w+\s+)?", after[: m.start()]):
        return re.match(re.escape(after[: m.end()]) + r"\s*", after)
    return None


_LIST_INTRO = re.compile(r"^[\s,]*(?:including|such\s+as|like|e\.g\.|among\s+them|for\s+example)\b", re.I)
_SPECIFIC_INTRO = re.compile(r"^[\s,]*(?:specifically|namely|in\s+particular|notably)\b", re.I)


def fold_lists(text: str, weapons: list[WeaponSpan]) -> list[WeaponSpan]:
    """ "various weapons, including air defence missiles, tanks ...": the examples illustrate
    one claim about the head. "The Belgian weapons, specifically FN SCAR rifles": the
    specific system is the weapon, with what the head said of its origin."""
    for i, w in enumerate(weapons[:-1]):
        gap = text[w.end : weapons[i + 1].start]
        if w.name is None and _LIST_INTRO.match(gap):
            return [*weapons[: i + 1]]
        if w.name is None and _SPECIFIC_INTRO.match(gap):
            nxt = weapons[i + 1]
            nxt.origins = nxt.origins or list(w.origins)
            nxt.suppliers = nxt.suppliers or list(w.suppliers)
            return [*weapons[:i], *weapons[i + 1 :]]
    return weapons


def drop_redundant(text: str, weapons: list[WeaponSpan]) -> list[WeaponSpan]:
    """A class that only re-names a system of the same sentence ("HIMARS, a potent rocket
    system") or a bare "weapons" beside specific ones is not a weapon of its own; but a bare
    "weapons" listed among other items ("used weapons, communications equipment, armored
    vehicles and intelligence") is one item of the list."""
    named = {w.category for w in weapons if w.name}
    specific = any(w.category != "generic" for w in weapons)
    out = []
    for i, w in enumerate(weapons):
        bare = w.name is None and not w.origins and not w.suppliers
        listed = i + 1 < len(weapons) and bool(_LIST_ITEMS.fullmatch(text[w.end : weapons[i + 1].start]))
        if bare and (w.category in named or (w.category == "generic" and specific and not listed)):
            continue
        out.append(w)
    return out


# Between items of a list: ", ", " and ", one unlisted item between them (", radios, "), and
# words that modify the next item (", communications equipment").
_LIST_ITEMS = re.compile(
    r"(?:\s*,\s*(?:[\w-]+\s+){0,2}?[\w-]+)?"  # an unlisted item: ", radios"
    r"(?:\s*,\s*(?:(?:and|or|et|und|и|і|та)\s+)?|\s+(?:and|or|et|und|и|і|та)\s+)"  # the separator
    r"(?:[\w-]+\s+){0,2}",  # words that modify the next item
    re.I,
)


_APPOSITION = re.compile(r"\s*(?:of(?:\s+the)?|–|—|-|,|\()\s*(?:the\s+)?(?:so-called\s+)?", re.I)


_ARMED_FORCES: dict[int, dict[str, str]] = {}


def armed_forces_of(code: str, k: Knowledge) -> str:
    """The name of a state's armed forces: the catalog's where it has one, else one
    predictable form."""
    table = _ARMED_FORCES.get(id(k))
    if table is None:
        table = {}
        for a in k.actors.values():  # the catalog lists a state's main armed forces first
            if a.kind == "armed forces" and a.country:
                table.setdefault(a.country, a.name)
        _ARMED_FORCES[id(k)] = table
    state = k.states.get(code)
    return table.get(code) or f"Armed Forces of {state.name if state else code}"


def _noun_modifier(text: str, end: int, lex: Lexicon) -> bool:
    """Is the word ending at `end` an adjective of the noun after it ("military aid")?"""
    return text[end : end + 1] == " " and lex.military_noun_blockers.match(text, end + 1) is not None


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _state_forces(text: str, s: Sentence, m: Mention, lex: Lexicon) -> tuple[int, int] | None:
    """The span of "Russian troops", "российскими военными", "troupes russes": a state's
    adjective or name with a noun for soldiers right after it (or, in French, right before)."""
    if text[m.end : m.end + 1] == " " and m.end + 1 < s.end:
        after = lex.military_nouns.match(text, m.end + 1)
        if after and after.end() <= s.end and not _noun_modifier(text, after.end(), lex):
            return m.start, after.end()
    before = _WORD_BEFORE.search(text, max(s.start, m.start - 30), m.start)
    if before and lex.military_nouns.match(text, before.start(1)):
        return before.start(1), m.end
    return None


def read_actors(text: str, s: Sentence, ms: list[Mention], k: Knowledge, lex: Lexicon) -> list[tuple[int, ActorRef]]:
    out: list[tuple[int, ActorRef]] = []
    for m in ms:
        if m.kind in ("state", "state_adj"):
            forces = _state_forces(text, s, m, lex)
            if forces:
                out.append((forces[0], ActorRef(text[forces[0] : forces[1]], armed_forces_of(m.entry_id, k))))
            continue
        if m.kind == "actor" and m.entry_id in k.actors:
            entry = k.actors[m.entry_id]
            if entry.kind == "person" or (entry.kind == "armed forces" and _noun_modifier(text, m.end, lex)):
                continue
            out.append((m.start, ActorRef(m.text, entry.name)))
        elif m.kind == "group" and m.entry_id in k.groups:
            # Groupings ("Western powers", "NATO countries") keep the words the text uses: they
            # are loose sets, and "the West" would say less than the text does.
            out.append((m.start, ActorRef(m.text, None)))
    for g in _GENERIC_ACTOR.finditer(text, s.start, s.end):
        if any(p <= g.start() < p + len(a.text) or g.start() <= p < g.end() for p, a in out):
            continue
        # "fighters of the Russian Volunteer Corps", "anti-Kremlin fighters – Freedom of Russia
        # Legion": the named formation is the actor, described by the generic words.
        named = next(
            (
                (i, p, a)
                for i, (p, a) in enumerate(out)
                if a.name and p >= g.end() and _APPOSITION.fullmatch(text[g.end() : p])
            ),
            None,
        )
        if named is not None:
            i, p, a = named
            out[i] = (g.start(), ActorRef(text[g.start() : p + len(a.text)], a.name))
            continue
        out.append((g.start(), ActorRef(g.group(0), None)))
    out.sort(key=lambda x: x[0])
    return out


def read_states(ms: list[Mention]) -> list[tuple[int, str, Mention]]:
    return [(m.start, m.entry_id, m) for m in ms if m.kind in STATE_KINDS]


def read_places(text: str, s: Sentence, ms: list[Mention], k: Knowledge) -> list[tuple[int, PlaceRef]]:
    out: list[tuple[int, PlaceRef]] = []
    last_end = -1  # end of the last place taken, for lists: "in Finland, Sweden and Gaza"
    people = {
        m.start for m in ms if m.kind == "actor" and m.entry_id in k.actors and k.actors[m.entry_id].kind == "person"
    }
    for m in ms:
        listed = last_end >= 0 and bool(LIST_SEP.match(text[last_end : m.start]))
        if m.kind == "place" and (m.end + 1 in people or m.start in people):
            continue  # "Vladimir Zelensky": a first name, not the town of Vladimir
        if m.kind == "place" and m.entry_id in k.places and not m.text.islower():
            # A place name is written with a capital: "buy" is a verb, not the town of Buy.
            p = k.places[m.entry_id]
            region = p.region or (p.regions[0] if len(p.regions) == 1 else None)
            out.append((m.start, PlaceRef(m.text, p.country, region)))
            last_end = m.end
        elif m.kind in ("state", "state_adj"):
            before = text[max(s.start, m.start - 30) : m.start]
            after = text[m.end : min(s.end, m.end + 30)]
            if _TERRITORY_AFTER.match(after) or (m.kind == "state" and (_PLACE_PREP.search(before) or listed)):
                tail = _TERRITORY_AFTER.match(after)
                end = m.end + (tail.end() if tail else 0)
                out.append((m.start, PlaceRef(text[m.start : end], m.entry_id, None)))
                last_end = end
    return out


def read_roles(text: str, s: Sentence, ms: list[Mention], lex: Lexicon, k: Knowledge) -> Roles:
    return Roles(
        weapons=drop_redundant(text, fold_lists(text, read_weapons(text, s, ms, lex, k))),
        actors=read_actors(text, s, ms, k, lex),
        states=read_states(ms),
        places=read_places(text, s, ms, k),
        parties={
            k.actors[m.entry_id].name
            for m in ms
            if m.kind == "actor" and m.entry_id in k.actors and k.actors[m.entry_id].kind in PARTY_KINDS
        },
        persons=[
            (m.start, k.actors[m.entry_id].country)
            for m in ms
            if m.kind == "actor" and m.entry_id in k.actors and k.actors[m.entry_id].kind == "person"
        ],
        sentence_text=s.text,
        sentence_start=s.start,
    )
