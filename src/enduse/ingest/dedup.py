"""Duplicate detection: exact copies by a hash of the normalised text, near copies and
reposts by MinHash LSH (datasketch) over word 5-shingles."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

from enduse.ingest.boilerplate import normalise

NUM_PERM = 128
SHINGLE = 5


def content_hash(text: str) -> str:
    """SHA-256 of the text with case, punctuation and spacing normalised away."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def minhash(text: str) -> MinHash:
    words = normalise(text).split()
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def near_duplicate_groups(docs: Iterable[tuple[str, str]], threshold: float = 0.7) -> dict[str, str]:
    """Map each document id to the id of its group's first member (input order).

    `docs` gives `(id, text)` pairs, ideally oldest first so the group key is the original.
    """
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    group: dict[str, str] = {}
    for doc_id, text in docs:
        m = minhash(text)
        matches = [group[k] for k in lsh.query(m) if k in group]
        group[doc_id] = min(matches) if matches else doc_id
        lsh.insert(doc_id, m)
    return group
