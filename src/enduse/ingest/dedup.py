"""Duplicate detection: exact copies by a hash of the normalised text, near copies and
reposts by MinHash LSH (datasketch) over word 5-shingles.

Most reports of an event copy one original: wire copy reprinted with a new headline, an
article reposted on an unrelated site under a later date, the same text with a different
footer. Counting them as independent sources would inflate every assertion, so each
document is put in a group with its copies, and the group is named after its *earliest*
member, the likely original.

LSH only proposes candidates; each is confirmed by the MinHash estimate of the Jaccard
similarity before it joins a group, and groups that a new document bridges are merged
(union-find), so the result does not depend on which candidate LSH returned first.

A document's MinHash is computed once, when it is ingested, and stored as bytes
(`signature`); grouping a store rebuilds the LSH index from the stored signatures, which
costs a small fraction of shingling and hashing every stored text again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from datasketch import LeanMinHash, MinHash, MinHashLSH

from enduse.ingest.boilerplate import normalise

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.7


def content_hash(text: str) -> str:
    """SHA-256 of the text with case, punctuation and spacing normalised away."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def shingles(text: str) -> set[bytes]:
    """Overlapping word 5-grams of the normalised text (the whole text when shorter)."""
    words = normalise(text).split()
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(max(1, len(words) - SHINGLE + 1))}


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """An empty MinHash whose permutations are drawn once: `MinHash()` draws them anew on
    every call, which cost more than hashing the shingles of a whole article."""
    return MinHash(num_perm=NUM_PERM)


def minhash(text: str) -> MinHash:
    template = _template()
    m = MinHash(num_perm=NUM_PERM, permutations=template.permutations, scheme=template.scheme)
    m.update_batch(list(shingles(text)))
    return m


def signature(text: str) -> bytes:
    """The text's MinHash as bytes to store: datasketch's own format, little-endian, which
    carries the seed and permutation scheme, so a signature stays readable if they change."""
    lean = LeanMinHash(minhash(text))
    buf = bytearray(lean.bytesize(byteorder="<"))
    lean.serialize(buf, byteorder="<")
    return bytes(buf)


def from_signature(data: bytes) -> LeanMinHash:
    return LeanMinHash.deserialize(data, byteorder="<")


def near_duplicate_groups(docs: Iterable[tuple[str, str]], threshold: float = THRESHOLD) -> dict[str, str]:
    """Map each document id to the id of its group's original.

    :param docs: `(id, text)` pairs, earliest first (by publication date): the first member
        of a group, in this order, is taken as its original.
    :param threshold: the estimated Jaccard similarity of 5-shingles above which two texts
        are copies of each other.
    """
    return group_signatures(((doc_id, minhash(text), None) for doc_id, text in docs), threshold)


def group_signatures(docs: Iterable[tuple[str, MinHash, str | None]], threshold: float = THRESHOLD) -> dict[str, str]:
    """`near_duplicate_groups` over MinHashes already computed (`from_signature`).

    :param docs: `(id, minhash, page)` triples, earliest first. `page` names the page a
        document was read from (`urls.url_document_id`), or None: documents of the same page
        join one group whatever their texts, since they are versions of one report (an
        update, a correction, a live page fetched twice) and not independent sources.
    """
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    order: dict[str, int] = {}
    parent: dict[str, str] = {}
    hashes: dict[str, MinHash] = {}
    first_of_page: dict[str, str] = {}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    for doc_id, m, page in docs:
        if doc_id in order:
            continue  # the same id twice: keep its first place
        order[doc_id] = len(order)
        parent[doc_id] = doc_id
        roots = {root(k) for k in lsh.query(m) if m.jaccard(hashes[k]) >= threshold}
        if page is not None:
            if page in first_of_page:
                roots.add(root(first_of_page[page]))
            else:
                first_of_page[page] = doc_id
        if roots:
            earliest = min(roots, key=order.__getitem__)
            for r in roots:
                parent[r] = earliest
            parent[doc_id] = earliest
        lsh.insert(doc_id, m)
        hashes[doc_id] = m
    return {doc_id: root(doc_id) for doc_id in order}
