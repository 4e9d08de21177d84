"""The policy engine over the bundled demo registry, one claim and its expected finding per case.

Each case names the rule (a condition id, or an engine rule) that must appear among the
reasons, and a phrase that must be in its text or in what the finding says is missing.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from enduse.knowledge import cached_knowledge
from enduse.model import (
    ActorRef,
    Claim,
    ClaimType,
    Condition,
    DateSpan,
    Evidence,
    PlaceRef,
    Transfer,
    Verdict,
    WeaponRef,
)
from enduse.registry import DEMO_REGISTRY, PolicyEngine, conditions_in_force, finding_json, load_registry_yaml

B, C, U, NA = Verdict.POSSIBLE_BREACH, Verdict.CONSISTENT, Verdict.UNDETERMINED, Verdict.NOT_APPLICABLE


def claim(
    type: str = "USE",
    name: str | None = None,
    category: str | None = None,
    origin: str | None = None,
    supplier: str | None = None,
    recipient: str | None = "UA",
    place: tuple[str | None, str | None] | None = None,
    when: tuple[str, str] | str | None = None,
    purpose: str | None = None,
    actor: str | None = None,
    negated: bool = False,
) -> dict[str, Any]:
    """An interchange claim (CLAIMS.md) with only the fields the engine reads."""
    start, end = (when, when) if isinstance(when, str) else (when or (None, None))
    return {
        "doc_id": "case",
        "type": type,
        "weapon": {"text": name or category, "name": name, "category": category} if (name or category) else None,
        "origin": origin,
        "supplier": supplier,
        "recipient": recipient,
        "actor": {"text": actor, "name": actor} if actor else None,
        "place": {"text": "somewhere", "country": place[0], "region": place[1]} if place else None,
        "when": {"start": start, "end": end, "text": None} if start else None,
        "hedged": False,
        "negated": negated,
        "purpose": purpose,
    }


BELGOROD, KURSK, CRIMEA, SEVASTOPOL, KHARKIV = (
    ("RU", "RU-BEL"),
    ("RU", "RU-KRS"),
    ("UA", "UA-43"),
    ("UA", "UA-40"),
    ("UA", "UA-63"),
)

CASES: list[tuple[str, dict[str, Any], Verdict, str, str]] = [
    # (case, claim, verdict, a rule among the reasons, a phrase in the reasons or missing)
    (
        "Belgian FN SCAR used in Belgorod Oblast, May 2023: outside Ukrainian territory",
        claim(
            name="FN SCAR",
            category="rifle",
            origin="BE",
            supplier="BE",
            place=BELGOROD,
            when=("2023-05-22", "2023-05-31"),
        ),
        B,
        "be-ua-territory-2022",
        "RU-BEL is outside the permitted territory UA",
    ),
    (
        "US system for counter-battery fire into Belgorod Oblast, June 2024: the Kharkiv counter-fire exception",
        claim(
            name="HIMARS",
            category="rocket artillery",
            supplier="US",
            place=BELGOROD,
            when="2024-06-05",
            purpose="counter-battery",
        ),
        C,
        "us-ua-kharkiv-counterfire-2024",
        "the stated purpose is counter-battery",
    ),
    (
        "ATACMS into Belgorod Oblast, June 2024: excluded from the counter-fire exception",
        claim(
            name="ATACMS",
            category="missile",
            supplier="US",
            place=BELGOROD,
            when="2024-06-20",
            purpose="counter-battery",
        ),
        B,
        "us-ua-border-counterfire-2024",
        "ATACMS is excluded from this permission",
    ),
    (
        "ATACMS into Kursk Oblast, December 2024: permitted since 17 November 2024",
        claim(name="ATACMS", category="missile", supplier="US", place=KURSK, when="2024-12-10"),
        C,
        "us-ua-atacms-kursk-2024",
        "RU-KRS is inside the permitted territory RU-KRS",
    ),
    (
        "Storm Shadow/SCALP at Sevastopol, September 2023: Crimea is Ukrainian territory (either supplier)",
        claim(name="Storm Shadow", category="missile", place=SEVASTOPOL, when="2023-09-22"),
        C,
        "gb-ua-storm-shadow-2023",
        "ISO 3166-2 lists UA-40 under UA",
    ),
    (
        "HIMARS in Crimea, no date: consistent under every set of conditions since delivery",
        claim(name="HIMARS", category="rocket artillery", supplier="US", place=CRIMEA),
        C,
        "us-ua-himars-assurance-2022",
        "UA-43 is inside the permitted territory UA",
    ),
    (
        "rifles made in Belgium, no supplier named: candidate suppliers of Belgian-made rifles",
        claim(
            category="rifle",
            origin="BE",
            place=BELGOROD,
            when=("2023-05-22", "2023-05-31"),
            actor="Russian Volunteer Corps",
        ),
        B,
        "candidates",
        "BE → UA: FN SCAR",
    ),
    (
        "Taurus (never delivered) in Bryansk Oblast: no transfer on record",
        claim(name="Taurus KEPD 350", category="missile", supplier="DE", place=("RU", "RU-BRY"), when="2024-06-20"),
        U,
        "no-transfer",
        "a transfer of Taurus KEPD 350 from DE to UA by 2024-06-20",
    ),
    (
        "US system in Belgorod Oblast, June 2024, no purpose stated: the purpose-limited permission decides",
        claim(name="HIMARS", category="rocket artillery", supplier="US", place=BELGOROD, when="2024-06-20"),
        U,
        "us-ua-border-counterfire-2024",
        "the purpose of the use",
    ),
    (
        "US system for strikes in Belgorod Oblast, June 2024: a purpose the permission does not cover",
        claim(
            name="HIMARS",
            category="rocket artillery",
            supplier="US",
            place=BELGOROD,
            when="2024-06-20",
            purpose="strike",
        ),
        B,
        "us-ua-border-counterfire-2024",
        "the claim says strike",
    ),
    (
        "US system in Belgorod Oblast, April 2024: before the counter-fire exception",
        claim(
            name="HIMARS",
            category="rocket artillery",
            supplier="US",
            place=BELGOROD,
            when="2024-04-10",
            purpose="counter-battery",
        ),
        B,
        "us-ua-himars-assurance-2022",
        "outside the permitted territory UA",
    ),
    (
        "German PzH 2000 for counter-battery fire into Belgorod Oblast, June 2024: a form of defence of territory",
        claim(
            name="PzH 2000",
            category="artillery",
            supplier="DE",
            place=BELGOROD,
            when="2024-06-10",
            purpose="counter-battery",
        ),
        C,
        "de-ua-kharkiv-2024",
        "the stated purpose is counter-battery",
    ),
    (
        "German PzH 2000 in Kursk Oblast, June 2024: Germany permitted the Kharkiv border area only",
        claim(
            name="PzH 2000",
            category="artillery",
            supplier="DE",
            place=KURSK,
            when="2024-06-10",
            purpose="counter-battery",
        ),
        B,
        "de-ua-kharkiv-2024",
        "RU-KRS is outside the permitted territory RU-BEL",
    ),
    (
        "Storm Shadow (UK) in Kursk Oblast, June 2024: the UK's 2024 permission left Storm Shadow out",
        claim(name="Storm Shadow", category="missile", supplier="GB", place=KURSK, when="2024-06-10"),
        B,
        "gb-ua-russia-2024",
        "Storm Shadow is excluded from this permission",
    ),
    (
        "Storm Shadow (UK) in Kursk Oblast, December 2024: permitted from 20 November 2024",
        claim(name="Storm Shadow", category="missile", supplier="GB", place=KURSK, when="2024-12-01"),
        C,
        "gb-ua-storm-shadow-kursk-2024",
        "RU-KRS is inside",
    ),
    (
        "a place given only as Russia, June 2024: the permission covers some Russian regions",
        claim(
            name="HIMARS",
            category="rocket artillery",
            supplier="US",
            place=("RU", None),
            when="2024-06-20",
            purpose="counter-battery",
        ),
        U,
        "us-ua-border-counterfire-2024",
        "the region of the place within RU",
    ),
    (
        "no place stated: where decides",
        claim(name="HIMARS", category="rocket artillery", supplier="US", when="2024-06-20"),
        U,
        "place",
        "where the weapon was used",
    ),
    (
        "ATACMS in Kursk Oblast, no date: the verdict changes on 17 November 2024",
        claim(name="ATACMS", category="missile", supplier="US", place=KURSK),
        U,
        "event-date",
        "the exact date of the event",
    ),
    (
        "Czech rifles in Belgorod Oblast: no Czech condition is on record",
        claim(name="CZ BREN 2", category="rifle", supplier="CZ", place=BELGOROD, when="2023-05-25"),
        U,
        "no-conditions",
        "the conditions CZ attached to CZ BREN 2",
    ),
    (
        "a named user that counts as the Armed Forces of Ukraine",
        claim(
            name="HIMARS",
            category="rocket artillery",
            supplier="US",
            place=KHARKIV,
            when="2023-03-01",
            actor="Ukrainian forces",
        ),
        C,
        "us-ua-himars-assurance-2022",
        "counts as a permitted end user",
    ),
    (
        "a named user whose status is not on record, inside Ukraine",
        claim(
            name="HIMARS",
            category="rocket artillery",
            supplier="US",
            place=KHARKIV,
            when="2023-03-01",
            actor="Russian Volunteer Corps",
        ),
        U,
        "us-ua-himars-assurance-2022",
        "whether Russian Volunteer Corps counts as a permitted end user",
    ),
    (
        "a sighting inside Ukraine: no purpose needed",
        claim(
            type="SIGHTING",
            name="MaxxPro",
            category="armoured vehicle",
            supplier="US",
            place=KHARKIV,
            when="2023-05-01",
        ),
        C,
        "us-ua-territory-2022",
        "inside the permitted territory UA",
    ),
    (
        "US vehicles seen in Belgorod Oblast, May 2023: outside the permitted territory",
        claim(
            type="SIGHTING",
            name="MaxxPro",
            category="armoured vehicle",
            supplier="US",
            place=BELGOROD,
            when="2023-05-23",
        ),
        B,
        "us-ua-territory-2022",
        "RU-BEL is outside the permitted territory UA",
    ),
    (
        "a capture by Russian forces inside Ukraine",
        claim(
            type="CAPTURE",
            name="Leopard 2",
            category="tank",
            supplier="DE",
            place=("UA", "UA-14"),
            when="2023-06-10",
            actor="Russian forces",
        ),
        C,
        "de-ua-territory-2022",
        "inside the permitted territory UA",
    ),
    (
        "US weapons said to be sold on to Gaza: re-transfer without consent on record",
        claim(
            type="RETRANSFER",
            name="Javelin",
            category="anti-tank weapon",
            supplier="US",
            place=("PS", None),
            when="2023-10-15",
        ),
        B,
        "us-ua-territory-2022",
        "needs US's consent; none for PS is on record",
    ),
    (
        "Leopard 2 from Poland to Ukraine, February 2023: Germany approved the re-export",
        claim(
            type="RETRANSFER", name="Leopard 2", category="tank", supplier="DE", place=("UA", None), when="2023-02-24"
        ),
        U,
        "no-transfer",
        "a transfer of Leopard 2 from DE to UA by 2023-02-24",
    ),
    (
        "a denied use is not a use",
        claim(
            name="HIMARS", category="rocket artillery", supplier="US", place=BELGOROD, when="2024-04-10", negated=True
        ),
        NA,
        "negated",
        "did not happen",
    ),
    (
        "an AUTHORIZATION claim is not checked",
        claim(type="AUTHORIZATION", supplier="US", place=BELGOROD, when="2024-05-30"),
        NA,
        "claim-type",
        "AUTHORIZATION",
    ),
]


@pytest.fixture(scope="module")
def engine() -> PolicyEngine:
    transfers, conditions = load_registry_yaml(DEMO_REGISTRY)
    return PolicyEngine(transfers, conditions, cached_knowledge())


@pytest.mark.parametrize(("case", "data", "verdict", "rule", "phrase"), CASES, ids=[c[0] for c in CASES])
def test_policy_verdict_and_reason(
    engine: PolicyEngine, case: str, data: dict[str, Any], verdict: Verdict, rule: str, phrase: str
) -> None:
    finding = engine.check(data)
    said = [*(r.text for r in finding.reasons), *finding.missing]
    assert finding.verdict == verdict, f"{case}: {finding.verdict}; {said}"
    assert rule in [r.rule for r in finding.reasons], f"{case}: no reason from {rule}: {finding.reasons}"
    assert any(phrase in text for text in said), f"{case}: {phrase!r} not in {said}"
    for r in finding.reasons:
        if r.rule not in (
            "candidates",
            "origin",
            "no-transfer",
            "no-conditions",
            "event-date",
            "place",
            "hedged",
            "negated",
            "claim-type",
            "no-territory-rule",
            "no-retransfer-rule",
        ):
            assert r.status in ("official", "reported", "inferred") and r.citation.startswith("http"), r


def test_rifles_made_in_belgium_list_the_suppliers_of_belgian_rifles_not_belgium(engine: PolicyEngine) -> None:
    finding = engine.check(claim(category="rifle", origin="BE", place=BELGOROD, when=("2023-05-22", "2023-05-31")))
    assert finding.candidates == ("BE",)
    assert any(m.startswith("the supplier (candidates: BE") for m in finding.missing)
    assert any(r.rule == "origin" and "made in BE is not supplied by BE" in r.text for r in finding.reasons)


def test_made_in_belgium_supplied_by_another_state_is_a_candidate_too() -> None:
    """An FN SCAR delivered by a second state stays a candidate: origin is a hint, not the supplier."""
    transfers, conditions = load_registry_yaml(DEMO_REGISTRY)
    other = Transfer(
        id="xx-us-ua-fn-scar",
        supplier="US",
        recipient="UA",
        category="rifle",
        system="FN SCAR",
        delivered=DateSpan(dt.date(2022, 5, 1), None),
    )
    engine = PolicyEngine([*transfers, other], conditions, cached_knowledge())
    finding = engine.check(claim(category="rifle", origin="BE", place=BELGOROD, when=("2023-05-22", "2023-05-31")))
    assert finding.candidates == ("BE", "US")
    assert {t.id for t in finding.transfers} == {"be-ua-fn-scar", "xx-us-ua-fn-scar"}
    assert finding.verdict == B  # both suppliers limited use to Ukraine in May 2023


def test_claim_objects_and_interchange_dicts_give_the_same_finding(engine: PolicyEngine) -> None:
    data = claim(
        name="ATACMS", category="missile", supplier="US", place=BELGOROD, when="2024-06-20", actor="Ukrainian forces"
    )
    obj = Claim(
        doc_id="case",
        type=ClaimType.USE,
        evidence=Evidence("...", 0, 3),
        weapon=WeaponRef("ATACMS", "ATACMS", "missile"),
        supplier="US",
        recipient="UA",
        actor=ActorRef("Ukrainian forces", "Ukrainian forces"),
        place=PlaceRef("Belgorod", "RU", "RU-BEL"),
        when=DateSpan(dt.date(2024, 6, 20), dt.date(2024, 6, 20)),
    )
    a, b = engine.check(data), engine.check(obj)
    assert finding_json(a, "case", None) == finding_json(b, "case", None)


def test_findings_are_deterministic_and_memo_free_results_agree() -> None:
    transfers, conditions = load_registry_yaml(DEMO_REGISTRY)
    memo = PolicyEngine(transfers, conditions, cached_knowledge())
    plain = PolicyEngine(list(reversed(transfers)), list(reversed(conditions)), cached_knowledge(), memo=False)
    for _, data, *_ in CASES * 2:
        assert finding_json(memo.check(data), "x", data) == finding_json(plain.check(data), "x", data)


def test_a_date_span_written_backwards_is_read_forwards(engine: PolicyEngine) -> None:
    forwards = claim(
        name="HIMARS", supplier="US", place=BELGOROD, when=("2024-05-20", "2024-06-20"), purpose="counter-battery"
    )
    backwards = {**forwards, "when": {"start": "2024-06-20", "end": "2024-05-20", "text": None}}
    plain = PolicyEngine(*load_registry_yaml(DEMO_REGISTRY), cached_knowledge(), memo=False)
    expected = finding_json(engine.check(forwards), "x", None)
    assert expected["verdict"] == "undetermined"  # the US exception for Kharkiv began within the span
    assert finding_json(engine.check(backwards), "x", None) == expected
    assert finding_json(plain.check(backwards), "x", None) == expected


def generated_claims(transfers: list[Transfer], n: int, seed: int) -> list[dict[str, Any]]:
    """Claims drawn from the registry's own transfers, varied in every field the engine reads,
    each followed by copies that differ in the date, the purpose, the actor or the hedge."""
    rng = random.Random(seed)
    to_ua = [t for t in transfers if t.recipient == "UA"]
    # Named and unnamed regions of both countries: regions no condition names share one
    # worked-out finding with their code written in.
    places = [BELGOROD, KURSK, CRIMEA, SEVASTOPOL, KHARKIV, ("RU", "RU-BRY"), ("RU", "RU-MOW"), ("UA", "UA-14")]
    places += [("UA", None), ("RU", None), ("PL", None)]
    purposes = [None, "counter-battery", "air defence", "strike", "defence of territory"]
    actors = [None, "Ukrainian forces", "Russian Volunteer Corps", "Armed Forces of Ukraine"]
    types = ["USE", "USE", "SIGHTING", "CAPTURE", "RETRANSFER", "TRANSFER"]
    out: list[dict[str, Any]] = []
    while len(out) < n:
        t = rng.choice(to_ua)
        day = dt.date(2022, 3, 1) + dt.timedelta(days=rng.randrange(1200))
        span = rng.choice([None, day.isoformat(), (day.isoformat(), (day + dt.timedelta(days=20)).isoformat())])
        named = rng.random() < 0.7
        base = claim(
            type=rng.choice(types),
            name=t.system if named else None,
            category=t.category,
            origin=rng.choice([None, t.supplier, "BE"]),
            supplier=t.supplier if rng.random() < 0.5 else None,
            recipient=rng.choice(["UA", "UA", None]),
            place=rng.choice([*places, None]),
            when=span,
            purpose=rng.choice(purposes),
            actor=rng.choice(actors),
            negated=rng.random() < 0.05,
        )
        base["hedged"] = rng.random() < 0.3
        out.append(base)
        for _ in range(rng.randrange(3)):
            copy = {**base, "purpose": rng.choice(purposes), "hedged": not base["hedged"]}
            if base["when"] and rng.random() < 0.5:
                moved = (day + dt.timedelta(days=rng.randrange(-3, 4))).isoformat()
                copy["when"] = {**base["when"], "start": moved, "end": moved}
            if rng.random() < 0.5:
                actor = rng.choice(actors)
                copy["actor"] = {"text": actor, "name": actor} if actor else None
            out.append(copy)
    return out[:n]


def test_memoised_and_worked_out_findings_agree_on_generated_claims() -> None:
    """The memos share findings between claims that differ only in what the rules do not read
    (a day between the same registry changes, a purpose no condition asks about, ...): every
    shared finding must be the one working the claim out afresh gives."""
    transfers, conditions = load_registry_yaml(DEMO_REGISTRY)
    memo = PolicyEngine(transfers, conditions, cached_knowledge())
    plain = PolicyEngine(transfers, conditions, cached_knowledge(), memo=False)
    claims = generated_claims(transfers, 600, seed=3)
    shared = 0
    for data in claims + claims[::-1]:
        first = memo.check(data)
        assert finding_json(first, "x", data) == finding_json(plain.check(data), "x", data), data
        shared += memo.check(data) is first
    assert shared > len(claims)  # the memo did answer (the same Finding object again)
    verdicts = {memo.check(data).verdict for data in claims}
    assert verdicts == set(Verdict)  # every kind of finding was compared


def test_finding_json_has_the_check_shape(engine: PolicyEngine) -> None:
    data = claim(name="FN SCAR", category="rifle", supplier="BE", place=BELGOROD, when="2023-05-25")
    out = finding_json(engine.check(data), "doc-1", data)
    assert set(out) >= {"doc_id", "claim", "verdict", "reasons", "transfers", "conditions", "missing"}
    assert out["verdict"] == "possible breach" and out["claim"] == data
    assert out["reasons"][0] == {
        "rule": "be-ua-territory-2022",
        "status": "reported",
        "citation": "https://frontnews.eu/en/news/details/61045",
        "text": "RU-BEL is outside the permitted territory UA",
    }
    assert [t["id"] for t in out["transfers"]] == ["be-ua-fn-scar"]
    finding = engine.check(data)
    assert finding.condition_ids == ["be-ua-territory-2022"] and finding.reasons[0].as_text().startswith(
        "[be-ua-territory-2022 · reported] RU-BEL is outside"
    )


def test_the_engines_json_reuses_summaries_but_gives_each_finding_its_own() -> None:
    transfers, conditions = load_registry_yaml(DEMO_REGISTRY)
    engine = PolicyEngine(transfers, conditions, cached_knowledge())
    claims = generated_claims(transfers, 300, seed=5)
    for data in claims:
        finding = engine.check(data)
        assert engine.to_json(finding, "x", data) == finding_json(finding, "x", data), data
    data = claim(name="FN SCAR", category="rifle", supplier="BE", place=BELGOROD, when="2023-05-25")
    first = engine.to_json(engine.check(data), "a", data)
    first["transfers"][0]["id"] = "changed by a caller"
    again = engine.to_json(engine.check(data), "b", data)
    assert again["transfers"][0]["id"] == "be-ua-fn-scar"


def test_a_later_restriction_narrows_an_earlier_authorization() -> None:
    """Authorizations widen and restrictions narrow from their date on, the later over the earlier."""
    base = Condition(
        "c1",
        "restriction",
        "US",
        "UA",
        permitted_territory=["UA"],
        valid_from=dt.date(2022, 1, 1),
        status="official",
        citation="https://example.org/1",
    )
    wide = Condition(
        "c2",
        "authorization",
        "US",
        "UA",
        permitted_territory=["RU"],
        valid_from=dt.date(2024, 1, 1),
        status="reported",
        citation="https://example.org/2",
    )
    narrow = Condition(
        "c3",
        "restriction",
        "US",
        "UA",
        system="HIMARS",
        permitted_territory=["UA"],
        valid_from=dt.date(2024, 6, 1),
        status="reported",
        citation="https://example.org/3",
    )
    ended = Condition(
        "c4",
        "authorization",
        "US",
        "UA",
        permitted_territory=["BY"],
        valid_from=dt.date(2023, 1, 1),
        valid_to=dt.date(2023, 12, 31),
        status="inferred",
        citation="https://example.org/4",
    )
    himars = Transfer(
        "t1", "US", "UA", "rocket artillery", system="HIMARS", delivered=DateSpan(dt.date(2022, 6, 1), None)
    )
    engine = PolicyEngine([himars], [base, wide, narrow, ended], cached_knowledge())

    def verdict(day: str, where: tuple[str, str | None]) -> Verdict:
        return engine.check(claim(name="HIMARS", supplier="US", place=where, when=day)).verdict

    assert verdict("2023-06-01", ("RU", "RU-BEL")) == B
    assert verdict("2024-03-01", ("RU", "RU-BEL")) == C  # widened by c2
    assert verdict("2024-07-01", ("RU", "RU-BEL")) == B  # narrowed again by c3 for HIMARS
    assert verdict("2023-06-01", ("BY", None)) == C  # c4 in force in 2023
    assert verdict("2024-02-01", ("BY", None)) == B  # c4 expired


def test_conditions_in_force_on_a_date() -> None:
    _, conditions = load_registry_yaml(DEMO_REGISTRY)
    ids = [c.id for c in conditions_in_force(conditions, dt.date(2024, 6, 20), "US")]
    assert ids == [
        "us-ua-territory-2022",
        "us-ua-himars-assurance-2022",
        "us-ua-kharkiv-counterfire-2024",
        "us-ua-border-counterfire-2024",
    ]
    assert [c.id for c in conditions_in_force(conditions, dt.date(2024, 5, 1), "US")][
        -1
    ] == "us-ua-himars-assurance-2022"
    assert conditions_in_force(conditions, dt.date(2021, 1, 1), "US") == []
