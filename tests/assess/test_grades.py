"""Admiralty grades kept apart: reliability from the sources, credibility from the claims."""

from __future__ import annotations

import datetime as dt

import pytest

from enduse.assess import assess
from enduse.knowledge import Knowledge, cached_knowledge
from enduse.model import Assertion, Claim, ClaimType, Decision, DecisionKind
from tests.assess.helpers import claim, doc

DAY = dt.date(2023, 6, 4)
OUTLETS = ("bbc", "reuters", "le-monde", "nos")


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return cached_knowledge()


def _grade(
    knowledge: Knowledge,
    claims: list[Claim],
    grades: dict[str, str] | None = None,
    decisions: tuple[Decision, ...] = (),
) -> Assertion:
    docs = [doc(f"d{i}", f"FN SCAR rifles in Belgorod Oblast, report {i}.", o, DAY) for i, o in enumerate(OUTLETS)]
    result = assess(docs, list(enumerate(claims, 1)), knowledge, decisions, grades)
    return next(a for a in result.assertions if a.type in (ClaimType.USE, ClaimType.SIGHTING))


@pytest.mark.parametrize(
    ("n_firm", "n_hedged", "expected"),
    [(3, 0, 1), (2, 0, 2), (1, 0, 3), (1, 2, 3), (0, 2, 4)],
)
def test_credibility_from_corroboration(knowledge: Knowledge, n_firm: int, n_hedged: int, expected: int) -> None:
    claims = [claim(f"d{i}") for i in range(n_firm)]
    claims += [claim(f"d{n_firm + i}", hedged=True) for i in range(n_hedged)]
    assert _grade(knowledge, claims).credibility == expected


def test_a_denial_and_a_capture_lower_credibility(knowledge: Knowledge) -> None:
    claims = [claim("d0"), claim("d1")]
    assert _grade(knowledge, claims).credibility == 2
    denial = claim("d2", ClaimType.DENIAL, actor="Federal Government of Belgium", negated=True, when=None)
    assert _grade(knowledge, [*claims, denial]).credibility == 3
    trophy = claim("d3", ClaimType.CAPTURE, weapon=(None, "generic"), origin=None, when=None)
    graded = _grade(knowledge, [*claims, denial, trophy])
    assert graded.credibility == 4
    assert any(r.startswith("explained as captured") for r in graded.reasons)


def test_hedged_only_and_denied_is_improbable(knowledge: Knowledge) -> None:
    denial = claim("d2", ClaimType.DENIAL, actor="Federal Government of Belgium", negated=True, when=None)
    assert _grade(knowledge, [claim("d0", hedged=True), denial]).credibility == 5


def test_only_negated_claims_cannot_be_judged(knowledge: Knowledge) -> None:
    assert _grade(knowledge, [claim("d0", negated=True)]).credibility == 6


def test_reliability_is_the_best_graded_source_and_f_by_default(knowledge: Knowledge) -> None:
    claims = [claim("d0"), claim("d1")]
    assert _grade(knowledge, claims).reliability == "F"
    graded = _grade(knowledge, claims, {"bbc": "C", "reuters": "B"})
    assert graded.reliability == "B" and graded.credibility == 2  # grades do not move credibility
    decision = Decision(
        DecisionKind.SET_RELIABILITY, ("bbc",), "ana", "long record", "A", dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    )
    assert _grade(knowledge, claims, {"bbc": "C"}, (decision,)).reliability == "A"
