"""Rules that read across sentences or around a mention, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_a_makers_consent_is_its_authorization_for_each_state_it_names() -> None:
    cs = claims("Paris approved the transfer of French-made Caesar howitzers from Belgium and Lithuania to Ukraine.")
    auths = of_type(cs, ClaimType.AUTHORIZATION)
    assert sorted(c.recipient for c in auths if c.recipient) == ["BE", "LT"]
    assert {c.supplier for c in auths} == {"FR"}
    # the transfer is what is permitted here, not one the text reports as made
    assert not of_type(cs, ClaimType.TRANSFER) and not of_type(cs, ClaimType.RETRANSFER)


def test_a_transfer_the_maker_consented_to_is_a_retransfer() -> None:
    cs = claims(
        "Lithuania will send Caesar howitzers to Ukraine next month.\n"
        "France gave its permission for this to Lithuania last week.\n"
        "Estonia will also send Caesar howitzers to Ukraine."
    )
    by_supplier = {c.supplier: c.type for c in cs if c.type in (ClaimType.TRANSFER, ClaimType.RETRANSFER)}
    assert by_supplier["LT"] == ClaimType.RETRANSFER
    assert by_supplier["EE"] == ClaimType.TRANSFER  # no consent told for Estonia
    [re] = of_type(cs, ClaimType.RETRANSFER)
    assert re.origin == "FR" and re.actor is not None and re.actor.name == "Government of Lithuania"


def test_consent_for_other_countries_covers_every_other_supplier() -> None:
    cs = claims(
        "Germany agreed to send Leopard tanks to Ukraine and gave permission for this to other countries.\n"
        "Portugal and Canada will deliver tanks to Ukraine as well."
    )
    assert sorted(c.supplier for c in of_type(cs, ClaimType.RETRANSFER) if c.supplier) == ["CA", "PT"]


def test_a_transfer_of_another_states_weapons_without_consent_stays_a_transfer() -> None:
    cs = claims("The Netherlands delivered Patriot launchers to Ukraine in March.")
    assert [c.type for c in cs] == [ClaimType.TRANSFER]


def test_permission_asked_for_is_no_consent() -> None:
    cs = claims("Kyiv requested permission from Washington to send HIMARS launchers on to Moldova and Georgia.")
    assert not [c for c in of_type(cs, ClaimType.AUTHORIZATION) if c.supplier == "US"]


def test_approving_a_sale_is_a_transfer_decision_not_a_condition_of_use() -> None:
    cs = claims("The Spanish government approved plans by a local company to sell Leopard 2 tanks to Morocco.")
    assert not of_type(cs, ClaimType.AUTHORIZATION)
    assert of_type(cs, ClaimType.TRANSFER)


def test_a_word_written_in_lower_case_is_no_place() -> None:
    cs = claims("The ministry wants to buy 15 Gepard guns from Qatar and send them on.")
    assert all(c.place is None or c.place.region != "RU-KOS" for c in cs)


def test_the_authorities_of_a_state_are_that_state() -> None:
    cs = claims("The authorities of Portugal and Spain announced that they will deliver Leopard 2 tanks to Ukraine.")
    assert sorted(c.supplier for c in of_type(cs, ClaimType.TRANSFER) if c.supplier) == ["ES", "PT"]


def test_the_subject_of_a_verb_of_receiving_is_the_recipient() -> None:
    [c] = of_type(
        claims("Officials said Belarus received Iskander missiles from Russia last year."), ClaimType.TRANSFER
    )
    assert (c.supplier, c.recipient) == ("RU", "BY")


def test_a_retransfer_is_by_the_state_that_received_the_weapons_first() -> None:
    cs = claims("Police said rifles shipped to Georgia have made their way to criminal gangs in Armenia.")
    [c] = of_type(cs, ClaimType.RETRANSFER)
    assert c.supplier == "GE" and c.recipient != "GE"


def test_a_date_opening_the_sentence_dates_all_of_it() -> None:
    cs = claims(
        "On Tuesday, March 12, the governments of Portugal and Spain, after long talks, "
        "agreed to transfer Leopard 2 tanks."
    )
    assert {c.when.start for c in of_type(cs, ClaimType.TRANSFER) if c.when} == {dt.date(2024, 3, 12)}


def test_a_date_beside_a_reporting_verb_dates_the_statement_not_the_event() -> None:
    [c] = of_type(
        claims("The minister on Monday said his army had taken delivery of Leopard 2 tanks."), ClaimType.TRANSFER
    )
    assert c.when is None


def test_generic_weapons_in_a_retransfer_take_the_name_the_consent_gave() -> None:
    cs = claims(
        "Germany agreed to send Leopard tanks to Ukraine and gave permission for this to other countries.\n"
        "Portugal will deliver tanks to Ukraine as well."
    )
    [c] = of_type(cs, ClaimType.RETRANSFER)
    assert c.weapon is not None and c.weapon.name == "Leopard" and c.weapon.text == "tanks"


_WORDS = [
    "Ukraine",
    "Russia",
    "Germany",
    "said",
    "says",
    "received",
    "sent",
    "Leopard",
    "tanks",
    "HIMARS",
    "used",
    "captured",
    "permission",
    "approved",
    "to",
    "from",
    "the",
    ",",
    ".",
    "“",
    "”",
    "—",
    "it",
    "These",
    "on",
    "Monday",
    "ТАСС",
    "сообщает",
    "захвачены",
    "танки",
    "selon",
    "le",
    "quoted",
    "as",
    "saying",
    "\n",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_any_run_of_these_words_extracts_without_error_and_with_true_offsets(words: list[str]) -> None:
    text = " ".join(words)
    for c in claims(text):
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text


def test_munitions_for_a_system_are_ammunition_of_the_systems_maker() -> None:
    [c] = of_type(
        claims("Britain handed over to Ukraine thousands of shells for the Challenger 2."), ClaimType.TRANSFER
    )
    assert c.weapon is not None and (c.weapon.name, c.weapon.category) == (None, "ammunition")
    assert c.origin == "GB"


def test_where_used_weapons_came_from_is_background_unless_told_as_an_earlier_event() -> None:
    background = claims("Rebels used Milan missiles supplied by France against the convoy.")
    assert [c.type for c in background] == [ClaimType.USE]
    earlier = claims("Rebels used Milan missiles previously supplied by France to the army against the convoy.")
    assert {c.type for c in earlier} == {ClaimType.USE, ClaimType.TRANSFER}


def test_a_documents_one_captor_holds_for_its_captures_without_one() -> None:
    cs = claims(
        "Trophy Marder vehicles were put on show in Minsk on Friday.\n"
        "The exhibition of equipment captured by Belarusian troops will open in May."
    )
    assert {c.actor.name if c.actor else None for c in of_type(cs, ClaimType.CAPTURE)} == {"Armed Forces of Belarus"}


def test_crimea_alone_is_the_autonomous_republic() -> None:
    [c] = of_type(claims("Ukraine used Storm Shadow missiles against a port in Crimea on Friday."), ClaimType.USE)
    assert c.place is not None and (c.place.country, c.place.region) == ("UA", "UA-43")


def test_a_supplier_named_after_the_verb_in_free_word_order() -> None:
    cs = claims("Також танки Leopard 2 Україні зобов'язались надати Португалія та Іспанія.")
    assert sorted(c.supplier for c in of_type(cs, ClaimType.TRANSFER) if c.supplier) == ["ES", "PT"]


def test_weapons_from_a_state_in_other_languages() -> None:
    [c] = of_type(claims("Україна отримала шість літаків з Норвегії."), ClaimType.TRANSFER)
    assert (c.supplier, c.recipient) == ("NO", "UA")


def test_allows_us_to_confirm_is_no_permission() -> None:
    cs = claims('"The debris allows us to confirm that troops downed a Shahed drone," the ministry said.')
    assert not of_type(cs, ClaimType.AUTHORIZATION)


def test_a_leaked_document_is_no_leak_of_weapons() -> None:
    assert not of_type(claims("A leaked report listed Grad launchers in the depot."), ClaimType.RETRANSFER)
    assert of_type(claims("Grad rocket launchers leaked to armed gangs, police said."), ClaimType.RETRANSFER)


def test_the_aircraft_carrying_a_weapon_is_not_the_weapon_seen() -> None:
    cs = claims("In a video, a pilot is seen beside a Storm Shadow missile attached to a Su-24 jet.")
    assert {c.weapon.name for c in cs if c.weapon} == {"Storm Shadow"}


def test_a_bare_reference_back_does_not_carry_a_capture_on() -> None:
    cs = claims("Soldiers captured two Marder vehicles near the border.\nReporters could not verify the weapons.")
    assert len(of_type(cs, ClaimType.CAPTURE)) == 1


def test_a_transfer_asked_for_or_only_possible_is_not_reported() -> None:
    assert not of_type(claims("Kyiv urged its allies to deliver more Leopard 2 tanks."), ClaimType.TRANSFER)
    assert not of_type(claims("The initiative could provide Ukraine with Leopard 2 tanks."), ClaimType.TRANSFER)
    assert of_type(claims("Officials said Spain would send Leopard 2 tanks to Ukraine."), ClaimType.TRANSFER)
    assert of_type(claims("The tanks that Madrid wanted to deliver have arrived in Ukraine."), ClaimType.TRANSFER)


def test_armed_with_is_what_a_force_holds_not_a_transfer() -> None:
    assert not of_type(claims("The air force is armed with 42 F-16 aircraft."), ClaimType.TRANSFER)


def test_a_pronoun_after_a_leading_source_refers_back() -> None:
    cs = claims(
        "Kyiv has received Storm Shadow missiles from Britain.\n"
        "According to Russian officials, they were fired at a plant in Donetsk in May."
    )
    [use] = of_type(cs, ClaimType.USE)
    assert use.weapon is not None and use.weapon.name == "Storm Shadow"


def test_missiles_destroyed_in_flight_were_fired() -> None:
    cs = claims("Selon le ministère, cinq missiles Storm Shadow ont été détruits en vol au-dessus de la Crimée.")
    assert of_type(cs, ClaimType.USE)


def test_a_party_denying_asserts_its_own_denial_in_a_reported_sentence() -> None:
    cs = claims("Officials said Belarus received Iskander missiles, though Minsk has denied the sale.")
    [d] = of_type(cs, ClaimType.DENIAL)
    assert d.claimant is not None and d.claimant.text == "Minsk"
    cs = claims("The minister said that Belarus had nothing to do with the Iskander strikes.")
    [d] = of_type(cs, ClaimType.DENIAL)
    assert d.claimant is not None and d.claimant.text == "The minister"


def test_a_permission_word_far_from_weapons_and_their_use_is_no_authorization() -> None:
    cs = claims(
        "Reporters were not allowed to enter the court on Monday, as the judge ruled that the hearing of the "
        "two men, arrested in the north of the country last year after a long investigation, would be closed "
        "to the public; the men are accused of planting the bombs that killed nine people in the market."
    )
    assert not of_type(cs, ClaimType.AUTHORIZATION)
    cs = claims("Norway allowed Kyiv to use its NASAMS launchers against targets in Russia.")
    assert of_type(cs, ClaimType.AUTHORIZATION)


def test_a_system_named_in_the_next_sentence_names_the_class_before() -> None:
    cs = claims("Portugal will deliver tanks to Ukraine in March. These will be Leopard 2A4 versions.")
    [c] = of_type(cs, ClaimType.TRANSFER)
    assert c.weapon is not None and (c.weapon.text, c.weapon.name) == ("tanks", "Leopard 2A4")


def test_dates_in_a_row_after_a_leading_report_open_the_sentence() -> None:
    cs = claims(
        "As the agency reported earlier, on Tuesday, March 12, the governments of Portugal and Spain, "
        "after long talks in the capital, agreed to transfer Leopard 2 tanks."
    )
    assert {c.when.start for c in of_type(cs, ClaimType.TRANSFER) if c.when} == {dt.date(2024, 3, 12)}


def test_an_office_named_for_investigations_is_no_inquiry() -> None:
    cs = claims("The head of the police bureau of investigations said Grad rocket launchers were sold to gangs.")
    assert not of_type(cs, ClaimType.INVESTIGATION)
    assert of_type(
        claims("Police opened investigations into Grad rocket launchers sold to gangs."), ClaimType.INVESTIGATION
    )


def test_each_item_of_a_list_is_a_weapon_even_a_bare_one() -> None:
    cs = claims("The rebels used weapons, radios, armoured vehicles and drones supplied by Iran.")
    assert {c.weapon.category for c in of_type(cs, ClaimType.USE) if c.weapon} == {
        "generic",
        "armoured vehicle",
        "drone",
    }


def test_a_demand_for_more_aid_is_no_transfer() -> None:
    assert not of_type(claims("Kyiv renewed its demands for more Leopard 2 tanks."), ClaimType.TRANSFER)


def test_them_in_a_sentence_of_use_stands_for_the_weapons_before() -> None:
    cs = claims("Belarus received Iskander missiles from Russia.\nThe occupiers are already using them against Kyiv.")
    [use] = of_type(cs, ClaimType.USE)
    assert use.weapon is not None and use.weapon.name == "Iskander-M"
    assert use.actor is not None and use.actor.name == "Armed Forces of the Russian Federation"


def test_each_denial_is_a_statement_of_its_own() -> None:
    cs = claims(
        "Belarus has denied sending Iskander missiles to Russia.\n"
        "Minsk again denied the report on Friday, telling the panel the flights carried food."
    )
    assert len(of_type(cs, ClaimType.DENIAL)) == 2


def test_communications_equipment_is_not_a_weapon() -> None:
    cs = claims("The rebels used weapons, communications equipment and armoured vehicles supplied by Iran.")
    assert {c.weapon.text for c in of_type(cs, ClaimType.USE) if c.weapon} == {"weapons", "armoured vehicles"}
    assert {c.supplier for c in of_type(cs, ClaimType.USE)} == {"IR"}


def test_an_export_to_several_states_is_no_re_export_consent() -> None:
    cs = claims(
        "Washington approved the sale of F-16 jets to Turkey and Greece.\nGreece will send F-16 jets to Ukraine."
    )
    assert not of_type(cs, ClaimType.RETRANSFER)


def test_give_transfers_only_weapons_named_after_it() -> None:
    assert not of_type(claims("He gave no details about the HIMARS strikes near the river."), ClaimType.TRANSFER)
    assert of_type(claims("Washington gave Ukraine 31 M1 Abrams tanks."), ClaimType.TRANSFER)


def test_attacked_by_a_weapon_is_its_use() -> None:
    [c] = of_type(claims("Officials said three bridges were attacked by HIMARS last week."), ClaimType.USE)
    assert c.weapon is not None and c.weapon.name == "HIMARS"


def test_routing_weapons_through_a_third_state_is_a_retransfer() -> None:
    cs = claims("The group is trying to route these weapons through Libya to its fighters.")
    assert of_type(cs, ClaimType.RETRANSFER)
    assert not of_type(
        claims("The Grad rocket launchers arrived along a supply route near Tripoli."), ClaimType.RETRANSFER
    )


def test_a_report_seen_by_an_outlet_is_no_sighting() -> None:
    cs = claims("The report, seen by the Daily Ledger, said Grad rocket launchers were unloaded in Chad.")
    assert not of_type(cs, ClaimType.SIGHTING)
    assert of_type(claims("Grad rocket launchers were seen by villagers near the border."), ClaimType.SIGHTING)
