"""Main text, title and markup date from an HTML page, parsing it once.

The page is parsed once with lxml and the tree is shared: htmldate reads the date from it
(it only reads), then trafilatura extracts the main text from it (it prunes a copy of it).
Parsing the string twice, once per library, cost about a fifth of the time per page on the
Zyte benchmark. Scripts, styles, inline SVG and comments are cut out of the tree right after
parsing, except JSON-LD, which carries dates: they are most of a news page's bytes, no
extractor reads them, and every copy and pass trafilatura makes over the tree costs less
without them. Dropping them from the tree, rather than cutting them out of the string with a
pattern first, halved the cost of parsing (4.4 to 2.9 ms a page) for the same text; the
parser also ends a malformed "</script" the way a browser does.

trafilatura runs its fast path (no readability/justext fallback), comments off, without
favor_precision: on the Zyte pages that measured F1 0.967 against 0.957 for its defaults,
at about 1.5x their speed (../shared/PERF.md). When the fast path finds little or nothing,
the full cascade gets a second look. Paragraph boundaries are kept as blank lines.

Tables inside the article are kept (trafilatura's default): price lists, results, specs and
figures are article text. Leaving them out lost 31 must-keep snippets on the trafilatura-eval
pages (snippet F1 0.916 -> 0.921 with them) and 0.7 points of recall on the Zyte pages (F1
0.965 -> 0.968), at no measurable cost in speed.

trafilatura's own `deduplicate` stays off on purpose: it remembers paragraphs in a
process-wide cache, so a repost or a re-fetch of a page seen earlier in the same process
would come out empty. Repeated paragraphs within a page are removed by
`boilerplate.clean_text` instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from enduse.ingest.published import date_from_markup
from enduse.model import PublishedDate

#: Below this many characters the fast path's text is always checked against the full cascade.
FALLBACK_CHARS = 250
#: Below this many, it is checked when it holds less than `PAGE_SHARE` of the text of the page's
#: paragraphs: the fast path then missed most of what the page says, which is trafilatura's own
#: test for its recall retry, with the <p> text as a cheap measure of the page. On the
#: trafilatura-eval pages this took the snippet F1 from 0.913 to 0.916 with 30 fallbacks in 989
#: pages, and changed nothing on the Zyte pages (one fallback in 181). Checking every text under
#: 1000 characters instead reached 0.917 with 120 fallbacks, but the Zyte F1 fell to 0.963 and
#: the speed ratio from 1.09x to 0.97x.
SHORT_CHARS = 1000
PAGE_SHARE = 0.2
# Control characters that XML forbids: lxml keeps them in the tree, and trafilatura then fails on
# it and returns nothing (its own loader strips them, but here it is handed a parsed tree).
# Looking for each with `in` is a quarter of the cost of one pattern search over the page.
_CONTROL_CHARS = tuple(chr(i) for i in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))
_CONTROL = re.compile("[" + "".join(_CONTROL_CHARS) + "]")
_PARSER = lxml.html.HTMLParser(remove_comments=True)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PageText:
    text: str
    title: str | None
    markup_date: PublishedDate | None = None


def _without_control_characters(html: str) -> str:
    return _CONTROL.sub("", html) if any(c in html for c in _CONTROL_CHARS) else html


def _drop_non_content(tree: Any) -> Any:
    """The tree without scripts (JSON-LD excepted), styles and inline SVG (comments are not parsed)."""
    for element in list(tree.iter("script", "style", "svg")):
        if element.tag == "script" and "ld+json" in (element.get("type") or ""):
            continue
        element.drop_tree()  # keeps the element's tail, the text that follows it
    return tree


def parse_html(html: str) -> Any | None:
    """The lxml tree of a page without its non-content elements, or None when it will not parse."""
    html = _without_control_characters(html)
    if not html.strip():
        return None
    try:
        return _drop_non_content(lxml.html.document_fromstring(html, parser=_PARSER))
    except (lxml.etree.ParserError, ValueError):
        # ValueError: a string with an XML encoding declaration; parse the bytes instead.
        try:
            raw = html.encode("utf-8", "surrogatepass")
            return _drop_non_content(lxml.html.document_fromstring(raw, parser=_PARSER))
        except (lxml.etree.ParserError, ValueError):
            return None


def page_title(tree: Any) -> str | None:
    """og:title when the page gives one (it has no site-name suffix), else <title>."""
    for path in ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content', "//title//text()"):
        found = tree.xpath(path)
        if found:
            title = _SPACE.sub(" ", " ".join(str(x) for x in found)).strip()
            if title:
                return title
    return None


def _extract(tree: Any, url: str | None, fast: bool) -> str:
    kwargs: dict[str, Any] = {"include_comments": False, "include_tables": True, "deduplicate": False}
    text = trafilatura.extract(tree, url=url, fast=fast, **kwargs)
    return str(text or "")


def paragraph_chars(tree: Any) -> int:
    """Characters of text in the page's <p> elements."""
    return sum(len(p.text_content()) for p in tree.iter("p"))


def _fast_path_fell_short(text: str, tree: Any) -> bool:
    n = len(text)
    return n < FALLBACK_CHARS or (n < SHORT_CHARS and n < PAGE_SHARE * paragraph_chars(tree))


def extract_main_text(html: str, url: str | None = None) -> PageText:
    """The article text of a page (empty when none is found), its title and markup date."""
    tree = parse_html(html)
    if tree is None:
        return PageText("", None, None)
    title = page_title(tree)
    markup_date = date_from_markup(tree)
    text = _extract(tree, url, fast=True)
    if _fast_path_fell_short(text, tree):
        # The fast path gives up on some pages that the full cascade handles. trafilatura
        # works on a copy of a tree it is given, so the same tree serves again.
        fuller = _extract(tree, url, fast=False)
        if len(fuller) > len(text):
            text = fuller
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    return PageText(text="\n\n".join(paragraphs), title=title, markup_date=markup_date)
