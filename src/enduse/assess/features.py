"""What a document is about, as keys that mean the same in every language.

Story clustering compares documents by these keys, not by their words, so a French and a
Russian report of one raid meet. Each key belongs to one dimension of an event:

- `W`, what: the weapon systems the one matcher finds (`W:w:`), the categories of the weapon
  classes named (`W:c:`), and the weapons the claims are about (`W:e:`: weapon and country,
  most specific first: a named system says more than "Belgian rifles", which says more than
  "rifles");
- `P`, where: the places the matcher finds (`P:p:`);
- `A`, who: actors (`A:a:`) and the parties of decisions, inquiries and denials (`A:e:`);
- `O`, the outlets the text cites (`O:o:`, never the document's own): a story's reports cite the
  same outlet, but so do many stories, so they add evidence without being a dimension;
- `T`, when: the months the claims date events in (`T:m:`), as the extractor resolved them;
- `S`, states and alliances (`S:s:`, `S:g:`), too common to tell events apart on their own.

Each key has a base weight; `stories.py` scales it by how rare the key is in the corpus and
asks for agreement on more than one dimension. The text itself is compared too, by MinHash
(`enduse.ingest.dedup.minhash`), for rewrites in one language; the signature is computed only
when the keys alone do not decide (it is the costly part).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from datasketch import MinHash

from enduse.assess.facts import Facts, informative
from enduse.assess.names import Names
from enduse.ingest.dedup import minhash
from enduse.model import Document

# Base weights: a weapon system or a place says much about which event it is, a state little.
WEIGHTS = {"w": 3.0, "p": 2.0, "a": 1.5, "o": 1.0, "m": 1.0, "c": 0.5, "s": 0.3, "g": 0.3}
EVENT_WEIGHTS = (4.0, 2.0, 1.0)  # a claim's named system, its category and origin, its category
PARTY_WEIGHT = 3.0  # who decided, inquired or denied
_KIND_KEY = {
    "weapon": "W:w",
    "actor": "A:a",
    "place": "P:p",
    "outlet": "O:o",
    "state": "S:s",
    "state_adj": "S:s",
    "state_metonym": "S:s",
    "group": "S:g",
}
_EVENT_GROUPS = ("EVENT", "CAPTURE", "TRANSFER", "RETRANSFER")


@dataclass(slots=True)
class DocumentFeatures:
    """One document's story keys (key → base weight), its dates and its text."""

    doc_id: str
    keys: dict[str, float]
    published: dt.date | None
    dates: list[dt.date] = field(default_factory=list)  # middles of the narrow spans its claims give
    text: str = ""
    _signature: MinHash | None = None

    @property
    def anchor(self) -> dt.date | None:
        """When the document speaks from: its publication date, else the latest date it gives."""
        if self.published is not None:
            return self.published
        return max(self.dates) if self.dates else None

    def signature(self) -> MinHash:
        """The MinHash of the text, computed on first use."""
        if self._signature is None:
            self._signature = minhash(self.text)
        return self._signature


def document_features(doc: Document, facts: Sequence[Facts], names: Names) -> DocumentFeatures:
    """The story keys of `doc`, given the facts of its claims."""
    k = names.knowledge
    keys: dict[str, float] = {}

    def add(key: str, weight: float) -> None:
        keys[key] = max(weight, keys.get(key, 0.0))

    for m in k.matcher().find(doc.text):
        if m.kind == "weapon_class":
            category = k.weapon_classes[m.entry_id].category
            if category != "generic":
                add(f"W:c:{category}", WEIGHTS["c"])
        elif m.kind in _KIND_KEY and not (m.kind == "outlet" and m.entry_id == doc.source):
            key = _KIND_KEY[m.kind]
            add(f"{key}:{m.entry_id}", WEIGHTS[key[-1]])
            if m.kind == "weapon":
                add(f"W:c:{k.weapons[m.entry_id].category}", WEIGHTS["c"])
    dates = []
    for f in facts:
        for key, weight in event_keys(f):
            add(key, weight)
        if informative(f.start, f.end):
            assert f.start is not None and f.end is not None
            middle = f.start + (f.end - f.start) / 2
            dates.append(middle)
            add(f"T:m:{middle:%Y-%m}", WEIGHTS["m"])
    published = doc.published.value if doc.published else None
    return DocumentFeatures(doc.id, keys, published, dates, doc.text)


def event_keys(f: Facts) -> list[tuple[str, float]]:
    """Story keys for what one claim states, most specific first; none for a claim too vague to
    tell events apart. The weapon keys leave out the claim's type: a use, the delivery before
    it and a denial of it are all about the same weapon in the same country."""
    out = []
    where = f.country or "?"
    named, family, category = EVENT_WEIGHTS
    if f.weapon:
        out.append((f"W:e:{f.weapon}:{where}", named))
    if f.category and f.origin:
        out.append((f"W:e:{f.category}/{f.origin}:{where}", family))
    if f.category and f.country:
        out.append((f"W:e:{f.category}:{where}", category))
    if f.actor and f.group not in _EVENT_GROUPS:
        out.append((f"A:e:{f.group}:{f.actor}", PARTY_WEIGHT))
    return out
