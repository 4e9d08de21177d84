"""Main text and title from HTML pages, with trafilatura.

Settings follow what measured best on the Zyte benchmark here (../shared/PERF.md): comments
off, the fast path without the readability/justext fallback, precision-oriented. Paragraph
boundaries are kept as blank lines. trafilatura's own `deduplicate` is off on purpose: it
remembers paragraphs in a process-wide cache, so a repost or a re-fetch of a page seen earlier
in the same process would come out empty; repeated paragraphs within a page are removed by
`boilerplate.clean_text` instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura


@dataclass(frozen=True, slots=True)
class PageText:
    text: str
    title: str | None


def extract_main_text(html: str, url: str | None = None) -> PageText:
    """The article text of a page (empty when none is found) and its title."""
    text = trafilatura.extract(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        deduplicate=False,
        fast=True,
    )
    if not text:
        # The fast path gives up on some pages that the full cascade handles.
        text = trafilatura.extract(html, url=url, include_comments=False)
    title = None
    m = re.search(r"<title[^>]*>(.*?)</title>", html[:200_000], re.S | re.I)
    if m:
        import html as htmlmod

        title = re.sub(r"\s+", " ", htmlmod.unescape(m.group(1))).strip() or None
    paragraphs = [p.strip() for p in (text or "").split("\n") if p.strip()]
    return PageText(text="\n\n".join(paragraphs), title=title)
