"""`enduse clean` on the five seed reports: every article sentence kept once, the furniture gone.

The seeds are real scraped text (../shared/data/seeds/) with the noise the issue lists: icon
soup, teaser lists, podcast lines, a language menu, cookie and comment prompts, a reCAPTCHA
notice, a company site's banner and slogan over a reposted article, and one article pasted
twice. For each seed the test holds short snippets, written here, of lines that must stay
(one per article sentence) and of lines that must go, and runs the real command in a
subprocess, as a user would. The headline must reach the title, not the body text.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest

from tests.conftest import shared_path


@dataclass(frozen=True)
class SeedCase:
    keep: tuple[str, ...]  # one snippet per article sentence: each must appear exactly once
    drop: tuple[str, ...]  # snippets of furniture: none may appear in the text
    title: str | None  # the headline: it goes to the title and stays out of the body


CASES: dict[str, SeedCase] = {
    "000": SeedCase(
        keep=(
            "government will turn to Ukraine for clarification",
            "reported in the material by Het Laatste",
            "will contact the Ukrainian authorities",
            "supplies are intended for the Ukrainian armed forces",
            "clearly indicated in the documents accompanying",
            "not intended for isolated groups",
            "citing intelligence, reported that the fighters",
            "MRAP-type armoured vehicles",
            "does not approve of the use of its weapons",
            "was a trophy from fighting",
            "invaded Russian Belgorod Oblast for the first time",
            "have raided Russian territory several times",
        ),
        drop=("date 2023-06-04",),
        title=None,
    ),
    "001": SeedCase(
        keep=(
            "claimed military aid given to Ukraine by NATO",
            "will ask Ukraine to clarify whether Belgian rifles",
            "comments came on Monday after",
            "have started an investigation",
            "delivered to Ukraine under the condition",
            "strict controls in place",
            "would take this situation",
            "John Kirby said Washington",
            "interview with Al Jazeera",
            "just regular equipment is coming from there",
            "The rest were captured during the fighting",
            "Heavy equipment, for example",
            "captured those tanks from there",
            "have said its military is involved",
        ),
        drop=("banner", "News center", "Unwavering commitment", "on-time delivery", "Nov 28, 2023"),
        title="Belgium probes alleged use of its weapons in attack on Russia",
    ),
    "002": SeedCase(
        keep=(
            "countries had nothing to do with the attacks",
            "told the France 5 broadcaster",
            "use of weapons by saboteurs",
            "such as France, Belgium and the United States",
            "have repeatedly and publicly stated",
            "specifically FN SCAR automatic rifles",
            "has demanded an explanation from Kiev",
            "supplying Kiev with various types",
            "consistently warned against further arms",
        ),
        # The article is on the page twice; the second copy opens with the wire dateline.
        drop=("BRUSSELS (Sputnik)",),
        title="NATO Secretary General Says Alliance Not Involved in Belgorod Region Attacks",
    ),
    "003": SeedCase(
        keep=(
            "has become aware of several cases",
            "comments come as Kiev ramps up",
            "have also been seeking to approve",
            "roundtable meeting with the heads",
            "several cases of this kind",
            "legally acquires Russian arms",
            "In accordance with this certificate",
            "pretending not to notice",
            "found not only in conflict zones",
            "speaking at a UN Security Council meeting",
            "repeatedly condemned Western weapons deliveries",
        ),
        drop=(
            "bookmark-bicon",
            "chevron",
            "30 Jan, 2024",
            "HomeRussia",
            "Sergey Lavrov ©",
            "mortar shells fraud",
            "Read more",
            "Top stories",
            "RT Features",
            "firebrand",
            "Two generals clash",
            "Hunter and the hunted",
            "FEATURE",
            "Podcasts",
            "New Hampshire primary",
            "0:00",
            "John Nagl",
            "espрус",
            "RT News App",
            "TV-Novosti",
            "All rights reserved",
            "uses cookies",
            "Accept cookies",
        ),
        title="West asking countries to secretly send Russian weapons to Ukraine – Lavrov",
    ),
    "004": SeedCase(
        keep=(
            "Dmitry Peskov told journalists",
            "authorized Kiev to use American weapons",
            "would not use ATACMS missiles",
            "know anything about this particular decision",
            "significant boost",
            "demanded bolder steps from Washington",
            "Norway and Finland became the latest",
            "have openly supported Ukrainian attacks",
            "has also urged member states",
            "told The Economist last week",
            "To deny Ukraine the possibility",
            "various targets outside the combat zone",
            "create a security zone along the border",
            "would have “serious consequences”",
        ),
        drop=(
            "Friday, June 21, 2024",
            "Subscribe",
            "enter your comment",
            "enter your name",
            "reCAPTCHA",
            "reload the page",
            "More Articles",
        ),
        title="Kremlin says US-made weapons already used in attempted attacks on Russia",
    ),
}


@cache
def _cleaned() -> dict[str, dict[str, Any]]:
    """Run `python -m enduse clean --json` once over all seeds; records by seed number."""
    seeds = sorted(shared_path("seeds").glob("00*.txt"))
    proc = subprocess.run(
        [sys.executable, "-m", "enduse", "clean", "--json", *map(str, seeds)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return {r["id"][:3]: r for r in records}


def _squash(text: str) -> str:
    """Spacing-insensitive form: a sentence broken over two lines still matches its snippet."""
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("seed", sorted(CASES))
def test_every_article_sentence_is_kept_exactly_once(seed: str) -> None:
    text = _squash(_cleaned()[seed]["text"])
    counts = {snippet: text.count(snippet) for snippet in CASES[seed].keep}
    assert {s: n for s, n in counts.items() if n != 1} == {}


@pytest.mark.parametrize("seed", sorted(CASES))
def test_page_furniture_is_dropped(seed: str) -> None:
    text = _squash(_cleaned()[seed]["text"])
    assert [snippet for snippet in CASES[seed].drop if snippet in text] == []


@pytest.mark.parametrize("seed", sorted(CASES))
def test_headline_goes_to_the_title_not_the_body(seed: str) -> None:
    record = _cleaned()[seed]
    expected = CASES[seed].title
    if expected is None:
        return
    assert record["title"] == expected
    assert expected not in record["text"]


def test_cleaned_text_keeps_paragraph_boundaries() -> None:
    record = _cleaned()["004"]
    paragraphs = record["text"].split("\n\n")
    assert len(paragraphs) >= 8
    assert all(p.strip() == p and p for p in paragraphs)
