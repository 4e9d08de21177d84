"""Assessment of the five seed reports: stories, the repost date of 001, and the assertion that
Belgian rifles (FN SCAR) were used or seen in Belgorod Oblast in May 2023.

The claims come from the real extractor, which is being improved in parallel; the tests state
the structure expected of assessment and, where the extractor does not (yet) give a claim the
structure needs, say so (xfail) rather than work around it. The same assertion is checked
exactly on the gold claims, which are what a perfect extractor would give.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from enduse.assess import Assessment, assess
from enduse.extract import extract
from enduse.knowledge import Knowledge, cached_knowledge
from enduse.model import Assertion, Claim, ClaimType, Document
from enduse.pipeline import read_documents
from tests.conftest import shared_path

WAPO = "The Washington Post"


def _short(doc_id: str) -> str:
    return doc_id[:3]


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return cached_knowledge()


@pytest.fixture(scope="module")
def seeds(knowledge: Knowledge) -> list[Document]:
    folder = shared_path("seeds")
    docs, rejected = read_documents(sorted(folder.glob("*.txt")), 10_000_000, knowledge)
    assert not rejected and len(docs) == 5
    return docs


@pytest.fixture(scope="module")
def extracted(seeds: list[Document], knowledge: Knowledge) -> tuple[list[tuple[int, Claim]], Assessment]:
    claims = list(enumerate((c for d in seeds for c in extract(d, knowledge)), 1))
    return claims, assess(seeds, claims, knowledge)


@pytest.fixture(scope="module")
def gold(seeds: list[Document], knowledge: Knowledge) -> Assessment:
    path = shared_path("seeds", "gold.jsonl")
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    claims = [Claim.from_interchange(json.loads(line)) for line in lines if line.strip()]
    return assess(seeds, list(enumerate(claims, 1)), knowledge)


def _belgian_rifles_in_belgorod(c: Claim) -> bool:
    """Does a claim state that Belgian rifles were used or seen in Belgorod Oblast (May 2023)?"""
    may = (
        c.when is None
        or c.when.start is None
        or (c.when.start <= dt.date(2023, 5, 31) and c.when.end is not None and c.when.end >= dt.date(2023, 5, 1))
    )
    return (
        c.type in (ClaimType.USE, ClaimType.SIGHTING)
        and c.weapon is not None
        and (c.weapon.name == "FN SCAR" or c.weapon.category == "rifle")
        and c.origin == "BE"
        and c.place is not None
        and c.place.country == "RU"
        and c.place.region in (None, "RU-BEL")
        and may
        and not c.negated
    )


def _rifle_assertion(result: Assessment) -> Assertion:
    found = [
        a
        for a in result.assertions
        if a.type in (ClaimType.USE, ClaimType.SIGHTING)
        and a.weapon is not None
        and a.weapon.category == "rifle"
        and a.origin == "BE"
        and a.place is not None
        and a.place.country == "RU"
    ]
    assert len(found) == 1, [(a.id, a.weapon, a.place) for a in found]
    return found[0]


def test_seeds_000_001_002_are_one_story_003_and_004_two_others(extracted: tuple[list, Assessment]) -> None:
    _, result = extracted
    stories = sorted(sorted(_short(d) for d in s.doc_ids) for s in result.stories)
    assert stories == [["000", "001", "002"], ["003"], ["004"]]


def test_the_story_is_dated_by_its_claims_not_by_the_repost(extracted: tuple[list, Assessment]) -> None:
    _, result = extracted
    story = next(s for s in result.stories if len(s.doc_ids) == 3)
    assert story.first_reported == dt.date(2023, 6, 4)
    assert story.date is not None and story.date.start is not None and story.date.end is not None
    assert dt.date(2023, 5, 1) <= story.date.start <= story.date.end <= dt.date(2023, 6, 4)


def test_001_page_date_is_flagged_as_a_repost_date(extracted: tuple[list, Assessment]) -> None:
    _, result = extracted
    flags = {_short(d.doc_id): d.repost for d in result.documents}
    assert flags["001"].flag and flags["001"].reason is not None
    assert "2023-11-28" in flags["001"].reason and "2023-06-04" in flags["001"].reason
    assert not any(f.flag for k, f in flags.items() if k != "001")


def test_001_relative_dates_are_read_against_the_story_not_the_repost(extracted: tuple[list, Assessment]) -> None:
    _, result = extracted
    moved = [
        c for c in result.claims.values() if _short(c.doc_id) == "001" and c.when and "re-anchored" in c.when.resolution
    ]
    assert moved, "001's 'last month' should be re-read against the story's first report"
    assert all(c.when and c.when.start and c.when.start.year == 2023 and c.when.start.month == 5 for c in moved)


def test_belgian_rifles_assertion_gathers_000_001_002(extracted: tuple[list, Assessment]) -> None:
    _, result = extracted
    # The claims as assessed: 001's dates re-read against the story (its page date is a repost's).
    stating = {_short(c.doc_id) for c in result.claims.values() if _belgian_rifles_in_belgorod(c)}
    missing = {"000", "001", "002"} - stating
    if missing:
        pytest.xfail(f"extraction gives no claim of Belgian rifles used or seen in Belgorod in {sorted(missing)}")
    assertion = _rifle_assertion(result)
    docs = {_short(result.claims[cid].doc_id) for cid in assertion.claim_ids}
    assert {"000", "001", "002"} <= docs
    assert assertion.when is not None and assertion.when.start is not None
    assert assertion.when.start.month == 5 and assertion.when.start.year == 2023


def test_belgian_rifles_origins_on_extracted_claims(extracted: tuple[list, Assessment]) -> None:
    """The Washington Post's report is one origin however many documents cite it."""
    _, result = extracted
    assertion = _rifle_assertion(result)
    wapo = [o for o in assertion.origins if o.name == WAPO]
    assert len(wapo) == 1 and "001" in {_short(d) for d in wapo[0].docs}
    assert assertion.independent_origins == len(assertion.origins) == len({o.key for o in assertion.origins})
    rifle_000 = [
        result.claims[cid]
        for cid in assertion.claim_ids
        if _short(result.claims[cid].doc_id) == "000" and not result.claims[cid].hedged
    ]
    if not any(c.claimant and c.claimant.text == WAPO for c in rifle_000):
        pytest.xfail(
            "extraction attributes 000's 'These include ... rifles manufactured by ... Belgium' to "
            f"{[c.claimant.text if c.claimant else None for c in rifle_000]}, not to The Washington Post "
            "(citing intelligence) of the sentence before"
        )
    assert {"000", "001"} <= {_short(d) for d in wapo[0].docs}
    assert sorted(o.name for o in assertion.origins) == ["Het Laatste Nieuws", "Sputnik", WAPO]


