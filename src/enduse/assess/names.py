"""Names in claims resolved to catalog keys: who a claimant is, which actor a claim is about.

Claims carry names as the text gave them ("Federal Government of Belgium", "the Belgian
government", "The Washington Post"). Assessment compares them by catalog key, so the same
party named two ways counts as one, and the one matcher of `enduse.knowledge` does the
recognising. A name with no catalog entry keeps its normalised words as its key. A citation
that names nobody ("intelligence", "a reliable source", "media reports", "US officials": a
nationality is not a name) is anonymous: it cannot be an origin of its own (see `origins.py`).
Institutions that are origins (an intelligence service, a ministry) are named in the actors
catalog.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from enduse.ingest.boilerplate import normalise
from enduse.knowledge import Knowledge

SOURCES_FILE = Path(__file__).parent / "data" / "sources.yaml"
# Catalog kinds that name a party by themselves, best first.
_PARTY_KINDS = ("outlet", "actor")
# Kinds that name a country or an alliance; "Ukrainian intelligence" is not Ukraine itself.
_STATE_KINDS = ("state", "state_adj", "state_metonym", "group")


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """The words that describe a source without naming it (data/sources.yaml)."""
    data = yaml.safe_load(SOURCES_FILE.read_text(encoding="utf-8"))
    return frozenset(str(w).lower() for w in data["generic"])


@dataclass(frozen=True, slots=True)
class Name:
    """A resolved name: `key` compares, `label` is shown."""

    key: str
    label: str


class Names:
    """Resolve free-text names against the catalogs, remembering every answer (names repeat)."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self._matcher = knowledge.matcher()
        self._cache: dict[str, Name | None] = {}
        self._settlements: dict[str, str | None] = {}

    def party(self, text: str | None) -> Name | None:
        """The party a name denotes, or None when it names nobody (anonymous, empty)."""
        if not text or not text.strip():
            return None
        if text in self._cache:
            return self._cache[text]
        found = self._resolve(text)
        self._cache[text] = found
        return found

    def _resolve(self, text: str) -> Name | None:
        mentions = self._matcher.find(text)
        for kind in _PARTY_KINDS:
            for m in mentions:
                if m.kind == kind:
                    return self._catalog_name(kind, m.entry_id)
        words = normalise(text).split()
        states = [m for m in mentions if m.kind in _STATE_KINDS]
        if len(states) == 1:
            covered = set(normalise(states[0].text).split())
            if all(w in covered for w in words if w != "the"):
                return self._catalog_name(states[0].kind, states[0].entry_id)
        covered = {w for m in states for w in normalise(m.text).split()}
        named = [w for w in text.split() if w[:1].isupper() and normalise(w) not in generic_words() | covered]
        if not named:
            return None  # generic or lower-case words, at most a nationality: "US officials"
        return Name("name:" + " ".join(words), text.strip())

    def _catalog_name(self, kind: str, entry_id: str) -> Name:
        k = self.knowledge
        if kind == "outlet":
            return Name(entry_id, k.outlets[entry_id].name)
        if kind == "actor":
            return Name(f"actor:{entry_id}", k.actors[entry_id].name)
        if kind == "group":
            return Name(f"group:{entry_id}", k.groups[entry_id].name)
        state = k.states.get(entry_id)
        return Name(f"state:{entry_id}", state.name if state else entry_id)

    def settlement(self, text: str | None) -> str | None:
        """The catalog settlement a place's words name ("near Kozinka"), if exactly one."""
        if not text:
            return None
        if text not in self._settlements:
            places = self.knowledge.places
            found = {m.entry_id for m in self._matcher.find(text) if m.kind == "place"}
            towns = [p for p in found if places[p].kind == "settlement"]
            self._settlements[text] = towns[0] if len(towns) == 1 else None
        return self._settlements[text]

    def actor(self, name: str | None, text: str | None = None) -> Name | None:
        """The actor a claim is about: by catalog name first, then by the words of the text."""
        return self.party(name) or self.party(text)

    def outlet_name(self, source: str | None) -> str | None:
        """A document's outlet as a reader knows it (catalog name, else the source as given)."""
        if not source:
            return None
        outlet = self.knowledge.outlets.get(source)
        return outlet.name if outlet else source
