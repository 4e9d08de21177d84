"""Analyst decisions: applied over what assessment computes, and kept across re-runs."""

from __future__ import annotations

import datetime as dt

import pytest

from enduse.assess import assess, claim_key
from enduse.assess.decisions import apply_partition
from enduse.knowledge import Knowledge, cached_knowledge
from enduse.model import Claim, ClaimType, Decision, DecisionKind, Document, ReviewState
from enduse.pipeline import assess_stored
from enduse.store import Repository
from tests.assess.helpers import claim, doc

DAY = dt.date(2023, 6, 4)


def _at(minute: int) -> dt.datetime:
    return dt.datetime(2024, 1, 1, 12, minute, tzinfo=dt.UTC)


def _decide(kind: DecisionKind, *targets: str, minute: int = 0, value: str | None = None) -> Decision:
    return Decision(kind, targets, "analyst1", "checked the footage", value, _at(minute))


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return cached_knowledge()


def _corpus() -> tuple[list[Document], list[Claim]]:
    docs = [
        doc(
            "a",
            "FN SCAR rifles of the Russian Volunteer Corps were filmed in Belgorod Oblast, says the BBC.",
            "bbc",
            DAY,
        ),
        doc(
            "b",
            "Reuters saw FN SCAR rifles with the Russian Volunteer Corps in Belgorod Oblast in May.",
            "reuters",
            DAY,
        ),
        doc("c", "HIMARS launchers struck a depot near Kherson, Ukrainian officials said on Friday.", "nos", DAY),
    ]
    claims = [
        claim("a", evidence=docs[0].text),
        claim("b", evidence=docs[1].text),
        claim("c", weapon=("HIMARS", "rocket artillery"), origin="US", place=("UA", "UA-65"), evidence=docs[2].text),
    ]
    return docs, claims


def test_partition_merge_split_and_unapplied() -> None:
    groups = [["a", "b"], ["c"], ["d"]]
    merge = _decide(DecisionKind.MERGE_STORIES, "a", "c", minute=1)
    split = _decide(DecisionKind.SPLIT_STORY, "b", minute=2)
    gone = _decide(DecisionKind.MERGE_STORIES, "zzz", minute=3)
    out, unapplied = apply_partition(
        groups, [split, merge, gone], DecisionKind.MERGE_STORIES, DecisionKind.SPLIT_STORY, lambda t: [t]
    )
    assert sorted(sorted(g) for g in out) == [["a", "c"], ["b"], ["d"]]  # oldest first: merge, then split
    assert unapplied == [gone]


def test_reject_accept_split_and_merge_assertions(knowledge: Knowledge) -> None:
    docs, claims = _corpus()
    ids = list(enumerate(claims, 1))
    base = assess(docs, ids, knowledge)
    rifles = next(a for a in base.assertions if a.weapon and a.weapon.name == "FN SCAR")
    assert sorted(rifles.claim_ids) == [1, 2]
    keys = [claim_key(c) for c in claims]

    rejected = assess(docs, ids, knowledge, [_decide(DecisionKind.REJECT_CLAIM, keys[1])])
    assert 2 not in rejected.claims and all(2 not in a.claim_ids for a in rejected.assertions)
    accepted = assess(docs, ids, knowledge, [_decide(DecisionKind.ACCEPT_CLAIM, keys[0])])
    assert accepted.claims[1].review == ReviewState.ACCEPTED
    split = assess(docs, ids, knowledge, [_decide(DecisionKind.SPLIT_ASSERTION, keys[1])])
    assert sorted(sorted(a.claim_ids) for a in split.assertions if a.type == ClaimType.USE) == [[1], [2], [3]]
    merged = assess(docs, ids, knowledge, [_decide(DecisionKind.MERGE_ASSERTIONS, keys[0], keys[2])])
    assert sorted(sorted(a.claim_ids) for a in merged.assertions if a.type == ClaimType.USE) == [[1, 2, 3]]
    later = [
        _decide(DecisionKind.REJECT_CLAIM, keys[1], minute=1),
        _decide(DecisionKind.ACCEPT_CLAIM, keys[1], minute=2),
    ]
    assert assess(docs, ids, knowledge, later).claims[2].review == ReviewState.ACCEPTED  # the later one wins


def test_story_decisions_and_unapplied_ones(knowledge: Knowledge) -> None:
    docs, claims = _corpus()
    ids = list(enumerate(claims, 1))
    base = assess(docs, ids, knowledge)
    assert sorted(sorted(s.doc_ids) for s in base.stories) == [["a", "b"], ["c"]]
    decided = [_decide(DecisionKind.SPLIT_STORY, "b"), _decide(DecisionKind.REJECT_CLAIM, "nowhere:EVENT:0")]
    result = assess(docs, ids, knowledge, decided)
    assert sorted(sorted(s.doc_ids) for s in result.stories) == [["a"], ["b"], ["c"]]
    assert [d.kind for d in result.unapplied] == [DecisionKind.REJECT_CLAIM]


def test_decisions_survive_re_running_the_pipeline(repo: Repository, knowledge: Knowledge) -> None:
    docs, claims = _corpus()
    for d in docs:
        repo.add_document(d)
    repo.replace_claims("a", [claims[0]])
    repo.replace_claims("b", [claims[1]])
    repo.replace_claims("c", [claims[2]])
    repo.add_decision(_decide(DecisionKind.REJECT_CLAIM, claim_key(claims[1]), minute=1))
    repo.add_decision(_decide(DecisionKind.SET_RELIABILITY, "bbc", minute=2, value="B"))
    repo.add_decision(_decide(DecisionKind.MERGE_STORIES, "a", "c", minute=3))
    first = assess_stored(repo, knowledge)
    # Extraction runs again: the same claims come back under new database ids.
    for d, c in zip(docs, claims, strict=True):
        repo.replace_claims(d.id, [c])
    second = assess_stored(repo, knowledge)
    for result in (first, second):
        texts = {c.doc_id for c in result.claims.values()}
        assert texts == {"a", "c"}  # b's claim stays rejected
        rifles = next(a for a in result.assertions if a.weapon and a.weapon.name == "FN SCAR")
        assert rifles.reliability == "B"
        assert sorted(sorted(s.doc_ids) for s in result.stories) == [["a", "b", "c"]]
    stored = repo.list_decisions()
    assert [d.kind for d in stored] == [
        DecisionKind.REJECT_CLAIM,
        DecisionKind.SET_RELIABILITY,
        DecisionKind.MERGE_STORIES,
    ]
    assert stored[0].who == "analyst1" and stored[0].why == "checked the footage" and stored[0].at == _at(1)
