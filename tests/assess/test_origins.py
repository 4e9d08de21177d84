"""Independence: citation chains, copies and ownership (origins.py), through `assess`."""

from __future__ import annotations

import datetime as dt

import pytest

from enduse.assess import assess
from enduse.knowledge import Knowledge, cached_knowledge
from enduse.model import Assertion, Claim, Document
from tests.assess.helpers import claim, doc

DAY = dt.date(2023, 6, 4)
TEXT = "Belgian FN SCAR rifles were seen in Belgorod Oblast with the Russian Volunteer Corps, {}."


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return cached_knowledge()


def _one(docs: list[Document], claims: list[Claim], knowledge: Knowledge) -> Assertion:
    result = assess(docs, list(enumerate(claims, 1)), knowledge)
    rifles = [a for a in result.assertions if a.weapon and a.weapon.name == "FN SCAR"]
    assert len(rifles) == 1
    return rifles[0]


def test_three_outlets_citing_the_washington_post_are_one_origin(knowledge: Knowledge) -> None:
    docs = [doc(f"d{i}", TEXT.format(f"report {i} says"), o, DAY) for i, o in enumerate(("hln", "bbc", "le-monde"))]
    claims = [
        claim("d0", claimant="The Washington Post", via=("intelligence",)),
        claim("d1", claimant="The Washington Post"),
        claim("d2", claimant="Le Soir", via=("The Washington Post", "US officials")),
    ]
    a = _one(docs, claims, knowledge)
    assert a.independent_origins == 1
    (wapo,) = a.origins
    assert wapo.name == "The Washington Post" and wapo.key == "washington-post"
    assert set(wapo.docs) == {"d0", "d1", "d2"}
    assert ("d2 (Le Monde)", "Le Soir", "The Washington Post", "US officials") in wapo.paths


def test_unnamed_sources_are_the_outlets_own_reporting(knowledge: Knowledge) -> None:
    docs = [doc("d0", TEXT.format("a reliable source said"), "bbc", DAY), doc("d1", "Kyiv is silent.", "reuters", DAY)]
    claims = [claim("d0", claimant="a reliable source"), claim("d1", claimant="US officials")]
    a = _one(docs, claims, knowledge)
    assert sorted(o.key for o in a.origins) == ["bbc", "reuters"]


def test_copies_count_once_even_when_one_drops_the_attribution(knowledge: Knowledge) -> None:
    text = TEXT.format("as the newspaper reported on Sunday in a long article about the raid and its aftermath")
    docs = [
        doc("orig", text, "hln", DAY),
        doc("copy1", text, "de-morgen", DAY + dt.timedelta(days=1)),  # an exact copy
        doc("copy2", text + " Read more.", None, DAY + dt.timedelta(days=2)),  # a near copy
    ]
    claims = [
        claim("orig", claimant="Het Laatste Nieuws"),
        claim("copy1", claimant="Het Laatste Nieuws"),
        claim("copy2"),
    ]
    a = _one(docs, claims, knowledge)
    assert [(o.name, set(o.docs)) for o in a.origins] == [("Het Laatste Nieuws", {"orig", "copy1", "copy2"})]
    assert any("copy of orig" in p for p in a.origins[0].paths)


def test_outlets_of_one_owner_are_shown_as_related(knowledge: Knowledge) -> None:
    docs = [doc("d0", TEXT.format("RIA says"), "ria-novosti", DAY), doc("d1", "Sputnik says so too.", "sputnik", DAY)]
    claims = [claim("d0", claimant="RIA Novosti"), claim("d1", claimant="Sputnik")]
    a = _one(docs, claims, knowledge)
    assert a.independent_origins == 2
    related = {o.name: o.related for o in a.origins}
    assert related == {"RIA Novosti": ("Sputnik",), "Sputnik": ("RIA Novosti",)}
    assert a.credibility == 3  # two origins, but one owner: one firm confirmation
