"""Dates in the text, resolved to inclusive spans against the publication date.

dateparser does not resolve "late May", "the end of April" or "last week" to spans (see
../shared/PERF.md), and searching whole articles with it is slow, so this module finds the
candidate expressions itself with a few patterns built from data/dates.yaml and resolves
them against the publication date:

- a day with a month ("22 May", "May 22, 2023", "22 мая") → that day;
- a part of a month ("late May", "at the end of May", "mid-June") → its 10-day range;
- a month ("in May", "May 2023") → the month;
- relative words ("last month", "last week", "on Friday", "yesterday", "over the weekend",
  "last year", "over a year ago", "since 2022") → the span they imply;
- a year ("in 2022") → the year.

A month without a year is the latest such month not after publication. Without a
publication date, relative expressions are not resolved (the span says so), never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from enduse.model import DateSpan

DATES_FILE = Path(__file__).parent / "data" / "dates.yaml"


@dataclass(frozen=True)
class _Tables:
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    part_of: dict[str, tuple[int, int]]
    pattern: re.Pattern[str]
    cue_words: frozenset[str]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = yaml.safe_load(DATES_FILE.read_text(encoding="utf-8"))
    month_of = {str(n).lower(): int(m) for m, names in data["months"].items() for n in names}
    weekday_of = {str(n).lower(): int(d) for d, names in data["weekdays"].items() for n in names}
    part_of: dict[str, tuple[int, int]] = {}
    for part, words in data["part_words"].items():
        lo, hi = data["parts"][part]
        for w in words:
            part_of[w.lower()] = (lo, hi)
    months = "|".join(sorted(map(re.escape, month_of), key=len, reverse=True))
    # A month or weekday name must end where the word ends: "Apr" is not the start of "April".
    months = f"(?:{months})(?!\\w)"
    weekdays = "|".join(sorted(map(re.escape, weekday_of), key=len, reverse=True))
    weekdays = f"(?:{weekdays})(?!\\w)"
    parts = "|".join(sorted(map(re.escape, part_of), key=len, reverse=True))
    year = r"(?:19|20)\d{2}"
    pattern = re.compile(
        rf"(?P<iso>{year}-\d{{2}}-\d{{2}})"
        rf"|(?P<dmy>(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+)?(?P<m1>{months})\.?(?:,?\s+(?P<y1>{year}))?)"
        rf"|(?P<mdy>(?P<m2>{months})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<y2>{year}))?)"
        rf"|(?P<part>(?:(?:at|in|by|towards?)\s+)?(?P<pw>{parts})[\s-]*(?:of\s+)?(?P<m3>{months})(?:\s+(?P<y3>{year}))?)"
        rf"|(?P<month>(?P<m4>{months})\s+(?P<y4>{year})|(?:in|since|by|until|от|в|у|im|en)\s+(?P<m5>{months})(?!\s*\d))"
        rf"|(?P<yearpart>(?:at\s+|in\s+)?(?:the\s+)?(?P<yp>start|beginning|end|middle)\s+of\s+(?:the|this|last)\s+year"
        rf"|earlier\s+this\s+year)"
        rf"|(?P<past>(?:over\s+|in\s+|during\s+)?the\s+(?:past|last)\s+(?P<pn>\d+|two|three|four|five|six|several)"
        rf"\s+(?P<pu>days|weeks|months|years))"
        rf"|(?P<rel>last\s+(?:month|week|year)|this\s+(?:month|week|year)|yesterday|today|over\s+the\s+weekend"
        rf"|(?:over\s+)?(?:a|one|two|three)\s+(?:year|month|week)s?\s+ago|in\s+recent\s+(?:days|weeks))"
        rf"|(?P<wd>(?:on\s+|last\s+)?(?P<wdn>{weekdays}))"
        rf"|(?P<since>since\s+(?P<ys>{year}))"
        rf"|(?P<year>(?:in|during|since)\s+(?P<y5>{year}))",
        re.IGNORECASE,
    )
    cues = (
        set(month_of)
        | set(weekday_of)
        | {"yesterday", "today", "weekend", "ago", "week", "month", "year", "days", "weeks"}
    )
    return _Tables(month_of, weekday_of, part_of, pattern, frozenset(cues))


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    span: DateSpan


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _latest_year(month: int, day: int, ref: dt.date | None) -> int | None:
    if ref is None:
        return None
    year = ref.year
    if (month, day) > (ref.month, ref.day):
        year -= 1
    return year


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, min(d, _month_end(y, m)))
    except ValueError:
        return None


def resolve(m: re.Match[str], ref: dt.date | None, day_known: bool = True) -> DateSpan | None:
    """The span a date expression denotes. `day_known` is False when the publication date is
    known only to its month or year: then "on Friday", "yesterday" or "last week" cannot be
    placed, and stay unresolved rather than guessed."""
    t = _tables()
    text = m.group(0)
    g = m.groupdict()
    unresolved = DateSpan(None, None, text, "relative to an unknown publication date")
    if g["iso"]:
        iso = [int(x) for x in g["iso"].split("-")]
        day = _safe_date(iso[0], iso[1], iso[2])
        return DateSpan(day, day, text, "absolute date") if day else None
    if g["dmy"] or g["mdy"]:
        mo = t.month_of[(g["m1"] or g["m2"]).lower()]
        d = int(g["d1"] or g["d2"])
        if not 1 <= d <= 31:
            return None
        ys = g["y1"] or g["y2"]
        year = int(ys) if ys else _latest_year(mo, d, ref)
        if year is None:
            return unresolved
        day = _safe_date(year, mo, d)
        return DateSpan(day, day, text, "day" + ("" if ys else ", year from publication date")) if day else None
    if g["part"]:
        mo = t.month_of[g["m3"].lower()]
        lo, hi = t.part_of[g["pw"].lower()]
        py = int(g["y3"]) if g["y3"] else _latest_year(mo, lo, ref)
        if py is None:
            return unresolved
        return DateSpan(dt.date(py, mo, lo), dt.date(py, mo, min(hi, _month_end(py, mo))), text, "part of month")
    if g["month"]:
        mo = t.month_of[(g["m4"] or g["m5"]).lower()]
        y = int(g["y4"]) if g["y4"] else _latest_year(mo, 1, ref)
        if y is None:
            return unresolved
        return DateSpan(dt.date(y, mo, 1), dt.date(y, mo, _month_end(y, mo)), text, "month")
    if g["since"]:
        if ref is None:
            return DateSpan(dt.date(int(g["ys"]), 1, 1), None, text, "since a year, open end")
        return DateSpan(dt.date(int(g["ys"]), 1, 1), ref, text, "since a year, until publication")
    if g["year"]:
        y = int(g["y5"])
        return DateSpan(dt.date(y, 1, 1), dt.date(y, 12, 31), text, "year")
    if ref is None:
        return unresolved
    if not day_known and (g["wd"] or g["past"] or (g["rel"] and _DAY_RELATIVE.search(g["rel"]))):
        return DateSpan(None, None, text, "relative to a publication date known only to its month")
    if g["yearpart"]:
        y = ref.year - 1 if "last year" in text.lower() else ref.year
        lo, hi = {"start": (1, 3), "beginning": (1, 3), "middle": (5, 8), "end": (10, 12)}.get(
            (g["yp"] or "").lower(), (1, ref.month)
        )
        return DateSpan(dt.date(y, lo, 1), min(ref, dt.date(y, hi, _month_end(y, hi))), text, "part of year")
    if g["past"]:
        words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "several": 3}
        n = int(g["pn"]) if g["pn"].isdigit() else words[g["pn"].lower()]
        days = {"days": 1, "weeks": 7, "months": 30, "years": 365}[g["pu"].lower()] * n
        return DateSpan(ref - dt.timedelta(days=days), ref, text, "period before publication")
    if g["wd"]:
        wd = t.weekday_of[g["wdn"].lower()]
        back = (ref.weekday() - wd) % 7
        if g["wd"].lower().startswith("last") and back == 0:
            back = 7
        day = ref - dt.timedelta(days=back)
        return DateSpan(day, day, text, "weekday before publication")
    rel = g["rel"].lower()
    return _relative(rel, ref, text)


def _relative(rel: str, ref: dt.date, text: str) -> DateSpan:
    if "yesterday" in rel:
        d = ref - dt.timedelta(days=1)
        return DateSpan(d, d, text, "yesterday")
    if "today" in rel:
        return DateSpan(ref, ref, text, "publication day")
    if "weekend" in rel:
        sat = ref - dt.timedelta(days=(ref.weekday() - 5) % 7 or 7)
        return DateSpan(sat, sat + dt.timedelta(days=1), text, "weekend before publication")
    if "recent" in rel:
        return DateSpan(ref - dt.timedelta(days=28), ref, text, "recent weeks")
    if "ago" in rel:
        n = {"a": 1, "one": 1, "two": 2, "three": 3}[rel.replace("over ", "").split()[0]]
        unit = rel.split()[-2].rstrip("s")
        days = {"year": 365, "month": 30, "week": 7}[unit] * n
        anchor = ref - dt.timedelta(days=days)
        if rel.startswith("over"):
            return DateSpan(None, anchor, text, f"more than {n} {unit}(s) before publication")
        return DateSpan(anchor - dt.timedelta(days=days // 4), anchor + dt.timedelta(days=days // 4), text, "ago")
    unit = rel.split()[-1]
    last = rel.startswith("last")
    if unit == "month":
        y, mo = (ref.year, ref.month - 1) if last else (ref.year, ref.month)
        if mo == 0:
            y, mo = y - 1, 12
        return DateSpan(dt.date(y, mo, 1), dt.date(y, mo, _month_end(y, mo)), text, f"{rel}, from publication")
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) - (dt.timedelta(days=7) if last else dt.timedelta(0))
        return DateSpan(monday, monday + dt.timedelta(days=6), text, f"{rel}, from publication")
    y = ref.year - 1 if last else ref.year
    return DateSpan(dt.date(y, 1, 1), dt.date(y, 12, 31), text, f"{rel}, from publication")


_DAY_RELATIVE = re.compile(r"yesterday|today|tonight|weekend|week|recent|days?\b", re.I)


def find_dates(
    text: str, ref: dt.date | None, start: int = 0, end: int | None = None, day_known: bool = True
) -> list[DateMention]:
    """Every date expression in text[start:end], resolved against `ref` (the publication date,
    `day_known` when it is known to the day)."""
    t = _tables()
    stop = len(text) if end is None else end
    segment = text[start:stop]
    # The pattern is long; most sentences hold no digit and no date word, so skip them.
    if not any(ch.isdigit() for ch in segment) and not (set(re.findall(r"\w+", segment.lower())) & t.cue_words):
        return []
    out = []
    for m in t.pattern.finditer(text, start, stop):
        # Guard the bare month "May": only "in May", "May 2023", "22 May" and the like are dates.
        span = resolve(m, ref, day_known)
        if span is not None:
            out.append(DateMention(m.start(), m.end(), span))
    return out
