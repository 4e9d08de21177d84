"""Copies: which documents are the same article, so that they count once.

Exact copies (the same normalised text) and near copies (reposts, lightly edited reprints)
come from `enduse.ingest.dedup`, the one place that defines them. Documents read from the
store already carry both (ingestion records them); documents read from files get them here,
oldest first, so each group is named after its earliest copy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from enduse.ingest.dedup import content_hash, near_duplicate_groups
from enduse.model import Document


@dataclass(frozen=True, slots=True)
class Copies:
    """`duplicate_of`: exact copies → the original; `group`: every document → its group key."""

    duplicate_of: dict[str, str]
    group: dict[str, str]

    def original(self, doc_id: str) -> str | None:
        """The document this one copies (exactly, or as a near copy), None for an original."""
        exact = self.duplicate_of.get(doc_id)
        if exact is not None:
            return exact
        key = self.group.get(doc_id, doc_id)
        return key if key != doc_id else None


def oldest_first(documents: Sequence[Document]) -> list[Document]:
    """Documents by publication date, undated last, then by id: copies point at originals."""
    return sorted(documents, key=lambda d: (d.published.value if d.published else dt.date.max, d.id))


def find_copies(documents: Sequence[Document]) -> Copies:
    """Exact and near copies among `documents`, reusing what ingestion recorded when it can."""
    ordered = oldest_first(documents)
    known = {d.id for d in documents}
    stored = all(d.near_duplicate_group for d in ordered if d.duplicate_of is None)
    if ordered and stored:
        duplicate_of = {d.id: d.duplicate_of for d in ordered if d.duplicate_of and d.duplicate_of in known}
        group = {d.id: d.near_duplicate_group or d.id for d in ordered if d.duplicate_of is None}
    else:
        duplicate_of = {}
        first_with_hash: dict[str, str] = {}
        for d in ordered:
            h = d.content_hash or content_hash(d.text)
            if h in first_with_hash:
                duplicate_of[d.id] = first_with_hash[h]
            else:
                first_with_hash[h] = d.id
        originals = [(d.id, d.text) for d in ordered if d.id not in duplicate_of]
        group = near_duplicate_groups(originals)
    for copy, original in duplicate_of.items():
        group[copy] = group.get(original, original)
    for d in ordered:
        group.setdefault(d.id, d.id)
    return Copies(duplicate_of, group)
