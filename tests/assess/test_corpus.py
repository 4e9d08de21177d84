"""Assessment of a generated corpus of 10,000 documents whose structure is known (corpus.py):
story clustering (pairwise F1 ≥ 0.95), independence counts (exact), copies and reposts."""

from __future__ import annotations

from collections import Counter
from math import comb

import pytest

from enduse.assess import Assessment, assess
from enduse.assess.origins import ownership_groups
from enduse.knowledge import cached_knowledge
from tests.assess.corpus import Corpus, generate

N_DOCS = 10_000


@pytest.fixture(scope="module")
def assessed() -> tuple[Corpus, Assessment]:
    knowledge = cached_knowledge()
    corpus = generate(N_DOCS, seed=7, knowledge=knowledge)
    return corpus, assess(corpus.documents, corpus.claims, knowledge)


def pairwise_f1(truth: dict[str, str], predicted: dict[str, str]) -> float:
    """F1 over pairs of documents put in one cluster, counted from the contingency table."""

    def pairs(counts: Counter[object]) -> int:
        return sum(comb(n, 2) for n in counts.values())

    both = pairs(Counter((truth[d], predicted[d]) for d in truth))
    precision = both / (pairs(Counter(predicted.values())) or 1)
    recall = both / (pairs(Counter(truth.values())) or 1)
    return 2 * precision * recall / ((precision + recall) or 1)


def test_pairwise_f1_helper() -> None:
    assert pairwise_f1({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "y"}) == 1.0
    assert pairwise_f1({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "y", "c": "y"}) == 0.0


def test_corpus_size(assessed: tuple[Corpus, Assessment]) -> None:
    corpus, result = assessed
    assert len(corpus.documents) >= N_DOCS
    assert len(result.documents) == len(corpus.documents)
    assert len({d.language for d in corpus.documents}) == 4


def test_story_clustering_pairwise_f1(assessed: tuple[Corpus, Assessment]) -> None:
    corpus, result = assessed
    predicted = {d.doc_id: d.story for d in result.documents}
    assert pairwise_f1(corpus.story_of, predicted) >= 0.95


def test_independent_origins_are_exact(assessed: tuple[Corpus, Assessment]) -> None:
    corpus, result = assessed
    home = {cid: a for a in result.assertions for cid in a.claim_ids}
    wrong = []
    for story, event_claims in corpus.event_claims.items():
        assertion = home[min(event_claims)]
        gathered = {cid for cid in assertion.claim_ids if cid in event_claims}
        if set(assertion.claim_ids) != event_claims or gathered != event_claims:
            wrong.append((story, "claims"))
        elif assertion.independent_origins != corpus.origins[story]:
            wrong.append((story, f"{assertion.independent_origins} origins, expected {corpus.origins[story]}"))
    assert wrong == []


def test_every_claim_keeps_its_evidence(assessed: tuple[Corpus, Assessment]) -> None:
    corpus, result = assessed
    assert sorted(cid for a in result.assertions for cid in a.claim_ids) == [cid for cid, _ in corpus.claims]
    texts = {d.id: d.text for d in corpus.documents}
    for claim in result.claims.values():
        assert texts[claim.doc_id][claim.evidence.start : claim.evidence.end] == claim.evidence.text


def test_exact_copies_point_at_their_original(assessed: tuple[Corpus, Assessment]) -> None:
    corpus, result = assessed
    duplicate_of = {d.doc_id: d.duplicate_of for d in result.documents}
    assert corpus.copies and all(duplicate_of[c] == o for c, o in corpus.copies.items())


def test_reposts_are_flagged_and_nothing_else(assessed: tuple[Corpus, Assessment]) -> None:
    corpus, result = assessed
    flagged = {d.doc_id for d in result.documents if d.repost.flag}
    assert corpus.reposts and flagged == corpus.reposts
    assert all(
        "days after the story's first report" in (d.repost.reason or "") for d in result.documents if d.repost.flag
    )


def test_denials_lower_credibility(assessed: tuple[Corpus, Assessment]) -> None:
    corpus, result = assessed
    denied = {corpus.story_of[d.id] for d in corpus.documents if d.id.endswith("-d")}
    home = {cid: a for a in result.assertions for cid in a.claim_ids}
    for story in denied:
        assertion = home[min(corpus.event_claims[story])]
        assert any(r.startswith("denied in") for r in assertion.reasons)
        # All its origins state it firmly; outlets of one owner count once; a denial: one step down.
        firm = len(ownership_groups(assertion.origins))
        assert assertion.credibility == 5 - min(firm, 3)
