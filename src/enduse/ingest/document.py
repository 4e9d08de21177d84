"""From one raw input to one clean, dated, attributed Document (or the reason it was refused)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from enduse.ingest.boilerplate import clean_text, normalise
from enduse.ingest.decode import DecodeError, decode_bytes
from enduse.ingest.dedup import content_hash
from enduse.ingest.html import extract_main_text
from enduse.ingest.language import detect_language
from enduse.ingest.outlets import dateline_outlet, host_of
from enduse.ingest.published import HEADER_DATE, find_published
from enduse.ingest.raw import RawInput
from enduse.ingest.urls import canonical_url
from enduse.model import Document, PublishedDate, Rejection

MIN_WORDS = 5


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The clean text of an input, with the header lines kept for metadata."""

    text: str
    title: str | None
    header: list[str]
    footer: list[str]
    header_date: str | None
    markup_date: PublishedDate | None = None


def clean_input(raw_text: str, kind: str, url: str | None = None) -> Cleaned:
    """Main text of an HTML page or scraped text, without page furniture."""
    header_date = None
    m = HEADER_DATE.match(raw_text)
    if m:
        header_date = m.group(1)
        raw_text = raw_text[m.end() :]
    title = None
    markup_date = None
    if kind == "html":
        page = extract_main_text(raw_text, url)
        title, markup_date = page.title, page.markup_date
        raw_text = _without_headline(page.text, title)
    result = clean_text(raw_text, extracted=kind == "html")
    if title is None:
        title = _title_from_header(result.header)
    return Cleaned(result.text, title, result.header, result.footer, header_date, markup_date)


def _without_headline(text: str, title: str | None) -> str:
    """The text without a first paragraph that repeats the headline (it is the title's)."""
    first, _, rest = text.partition("\n\n")
    if title and len(normalise(first).split()) >= 3 and normalise(first) in normalise(title):
        return rest
    return text


_BYLINE = re.compile(r"^\s*(?:by|par|von|от|автор|written by|reporting by)\s", re.I)


def _title_from_header(header: list[str]) -> str | None:
    """The header line nearest the body that reads like a headline."""
    for line in reversed(header):
        words = line.split()
        if _BYLINE.match(line):
            continue  # "By Jane Doe", "Par la rédaction": who wrote it, not what it is called
        if 4 <= len(words) <= 30 and "©" not in line and sum(ch.isdigit() for ch in line) < 6:
            return line
    return None


def build_document(raw: RawInput, retrieved: dt.date | None = None) -> Document | Rejection:
    """Decode, clean and describe one input. Never raises for bad content: returns a Rejection."""
    try:
        text = decode_bytes(raw.data)
    except DecodeError as e:
        return Rejection(raw.name, e.reason, str(e))
    cleaned = clean_input(text, raw.kind, raw.url)
    if len(cleaned.text.split()) < MIN_WORDS:
        return Rejection(raw.name, "no article text", "nothing in it reads as article prose")
    published = find_published(
        given=raw.published,
        header_date=cleaned.header_date,
        header_lines=cleaned.header,
        markup=cleaned.markup_date,
        retrieved=raw.retrieved,
        url=raw.url,
    )
    source = raw.outlet or host_of(raw.url) or dateline_outlet(text.splitlines())
    return Document(
        id=raw.id,
        text=cleaned.text,
        url=canonical_url(raw.url) or raw.url,
        title=cleaned.title or raw.extra.get("title"),
        source=source,
        published=published,
        retrieved=raw.retrieved,
        language=detect_language(cleaned.text),
        content_hash=content_hash(cleaned.text),
        raw_sha256=hashlib.sha256(raw.data).hexdigest(),
        input_name=raw.name,
    )
