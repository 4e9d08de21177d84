"""SIPRI trade-register import on the three real exports, and on small hand-made files that
carry each quirk (preamble, Latin-1, a line break inside Comments, "?" flags, "; " years).

Every data record is imported or rejected with its line number: the counts reconcile with
the file. The real files are read from ../shared/data and the tests skip where it is absent.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from enduse.errors import InputError
from enduse.knowledge import cached_knowledge
from enduse.registry import ImportResult, read_sipri
from enduse.registry.codes import party_code
from enduse.registry.listing import parse_since, select_transfers
from enduse.registry.sipri import CLASSIC, DELIVERIES, parse_sipri
from tests.conftest import shared_path

FOLDER = "sipri-trade-registers"
CLASSIC_2025 = "trade-register_classic_deliveries-1950-2025_generated-2025-10-23.csv"
CLASSIC_2024 = "trade-register_classic_orders-or-deliveries-1950-2024_generated-2024-10-13.csv"
NEW_2026 = "trade-register_new-format_deliveries-1995-2025_generated-2026-02-12.csv"

# (file, format, data records, physical data lines, Ukraine deliveries in 2022 or later)
REAL = [
    (CLASSIC_2025, CLASSIC, 28348, 28350, 399),
    (CLASSIC_2024, CLASSIC, 27951, 27953, 302),
    (NEW_2026, DELIVERIES, 25024, 25024, 533),
]


def _count_records(path: Path, fmt: str) -> tuple[int, int]:
    """Records and physical lines after the header, counted without the importer: a record
    is complete when it has as many commas outside quotes as the header."""
    text = path.read_bytes().decode("latin-1")
    lines = text.split("\n")
    head = "Recipient,Supplier" if fmt == CLASSIC else "SIPRI AT Database ID"
    at = next(i for i, ln in enumerate(lines) if ln.startswith(head))
    width = lines[at].count(",")
    records = physical = 0
    pending = 0
    for ln in lines[at + 1 :]:
        if not ln.strip():
            continue
        physical += 1
        pending += ln.count(",")
        if pending >= width:
            records += 1
            pending = 0
    return records, physical


@pytest.fixture(scope="module")
def imports() -> dict[str, ImportResult]:
    folder = shared_path(FOLDER)
    return {name: read_sipri(folder / name, cached_knowledge(), fmt) for name, fmt, *_ in REAL}


@pytest.mark.parametrize(("name", "fmt", "records", "physical", "ukraine"), REAL)
def test_every_row_is_imported_or_rejected(
    imports: dict[str, ImportResult], name: str, fmt: str, records: int, physical: int, ukraine: int
) -> None:
    result = imports[name]
    assert (result.data_rows, result.physical_lines) == (records, physical)
    assert (records, physical) == _count_records(shared_path(FOLDER, name), fmt)
    assert result.reconciles()
    assert len(result.transfers) + len(result.rejected) == records
    assert all(r.line > 12 and r.reason for r in result.rejected)
    assert len({t.id for t in result.transfers}) == len(result.transfers)
    assert result.generated and result.generated[:2].strip().isdigit()


@pytest.mark.parametrize(("name", "fmt", "records", "physical", "ukraine"), REAL)
def test_ukraine_deliveries_since_2022(
    imports: dict[str, ImportResult], name: str, fmt: str, records: int, physical: int, ukraine: int
) -> None:
    listed = select_transfers(imports[name].transfers, recipient="UA", since=parse_since("2022"))
    assert len(listed) == ukraine
    assert all(t.recipient == "UA" and t.delivered and t.delivered.end and t.delivered.end.year >= 2022 for t in listed)
    assert len({t.supplier for t in listed}) >= 25


def test_classic_uncertainty_flags_are_kept(imports: dict[str, ImportResult]) -> None:
    result = imports[CLASSIC_2025]
    flags = Counter(tuple(t.uncertain) for t in result.transfers)
    assert flags[("ordered", "quantity", "quantity_delivered")] > 5000
    assert flags[()] > 5000
    # Ukraine <- France, ASTER-30 (2024): ordered 25?, delivered 25?, order year certain.
    aster = [
        t for t in result.transfers if t.recipient == "UA" and t.supplier == "FR" and "ASTER-30" in (t.notes or "")
    ]
    assert aster and aster[0].uncertain == ["quantity", "quantity_delivered"]
    assert (aster[0].quantity, aster[0].quantity_delivered) == (25, 25)


def test_classic_delivery_years_become_a_span(imports: dict[str, ImportResult]) -> None:
    javelin = [
        t
        for t in imports[CLASSIC_2025].transfers
        if t.recipient == "UA"
        and t.supplier == "US"
        and t.system == "Javelin"
        and t.ordered
        and t.ordered.start.year == 2022
    ]
    assert javelin, "FGM-148 Javelin should resolve to the catalog's Javelin"
    t = javelin[0]
    assert t.delivered is not None and (t.delivered.start.year, t.delivered.end.year) == (2022, 2024)
    assert t.quantity_delivered == 22000 and "quantity_delivered" in t.uncertain
    assert "Information from the SIPRI Arms Transfers Database" in t.citations[0] and "line" in t.citations[0]


def test_the_broken_comment_record_is_joined(imports: dict[str, ImportResult]) -> None:
    btr = [
        t
        for t in imports[CLASSIC_2025].transfers
        if t.recipient == "TH" and t.supplier == "UA" and "BTR-3" in (t.notes or "")
    ]
    assert btr and any("redesign for other engines" in (t.notes or "") for t in btr)
    assert any(t.citations[0].endswith("line 24151") for t in btr)


def test_new_format_estimates_and_deal_ids(imports: dict[str, ImportResult]) -> None:
    result = imports[NEW_2026]
    leopard = [t for t in result.transfers if t.package == "SIPRI deal 66459"]
    assert [t.id for t in leopard] == ["sipri-66459-2024"]
    assert leopard[0].system == "Leopard 2A4" and leopard[0].quantity_delivered == 14
    flags = Counter(name for t in result.transfers for name in t.uncertain)
    assert flags["quantity_delivered"] > 10000 and flags["delivered"] > 5000 and flags["ordered"] > 5000


def test_designations_resolve_to_the_catalog_or_are_reported(imports: dict[str, ImportResult]) -> None:
    for result in imports.values():
        assert result.resolved + sum(result.unresolved.values()) == len(result.transfers)
        assert result.resolved > len(result.transfers) // 5
    ua = [
        t for t in imports[CLASSIC_2025].transfers if t.recipient == "UA" and t.ordered and t.ordered.start.year >= 2022
    ]
    systems = {t.system for t in ua}
    assert {"HIMARS", "PzH 2000", "Leopard 2A4", "Javelin", "M777", "Patriot", "Storm Shadow", "ATACMS"} <= systems
    # A light aircraft named Tomahawk is not the missile.
    assert not [
        t for t in imports[CLASSIC_2025].transfers if "PA-38 Tomahawk" in (t.notes or "") and t.system == "Tomahawk"
    ]


def test_every_party_name_of_the_exports_has_a_code(imports: dict[str, ImportResult]) -> None:
    for result in imports.values():
        assert not [r for r in result.rejected if "unknown" in r.reason]
    assert party_code("Soviet Union") == "SU" and party_code("Turkiye") == "TR" and party_code("UAE") == "AE"
    assert party_code("Czechia") == "CZ" and party_code("HoR (Libya)*") == "XN" and party_code("Libya HoR*") == "XN"
    assert party_code("United Nations**") == "UN" and party_code("NATO**") == "XO"
    assert party_code("unknown supplier(s)") == "XX" and party_code("Atlantis") is None


PREAMBLE = (
    "Transfers of major conventional arms from All countries  to All countries .\n"
    "A '?' in a column indicates uncertain data.\n\n"
    "Source: SIPRI Arms Transfers Database (c) SIPRI.\n"
    "Data generated: 1 Jan 2025 1:00:00 PM\n"
)
HEADER = (
    "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,"
    "Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n"
)


def test_hand_made_classic_file_with_every_quirk(tmp_path: Path) -> None:
    body = (
        "Ukraine,Germany,2022,,14,,PzH-2000 155mm,self-propelled gun,14,,2022,Second hand,aid,1.8,25.2,25.2\n"
        "Ukraine,Turkiye,2021?,,6,,Bayraktar TB2,armed UAV,6,,2022,New,,1,6,6\n"  # bad year: rejected
        "Thailand,Ukraine,2008,,14,,BTR-3,armoured personnel carrier,13,?,2010; 2012,New,deal delayed; engines\r\n"
        ",0.25,3.5,3.25\n"
        "Atlantis,France,2020,,1,,Rafale,FGA aircraft,1,,2021,New,,60,60,60\n"  # unknown party: rejected
        "Brazil,Suède,2014,?,36,?,JAS-39E Gripen,FGA aircraft,,,,New,Örebro,40,1440,\n"  # Latin-1, no delivery yet
        "short,row\n"
    )
    path = tmp_path / "classic.csv"
    path.write_bytes((PREAMBLE + HEADER + body).encode("cp1252"))
    result = read_sipri(path, cached_knowledge(), CLASSIC)
    assert result.generated == "1 Jan 2025 1:00:00 PM"
    assert result.data_rows == 6 and result.physical_lines == 7
    assert result.reconciles()
    lines = {r.line: r.reason for r in result.rejected}
    assert lines == {
        8: "year of order '2021?' is not a year",
        11: "unknown recipient name 'Atlantis'",
        12: "unknown supplier name 'Suède'",
        13: "2 fields, expected 16",
    }
    pzh, btr = result.transfers
    assert pzh.system == "PzH 2000" and pzh.category == "artillery" and pzh.uncertain == []
    assert btr.delivered is not None and (btr.delivered.start.year, btr.delivered.end.year) == (2010, 2012)
    assert btr.uncertain == ["quantity_delivered"] and btr.quantity_delivered == 13
    assert "engines" in (btr.notes or "") and btr.citations[0].endswith("line 9")


def test_a_classic_row_without_deliveries_is_an_order(tmp_path: Path) -> None:
    body = "Brazil,Sweden,2014,?,36,?,JAS-39E Gripen,FGA aircraft,,,,New,Swedish-Brazilian deal,40,1440,\n"
    result = parse_sipri(PREAMBLE + HEADER + body, tmp_path / "x.csv", cached_knowledge(), CLASSIC)
    (t,) = result.transfers
    assert t.status == "ordered" and t.delivered is None and t.quantity == 36
    assert t.uncertain == ["ordered", "quantity"] and t.category == "aircraft"


def test_new_format_rows(tmp_path: Path) -> None:
    text = (
        "Transfers of major conventional arms;\r\nData generated: 12 Feb 2026 12:26:12 PM;\r\n"
        "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order date,"
        "Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery year,"
        "Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery values,Local production;\r\n"
        "66459,Germany,Ukraine,Leopard-2A4,tank,Armoured vehicles,2023,No,14,,2024,,"
        "Second hand but modernized,4,2.64,36.96,No;\r\n"
        "65361,Australia,Ukraine,Bushmaster,armoured personnel carrier,Armoured vehicles,2022,No,50,Yes,2023,Maybe,"
        "Second hand,0.35,0.14,7,No;\r\n"
        "x,Australia,Ukraine,Bushmaster,armoured personnel carrier,Armoured vehicles,2022,No,50,Yes,2023,No,"
        "Second hand,0.35,0.14,7,No;\r\n"
    )
    result = parse_sipri(text, tmp_path / "new.csv", cached_knowledge(), DELIVERIES)
    assert result.data_rows == 3 and result.reconciles()
    assert [(r.line, r.reason) for r in result.rejected] == [
        (5, "delivered estimate flag 'Maybe' is not one of ['Yes', 'No', '']"),
        (6, "deal id 'x' is not a number"),
    ]
    (t,) = result.transfers
    assert (t.id, t.supplier, t.recipient, t.system, t.category) == (
        "sipri-66459-2024",
        "DE",
        "UA",
        "Leopard 2A4",
        "tank",
    )
    assert t.delivered is not None and t.delivered.start.year == 2024 and t.uncertain == []


def test_the_wrong_format_is_named(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(PREAMBLE + HEADER)
    with pytest.raises(InputError, match="it is the other format"):
        read_sipri(path, cached_knowledge(), DELIVERIES)
    path.write_text("hello,world\n")
    with pytest.raises(InputError, match="not a SIPRI sipri export"):
        read_sipri(path, cached_knowledge(), CLASSIC)
