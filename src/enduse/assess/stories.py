"""Stories: documents about the same event, across outlets and languages.

Single-pass clustering, as topic detection and tracking does it: documents are taken in the
order of their dates (undated ones last, so they join whatever they match best), and each
joins the story it shares most with, or starts a new one.

- Copies go with their original (`copies.py`): a repost is in its original's story whatever
  its page date says.
- What a document shares with a story is the evidence of its keys (`features.py`), each
  weighted by its base weight × its rarity in the corpus (log(1 + N/df) / log(1 + N), so
  "Ukraine" counts for little and "FN SCAR" for much), averaged over the story's members.
  Evidence is summed, not normalised by length: a long article that also covers other things
  still shares the event with a short one.
- One event is one weapon at one place by one party: sharing only what (the same system used
  elsewhere the same week) is not enough, so the evidence must come from at least `DIMENSIONS`
  of what, where and who (`MIN_DIMENSION` each).
- Time gates it: a document dated within `WINDOW_DAYS` of the story's dates (or undated)
  needs `NEAR`; one far from them needs `FAR` and all three dimensions, so that a late repost
  of the same report still joins but next year's raid on the same region does not.
- Text similarity (MinHash Jaccard with the story's first members, × `TEXT_WEIGHT`) adds to
  the evidence when the keys alone do not reach the threshold: rewrites in one language.

It scales by indexing, never by comparing all pairs: each key lists the stories that have it,
a document reads at most `SCAN` recent stories per key, and only the `TOP` best by that
partial score are scored in full. The cost per document is bounded whatever the corpus size.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from enduse.assess.copies import Copies
from enduse.assess.features import DocumentFeatures

NEAR = 4.0
FAR = 8.0
WINDOW_DAYS = 30
DIMENSIONS = 2
MIN_DIMENSION = 0.5
TEXT_WEIGHT = 10.0
SCAN = 40
TOP = 8
SIGNATURES = 3
_CONTENT = ("W", "P", "A")


@dataclass(slots=True)
class _Story:
    members: list[DocumentFeatures] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    first: dt.date | None = None
    last: dt.date | None = None

    def add(self, doc: DocumentFeatures) -> None:
        self.members.append(doc)
        self.counts.update(doc.keys.keys())
        if doc.anchor is not None:
            self.first = min(self.first or doc.anchor, doc.anchor)
            self.last = max(self.last or doc.anchor, doc.anchor)

    def shared(self, weights: dict[str, float]) -> tuple[float, int]:
        """The evidence a document shares with the members on average, and on how many of the
        dimensions what, where and who it shares at least `MIN_DIMENSION`."""
        by_dim: dict[str, float] = defaultdict(float)
        for k, w in weights.items():
            n = self.counts.get(k)
            if n:
                by_dim[k[0]] += w * n
        size = len(self.members)
        return sum(by_dim.values()) / size, sum(by_dim[d] / size >= MIN_DIMENSION for d in _CONTENT)

    def text_similarity(self, doc: DocumentFeatures) -> float:
        return max(float(doc.signature().jaccard(m.signature())) for m in self.members[:SIGNATURES])

    def gap(self, day: dt.date | None) -> int:
        """Days between `day` and the story's dates (0 inside them or when either is unknown)."""
        if day is None or self.first is None or self.last is None:
            return 0
        return max(0, (self.first - day).days, (day - self.last).days)


def key_weights(features: Sequence[DocumentFeatures]) -> dict[str, dict[str, float]]:
    """Each document's keys weighted by base weight × rarity in `features`."""
    df: Counter[str] = Counter()
    for f in features:
        df.update(f.keys.keys())
    top = math.log1p(len(features)) or 1.0
    rarity = {k: math.log1p(len(features) / n) / top for k, n in df.items()}
    return {f.doc_id: {k: w * rarity[k] for k, w in f.keys.items()} for f in features}


def cluster_stories(features: Sequence[DocumentFeatures], copies: Copies) -> list[list[str]]:
    """Group documents into stories; returns the member ids of each story, in joining order."""
    weights = key_weights(features)
    order = sorted(features, key=lambda f: (f.anchor is None, f.anchor or dt.date.min, f.doc_id))
    stories: list[_Story] = []
    postings: dict[str, list[int]] = defaultdict(list)
    story_of_group: dict[str, int] = {}
    for doc in order:
        group = copies.group.get(doc.doc_id, doc.doc_id)
        chosen = story_of_group.get(group)
        if chosen is None:
            chosen = _best_story(doc, weights[doc.doc_id], stories, postings)
        if chosen is None:
            chosen = len(stories)
            stories.append(_Story())
        story = stories[chosen]
        for k in doc.keys:
            if k not in story.counts:
                postings[k].append(chosen)
        story.add(doc)
        story_of_group.setdefault(group, chosen)
    return [[m.doc_id for m in s.members] for s in stories]


def _best_story(
    doc: DocumentFeatures, weights: dict[str, float], stories: list[_Story], postings: dict[str, list[int]]
) -> int | None:
    partial: dict[int, float] = defaultdict(float)
    for k, w in weights.items():
        if k[0] in _CONTENT:
            for s in postings.get(k, ())[-SCAN:]:
                partial[s] += w * stories[s].counts[k]
    scored = []
    for s in sorted(partial, key=lambda s: -partial[s] / len(stories[s].members))[:TOP]:
        story = stories[s]
        far = story.gap(doc.anchor) > WINDOW_DAYS
        score, dims = story.shared(weights)
        if dims >= (len(_CONTENT) if far else DIMENSIONS):
            scored.append((score - (FAR if far else NEAR), s))
    if not scored:
        return None
    margin, best = max(scored)
    if margin >= 0:
        return best
    texts = [(margin + TEXT_WEIGHT * stories[s].text_similarity(doc), s) for margin, s in scored]
    margin, best = max(texts)
    return best if margin >= 0 else None
