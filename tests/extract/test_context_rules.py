"""Rules that read across sentences or around a mention, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from enduse.extract import extract
from enduse.knowledge import cached_knowledge
from enduse.model import Claim, ClaimType, DatePrecision, Document, PublishedDate


def claims(text: str) -> list[Claim]:
    doc = Document(id="t", text=text, published=PublishedDate(dt.date(2024, 3, 15), DatePrecision.DAY, "test"))
    return extract(doc, cached_knowledge())


def of_type(cs: list[Claim], ctype: ClaimType) -> list[Claim]:
    return [c for c in cs if c.type == ctype]


def test_weapons_listed_after_a_capture_are_trophies_of_the_same_captor() -> None:
    cs = claims(
        "Belarusian troops captured two Marder vehicles near the border last month.\n"
        "The trophy park will also show a CV90 and an AMX-10 RC next week."
    )
    captures = of_type(cs, ClaimType.CAPTURE)
    assert sorted(c.weapon.name for c in captures if c.weapon) == ["AMX-10 RC", "CV90", "Marder"]
    assert {c.actor.name for c in captures if c.actor} == {"Armed Forces of Belarus"}


def test_a_trophy_already_claimed_is_not_claimed_again() -> None:
    cs = claims(
        "Belarusian troops captured a Marder vehicle near the border.\n"
        "Besides the Marder mentioned, visitors will see a CV90."
    )
    names = [c.weapon.name for c in of_type(cs, ClaimType.CAPTURE) if c.weapon]
    assert sorted(names) == ["CV90", "Marder"]


def test_only_a_capture_carries_over_to_sentences_without_a_verb() -> None:
    cs = claims("Norway sent NASAMS launchers to Ukraine in May.\nThe CV90 is a Swedish vehicle.")
    assert not [c for c in cs if c.weapon and c.weapon.name == "CV90"]


def test_a_states_soldiers_are_its_armed_forces_in_several_languages() -> None:
    cs = claims("Les troupes turques ont utilisé des drones Bayraktar TB2 près de la frontière.")
    [use] = of_type(cs, ClaimType.USE)
    assert use.actor is not None and use.actor.name == "Turkish Armed Forces"


def test_military_before_another_noun_is_not_an_actor() -> None:
    cs = claims("Belarusian military aid included Grad rocket launchers used near the border.")
    assert all(c.actor is None or c.actor.name != "Armed Forces of Belarus" for c in cs)


def test_a_state_the_catalog_does_not_know_does_not_end_a_list_of_origins() -> None:
    cs = claims("Soldiers captured equipment produced in Sweden, Czechoslovakia, Finland and Austria.")
    assert sorted(c.origin for c in of_type(cs, ClaimType.CAPTURE) if c.origin) == ["AT", "FI", "SE"]
