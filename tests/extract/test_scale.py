"""The same claims whatever the number of worker processes."""

from __future__ import annotations

import datetime as dt

from enduse.model import DatePrecision, Document, PublishedDate
from enduse.scale import extract_many

TEXTS = [
    "Officials said the army received Leopard 2 tanks last week.",
    "Militants used Javelin missiles and NLAW launchers near the border on 2 March.",
    "The ministry denied that its howitzers had been sent abroad.",
    "Reports said Belgian rifles were seen in Belgorod Oblast in late May.",
    "The government authorised the army to use its HIMARS launchers near the border.",
]


def test_one_and_two_workers_give_identical_output() -> None:
    docs = [
        Document(id=f"d{i}", text=t, published=PublishedDate(dt.date(2024, 3, 15), DatePrecision.DAY, "test"))
        for i, t in enumerate(TEXTS * 4)
    ]
    one = list(extract_many(docs, workers=1))
    two = list(extract_many(docs, workers=2, chunk_size=3))
    assert one == two
    assert sum(len(c) for c in one) >= len(docs)
