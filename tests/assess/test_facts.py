"""When two claims state the same thing (facts.py), and claim keys that survive re-runs."""

from __future__ import annotations

import datetime as dt

import pytest

from enduse.assess import claim_key
from enduse.assess.facts import facts_of
from enduse.assess.names import Names
from enduse.knowledge import cached_knowledge
from enduse.model import ClaimType
from tests.assess.helpers import claim


@pytest.fixture(scope="module")
def names() -> Names:
    return Names(cached_knowledge())


def test_use_and_sighting_merge_other_types_do_not(names: Names) -> None:
    use = facts_of(claim("a", ClaimType.USE), names)
    seen = facts_of(claim("b", ClaimType.SIGHTING), names)
    transfer = facts_of(claim("c", ClaimType.TRANSFER), names)
    assert use.compatible(seen) and not use.compatible(transfer)


def test_a_system_fits_under_a_class_of_its_category_and_origin(names: Names) -> None:
    scar = facts_of(claim("a", weapon=("FN SCAR", "rifle"), origin=None), names)
    assert scar.origin == "BE" and scar.category == "rifle"  # from the catalog
    belgian_rifles = facts_of(claim("b", weapon=(None, "rifle"), origin="BE"), names)
    czech_rifles = facts_of(claim("c", weapon=(None, "rifle"), origin="CZ"), names)
    belgian_weapons = facts_of(claim("d", weapon=(None, "generic"), origin="BE"), names)
    tanks = facts_of(claim("e", weapon=(None, "tank"), origin=None), names)
    assert scar.compatible(belgian_rifles) and scar.compatible(belgian_weapons)
    assert not scar.compatible(czech_rifles)
    assert not belgian_weapons.compatible(tanks)  # "Belgian weapons" and "tanks" are not "Belgian tanks"
    other = facts_of(claim("f", weapon=("AT4", "anti-tank weapon"), origin=None), names)
    assert not scar.compatible(other)


def test_a_variant_fits_its_parent_system(names: Names) -> None:
    patriot = facts_of(claim("a", weapon=("Patriot", "air defence"), origin="US"), names)
    pac3 = facts_of(claim("b", weapon=("PAC-3 MSE", "air defence"), origin="US"), names)
    assert patriot.compatible(pac3) and patriot.narrow(pac3).weapon == "pac-3"


def test_places_and_times(names: Names) -> None:
    belgorod = facts_of(claim("a", place=("RU", "RU-BEL")), names)
    russia = facts_of(claim("b", place=("RU", None)), names)
    kursk = facts_of(claim("c", place=("RU", "RU-KRS")), names)
    kharkiv = facts_of(claim("d", place=("UA", "UA-63")), names)
    assert belgorod.compatible(russia) and not belgorod.compatible(kursk) and not belgorod.compatible(kharkiv)
    june = facts_of(claim("e", when=(dt.date(2023, 6, 10), dt.date(2023, 6, 12))), names)
    undated = facts_of(claim("f", when=None), names)
    assert not belgorod.compatible(june) and belgorod.compatible(undated)


def test_two_towns_are_two_places(names: Names) -> None:
    izium = facts_of(claim("a", place=("UA", None), place_text="near Izium"), names)
    kupiansk = facts_of(claim("b", place=("UA", None), place_text="in Kupiansk"), names)
    ukraine = facts_of(claim("c", place=("UA", None), place_text="in Ukraine"), names)
    assert izium.settlement and kupiansk.settlement and izium.settlement != kupiansk.settlement
    assert not izium.compatible(kupiansk) and izium.compatible(ukraine)


def test_co_fighting_forces_agree_other_actors_do_not(names: Names) -> None:
    rvc = facts_of(claim("a", actor="Russian Volunteer Corps"), names)
    frl = facts_of(claim("b", actor="Freedom of Russia Legion"), names)
    russian_army = facts_of(claim("c", actor="Armed Forces of the Russian Federation"), names)
    described = facts_of(claim("d", actor="pro-Ukraine fighters"), names)
    assert rvc.compatible(frl) and not rvc.compatible(russian_army)
    assert described.actor is None and described.compatible(rvc)  # a description is not an identity


def test_the_acting_party_of_a_decision_counts_even_unknown_to_the_catalog(names: Names) -> None:
    a = facts_of(claim("a", ClaimType.INVESTIGATION, actor="Federal Government of Belgium"), names)
    b = facts_of(claim("b", ClaimType.INVESTIGATION, actor="Belgian government"), names)
    c = facts_of(claim("c", ClaimType.INVESTIGATION, actor="Some Parliament Committee"), names)
    assert a.actor == b.actor == "actor:be-government" and a.compatible(b)
    assert c.actor is not None and not a.compatible(c)


def test_claim_key_is_stable_and_tells_claims_apart() -> None:
    a = claim("d1", origin="BE")
    assert claim_key(a) == claim_key(claim("d1", origin="BE"))
    assert claim_key(a) != claim_key(claim("d1", origin="CZ"))  # one sentence, two claims
    assert claim_key(a) == claim_key(claim("d1", ClaimType.SIGHTING, origin="BE"))  # one event seen two ways
    spaced = claim("d1", evidence="Belgian  rifles were seen in\nBelgorod Oblast.")
    assert claim_key(spaced) == claim_key(a)  # spacing and case do not matter
    assert claim_key(a).startswith("d1:")
