"""Date expressions resolve to inclusive spans against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enduse.extract.dates import find_dates

REF = dt.date(2024, 3, 15)  # a Friday


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The convoy was hit on 3 March near the depot.", dt.date(2024, 3, 3), dt.date(2024, 3, 3)),
        ("Talks resumed on April 9, 2023 in Geneva.", dt.date(2023, 4, 9), dt.date(2023, 4, 9)),
        ("Shipments began in late January.", dt.date(2024, 1, 21), dt.date(2024, 1, 31)),
        ("Deliveries slowed towards the end of February.", dt.date(2024, 2, 21), dt.date(2024, 2, 29)),
        ("The batteries were moved in mid-December.", dt.date(2023, 12, 11), dt.date(2023, 12, 20)),
        ("The drones arrived in early March.", dt.date(2024, 3, 1), dt.date(2024, 3, 10)),
        ("Engineers inspected the site last month.", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("The ministry confirmed it on Tuesday.", dt.date(2024, 3, 12), dt.date(2024, 3, 12)),
        ("The statement came on Friday.", dt.date(2024, 3, 15), dt.date(2024, 3, 15)),
        ("Inspectors arrived last week.", dt.date(2024, 3, 4), dt.date(2024, 3, 10)),
        ("Crews trained there in November.", dt.date(2023, 11, 1), dt.date(2023, 11, 30)),
        ("Fighting has gone on since 2022.", dt.date(2022, 1, 1), REF),
        ("The order was placed in 2021.", dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
        ("The base was shelled yesterday.", dt.date(2024, 3, 14), dt.date(2024, 3, 14)),
        ("Колонна прибыла 5 февраля.", dt.date(2024, 2, 5), dt.date(2024, 2, 5)),
        ("Die Lieferung kam am 7. Januar 2024 an.", dt.date(2024, 1, 7), dt.date(2024, 1, 7)),
    ],
)
def test_expressions_resolve_to_spans(text: str, start: dt.date, end: dt.date) -> None:
    found = find_dates(text, REF)
    assert found, text
    assert (found[0].span.start, found[0].span.end) == (start, end)
    assert text[found[0].start : found[0].end] == found[0].span.text


def test_a_month_after_publication_belongs_to_the_year_before() -> None:
    [d] = find_dates("The howitzers were first fired in October.", REF)
    assert d.span.start == dt.date(2023, 10, 1)


def test_relative_dates_without_a_publication_date_are_not_guessed() -> None:
    [d] = find_dates("The strike happened last week.", None)
    assert d.span.start is None and d.span.end is None
    assert "unknown publication date" in d.span.resolution


def test_the_modal_may_is_not_a_month() -> None:
    assert find_dates("The weapons may have been captured.", REF) == []


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_every_written_day_round_trips(day: dt.date) -> None:
    for text in (f"on {day.day} {day:%B} {day.year}", f"on {day:%B} {day.day}, {day.year}", day.isoformat()):
        [d] = find_dates(text, REF)
        assert d.span.start == d.span.end == day


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Orders rose at the start of the year.", dt.date(2024, 1, 1), dt.date(2024, 3, 15)),
        ("Deliveries over the past 18 months were slow.", dt.date(2022, 9, 22), REF),  # 18 x 30 days
        ("The plant opened in April 2016 near the coast.", dt.date(2016, 4, 1), dt.date(2016, 4, 30)),
    ],
)
def test_year_parts_periods_and_full_month_names(text: str, start: dt.date, end: dt.date) -> None:
    found = find_dates(text, REF)
    assert found and (found[0].span.start, found[0].span.end) == (start, end)


def test_a_month_precise_publication_date_resolves_days_in_that_month() -> None:
    from enduse.extract import extract
    from enduse.knowledge import cached_knowledge
    from enduse.model import DatePrecision, Document, PublishedDate

    doc = Document(
        id="m",
        text="Ukrainian forces fired HIMARS rockets at a bridge on 13 September.",
        published=PublishedDate(dt.date(2023, 9, 1), DatePrecision.MONTH, "url"),
    )
    [use] = [c for c in extract(doc, cached_knowledge()) if str(c.type) == "USE"]
    assert use.when is not None and use.when.start == dt.date(2023, 9, 13)


def test_a_weekday_against_a_month_only_publication_date_is_not_guessed() -> None:
    ref = dt.date(2023, 9, 30)  # the end of a publication month, the most that is known
    [d] = find_dates("The strike came on Friday.", ref, day_known=False)
    assert d.span.start is None and d.span.text == "on Friday"
    [d] = find_dates("The strike came on 12 September.", ref, day_known=False)
    assert d.span.start == dt.date(2023, 9, 12)
