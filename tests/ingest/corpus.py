"""Generated test documents: article-like prose, distinct per seed, written by the project.

The readers, the fetcher and the batch tests need many documents that clean into real
article text and are not near-duplicates of each other; these are built from a small
vocabulary with a seeded random generator, so no article text is copied into the repo.
"""

from __future__ import annotations

import html
import random

_SUBJECTS = [
    "The defence ministry",
    "A government spokesperson",
    "The parliamentary committee",
    "Local officials",
    "The export control agency",
    "An independent researcher",
    "The foreign minister",
    "Military analysts",
    "The regional governor",
    "A senior diplomat",
    "The monitoring mission",
    "Customs authorities",
]
_VERBS = [
    "said on Tuesday that",
    "confirmed in a statement that",
    "told reporters that",
    "reported that",
    "denied claims that",
    "acknowledged on Friday that",
    "wrote in a letter that",
    "announced that",
]
_OBJECTS = [
    "the howitzers",
    "the armoured vehicles",
    "the rifles",
    "the air defence systems",
    "the drones",
    "the artillery shells",
    "the anti-tank weapons",
    "the rocket launchers",
    "the patrol boats",
    "the radars",
]
_EVENTS = [
    "had arrived at the border crossing",
    "were moved to a storage site in the north",
    "would be delivered before the end of the year",
    "had been inspected by a joint team",
    "were used only on the territory agreed in the contract",
    "remained under the control of the army",
    "were listed in the end-user certificate",
    "had not been passed on to any third party",
    "were damaged during transport",
    "would be returned for repairs in the spring",
]
_TAILS = [
    "according to documents seen by the newspaper",
    "citing two officials familiar with the matter",
    "in a written answer to parliament",
    "after a visit to the depot",
    "during a press conference in the capital",
    "in an interview published on the same day",
    "without giving further details",
    "as the inquiry continued",
]
_PLACES = ["Lviv", "Gdansk", "Constanta", "Rzeszow", "Odesa", "Kosice", "Varna", "Tallinn", "Kaunas", "Brno"]


def article(seed: int, sentences: int = 9) -> tuple[str, list[str]]:
    """A headline and paragraphs of prose, deterministic for `seed` and distinct across seeds."""
    rng = random.Random(seed)
    place = rng.choice(_PLACES)
    title = f"Officials in {place} review delivery number {seed} of {rng.choice(_OBJECTS)[4:]}"
    out: list[str] = []
    for i in range(sentences):
        number = rng.randint(2, 900)
        out.append(
            f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {number} of {rng.choice(_OBJECTS)} "
            f"{rng.choice(_EVENTS)} near {rng.choice(_PLACES)}, {rng.choice(_TAILS)}, in case {seed}-{i}."
        )
    paragraphs = [" ".join(out[i : i + 3]) for i in range(0, len(out), 3)]
    return title, paragraphs


def article_text(seed: int) -> str:
    title, paragraphs = article(seed)
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def article_html(seed: int, published: str | None = None) -> str:
    """A small news page: navigation, the article, a footer, and optionally a date in markup."""
    title, paragraphs = article(seed)
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{html.escape(title)}</title>{meta}</head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/about">About us</a></nav>'
        f"<article><h1>{html.escape(title)}</h1>{body}</article>"
        "<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"
    )
