"""The project's own registry files: YAML and CSV export and import give back the same objects,
and bad rows are named (YAML: the entry; CSV: the line)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enduse.errors import InvalidCatalog
from enduse.knowledge import cached_knowledge
from enduse.model import DateSpan, Transfer
from enduse.registry import (
    DEMO_REGISTRY,
    load_registry,
    load_registry_yaml,
    parse_registry_csv,
    read_registry_file,
    registry_csv,
    write_registry_csv,
    write_registry_yaml,
)
from enduse.registry.dates import format_span, format_span_text, parse_span
from enduse.registry.files import detect_format


def test_demo_registry_loads_with_a_citation_per_row() -> None:
    transfers, conditions = load_registry_yaml(DEMO_REGISTRY)
    assert len(transfers) >= 50 and len(conditions) >= 25
    assert all(t.citations for t in transfers)
    assert all(
        c.citation.startswith("https://") and c.status in ("official", "reported", "inferred") for c in conditions
    )
    k = cached_knowledge()
    named = [t.system for t in transfers if t.system] + [c.system for c in conditions if c.system]
    named += [x for c in conditions for x in c.excluded_systems]
    assert [n for n in named if k.weapon_named(n) is None] == [], "registry systems must be catalog names"


def test_yaml_round_trip(tmp_path: Path) -> None:
    transfers, conditions = load_registry_yaml(DEMO_REGISTRY)
    out = tmp_path / "r.yaml"
    write_registry_yaml(out, transfers, conditions, "a header\nof two lines")
    assert out.read_text().startswith("# a header\n# of two lines\n")
    assert load_registry_yaml(out) == (transfers, conditions)


def test_csv_round_trip(tmp_path: Path) -> None:
    transfers, conditions = load_registry_yaml(DEMO_REGISTRY)
    extra = Transfer(
        id="sipri-x",
        supplier="SU",
        recipient="XN",
        category="tank",
        system="T-55",
        quantity=10,
        quantity_delivered=4,
        ordered=DateSpan(dt.date(1975, 1, 1), dt.date(1975, 12, 31)),
        delivered=DateSpan(dt.date(1976, 1, 1), None),
        uncertain=["ordered", "quantity_delivered"],
        notes="SIPRI recipient: unknown rebel group*; comments, with commas",
        citations=["Information from the SIPRI Arms Transfers Database; line 5", "https://example.org/a|b"],
    )
    out = tmp_path / "r.csv"
    write_registry_csv(out, [*transfers, extra], conditions)
    result = read_registry_file(out, None, cached_knowledge())
    assert result.format == "csv" and result.rejected == [] and result.reconciles()
    assert result.transfers == [*transfers, extra]
    assert result.conditions == conditions


def test_csv_rejects_bad_rows_with_their_line() -> None:
    transfers, conditions = load_registry_yaml(DEMO_REGISTRY)
    text = registry_csv(transfers[:2], conditions[:1]).splitlines()
    header, good = text[0], text[1]
    bad_code = good.replace(",BE,UA,", ",Belgium,UA,", 1)
    bad_date = good.replace("2022/..", "sometime", 1)
    lines = [header, good, bad_code, "transfer,only,three", bad_date, good, text[3]]
    result = parse_registry_csv("\n".join(lines) + "\n", "t.csv")
    assert result.data_rows == 6 and result.reconciles()
    reasons = {r.line: r.reason for r in result.rejected}
    assert reasons[3].startswith("supplier 'Belgium' is not an ISO 3166-1 alpha-2 code")
    assert reasons[4].startswith("3 fields")
    assert reasons[5] == "bad delivered date 'sometime'"
    assert reasons[6] == "duplicate transfer id 'be-ua-fn-scar'"
    assert [c.id for c in result.conditions] == [conditions[0].id]


def test_yaml_names_the_bad_entry(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("transfers:\n  - {id: a, supplier: BE, recipient: UA, category: laser, status: delivered}\n")
    with pytest.raises(InvalidCatalog, match="entry a: category 'laser'"):
        load_registry_yaml(path)
    path.write_text(
        "conditions:\n  - {id: c, kind: restriction, supplier: BE, permitted_territory: [UA-99], status: official}\n"
    )
    with pytest.raises(InvalidCatalog, match="territory 'UA-99'"):
        load_registry_yaml(path)


def test_format_detection_and_the_default_registry(tmp_path: Path) -> None:
    assert detect_format(DEMO_REGISTRY) == "yaml"
    csv_path = tmp_path / "r.txt"
    write_registry_csv(csv_path, [], [])
    assert detect_format(csv_path) == "csv"
    assert load_registry([], cached_knowledge()) == load_registry_yaml(DEMO_REGISTRY)


days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31))


@given(start=st.none() | days, end=st.none() | days)
def test_span_text_reads_back_to_the_same_days(start: dt.date | None, end: dt.date | None) -> None:
    span = DateSpan(start, end)
    back = parse_span(format_span_text(span)) if (start or end) else None
    assert (back.start, back.end) == (start, end) if back else start is None and end is None
    shape = format_span(span)
    again = parse_span(shape) if shape is not None else None
    assert (again.start, again.end) == (start, end) if again else start is None and end is None