def test_belgian_rifles_assertion_on_gold_claims(gold: Assessment) -> None:
    assertion = _rifle_assertion(gold)
    docs = {_short(gold.claims[cid].doc_id) for cid in assertion.claim_ids}
    assert docs == {"000", "001", "002"}
    assert assertion.weapon is not None and assertion.weapon.name == "FN SCAR"
    assert assertion.place is not None and assertion.place.region == "RU-BEL"
    by_name = {o.name: {_short(d) for d in o.docs} for o in assertion.origins}
    # WaPo (cited by 000 and 001), Sputnik's own report (002), and HLN's hedged "Belgian-made weapons".
    assert by_name == {WAPO: {"000", "001"}, "Sputnik": {"002"}, "Het Laatste Nieuws": {"000"}}
    assert assertion.independent_origins == 3
    wapo = next(o for o in assertion.origins if o.name == WAPO)
    assert any(p[-1] == "intelligence" for p in wapo.paths)  # the path shows what WaPo cites
    assert assertion.credibility == 3  # 2 firm origins (2), explained as captured from the enemy (+1)
    assert assertion.reliability == "F"  # nobody has graded these sources


def test_gold_stories_match(gold: Assessment) -> None:
    stories = sorted(sorted(_short(d) for d in s.doc_ids) for s in gold.stories)
    assert stories == [["000", "001", "002"], ["003"], ["004"]]
