"""Publication dates read from URLs, and bylines kept out of titles."""

from __future__ import annotations

import datetime as dt

import pytest

from enduse.ingest import build_document
from enduse.ingest.inputs import RawInput
from enduse.ingest.published import date_from_url
from enduse.model import DatePrecision


@pytest.mark.parametrize(
    ("url", "day", "precision"),
    [
        ("https://news.example/world/2023/05/11/storm-shadow-delivered", dt.date(2023, 5, 11), DatePrecision.DAY),
        ("https://news.example/a/story-20170612.html", dt.date(2017, 6, 12), DatePrecision.DAY),
        ("https://news.example/2024/03/some-story", dt.date(2024, 3, 1), DatePrecision.MONTH),
    ],
)
def test_dates_in_url_paths(url: str, day: dt.date, precision: DatePrecision) -> None:
    found = date_from_url(url)
    assert found is not None and found.value == day and found.precision == precision and found.source == "url"


def test_no_date_in_a_plain_url_or_a_bad_one() -> None:
    assert date_from_url("https://news.example/world/storm-shadow") is None
    assert date_from_url("https://news.example/2023/13/45/x") is None


def test_a_byline_is_not_the_title_and_the_url_dates_the_page() -> None:
    text = (
        "Britain sends long-range missiles to Kyiv\n\nBy Jane Example, staff writer\n\n"
        "The defence secretary told parliament on Thursday that the first missiles had been delivered. "
        "He said further shipments would follow in the coming weeks, according to officials.\n"
    )
    raw = RawInput(
        id="u",
        name="u.txt",
        kind="text",
        data=text.encode(),
        url="https://news.example/2023/05/11/missiles",
        retrieved=dt.date(2023, 5, 12),
    )
    doc = build_document(raw)
    assert not isinstance(doc, type(None))
    assert getattr(doc, "title", None) == "Britain sends long-range missiles to Kyiv"
    assert doc.published is not None and doc.published.value == dt.date(2023, 5, 11)  # type: ignore[union-attr]
