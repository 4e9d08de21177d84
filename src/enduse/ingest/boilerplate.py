"""Clean-up of already-extracted text: keep the article, drop the page furniture.

Scraped text arrives with menus, icon-name soup, teaser lists, share and comment prompts,
cookie notices and footers around the article, and sometimes with the article twice. No
phrase list can keep up with that, so the method is general and works on line features:

1. Lines broken inside a sentence are joined (a line that does not end a sentence, followed
   by one that starts in lower case).
2. Each line is scored for how much it reads like prose: its length in words, its share of
   stop words (justext's stop lists, shipped in its wheel, for the languages we cover), and
   whether it ends a sentence. Lines that repeat within the document count against.
3. The article body is the contiguous run of lines with the highest total score (a
   maximum-sum segment, as in BTE-style body extraction); lines before it are the header
   (title, date, byline), lines after it the footer.
4. Inside the body, short lines that do not read as prose (teasers, "Read more") go, and
   sentences already seen (a repeated paragraph or a whole article pasted twice) are dropped,
   keeping the first occurrence.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import justext

_WORD = re.compile(r"\w+", re.UNICODE)
_SENT_END = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$|[\"”’»]\s*$")
# "BRUSSELS (Sputnik) -" / "KYIV, June 1 (Reuters) –": a wire dateline at a paragraph start.
DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÝА-ЯІЇЄ][A-ZÀ-ÝА-ЯІЇЄ .'-]{2,40})(?:,\s*[^()\n]{0,30}?)?"
    r"\s*\((?P<outlet>[^()\n]{2,40})\)\s*[-–—]\s*"
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+(?=[\"“«'‘(]?[A-ZÀ-ÝА-ЯІЇЄ0-9])")
#: A sentence is dropped as a repeat of an earlier one only from this many words up. Shorter
#: pieces recur in an article that is not repeated ("Frieden in unserer Zeit?" as a subheading
#: and again opening a paragraph), and `split_sentences` cuts after list numbers and
#: abbreviations ("1." | "Choose the right pot", "Dr." | "Oetker"), so the key of a fragment
#: like "1" or "1 pck dr" would drop the next list entry or table row that starts alike. On the
#: trafilatura-eval pages this kept 6 must-keep snippets more and no must-drop one.
MIN_REPEAT_WORDS = 5
STOPLIST_LANGUAGES = ("English", "Russian", "Ukrainian", "German", "French", "Spanish", "Italian", "Polish")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    words: set[str] = set()
    for language in STOPLIST_LANGUAGES:
        words |= {w.lower() for w in justext.get_stoplist(language)}
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class LineFeatures:
    words: int
    stop_ratio: float
    ends_sentence: bool
    has_copyright: bool
    repeats: int

    @property
    def prose(self) -> bool:
        """Reads as article prose: a sentence of ordinary words."""
        if self.has_copyright or self.words < 4:
            return False
        if self.ends_sentence:
            return self.stop_ratio >= 0.15 and self.words >= 6
        return self.words >= 12 and self.stop_ratio >= 0.25

    @property
    def score(self) -> float:
        if self.prose and self.repeats <= 1:
            return 1.0 + min(self.words, 60) / 15
        if self.prose:  # repeated prose: likely a repeated teaser, but maybe a repeated article
            return 0.5 if self.ends_sentence else -0.5
        return -1.0 - min(self.words, 40) / 40


def normalise(text: str) -> str:
    """Lower-case words only: the key under which repeated lines and sentences are compared."""
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(_WORD.findall(text))


def features(line: str, repeats: int, count_stops: bool = True) -> LineFeatures:
    """The line's features; without `count_stops` its stop-word ratio is left at 0 (extracted
    text is not scored as prose, and counting them was a fifth of the clean-up's time)."""
    tokens = _WORD.findall(line)
    n = len(tokens)
    stop_ratio = 0.0
    if count_stops and n:
        stops = stopwords()
        stop_ratio = sum(t.lower() in stops for t in tokens) / n
    return LineFeatures(
        words=n,
        stop_ratio=stop_ratio,
        ends_sentence=bool(_SENT_END.search(line)),
        has_copyright="©" in line or bool(re.search(r"\(c\)\s*\d{4}", line, re.I)),
        repeats=repeats,
    )


def join_broken_lines(lines: list[str]) -> list[str]:
    """Re-join a sentence that a scraper broke over two lines."""
    out: list[str] = []
    for line in lines:
        if (
            out
            and out[-1]
            and line
            and line[0].islower()
            and not _SENT_END.search(out[-1])
            and len(_WORD.findall(out[-1])) >= 4
        ):
            out[-1] = out[-1].rstrip() + " " + line.lstrip()
        else:
            out.append(line)
    return out


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The article text (paragraphs separated by blank lines) and the lines around it."""

    text: str
    header: list[str]
    footer: list[str]
    dropped: list[str]


def best_segment(scores: list[float]) -> tuple[int, int]:
    """The contiguous [start, end) run with the largest sum (Kadane); (0, 0) if all are negative."""
    best, best_span = 0.0, (0, 0)
    run, run_start = 0.0, 0
    for i, s in enumerate(scores):
        if run <= 0:
            run, run_start = 0.0, i
        run += s
        if run > best:
            best, best_span = run, (run_start, i + 1)
    return best_span


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_SPLIT.split(paragraph) if s.strip()]


def clean_text(text: str, extracted: bool = False) -> CleanResult:
    """Separate the article body of scraped text from the furniture around it.

    :param extracted: the text is already a page's main text (trafilatura's output). The
        extractor has chosen the body from the page's structure, which it sees and we do not,
        so only repeats and copyright lines are removed: cutting its short paragraphs
        (subheadings, one-line quotes) by line features cost 9 points of recall on the Zyte
        benchmark for 2 of precision.
    """
    raw_lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.replace("\r\n", "\n").split("\n")]
    lines = join_broken_lines([ln for ln in raw_lines if ln])
    keys = [normalise(ln) for ln in lines]
    counts = Counter(keys)
    feats = [features(ln, counts[key], count_stops=not extracted) for ln, key in zip(lines, keys, strict=True)]
    if extracted:
        start, end = 0, len(lines)
    else:
        start, end = best_segment([f.score for f in feats])
        # A headline or standfirst right above the first paragraph scores as prose when it is
        # long; it belongs to the header all the same, since it does not end a sentence.
        while start < end and not feats[start].ends_sentence and feats[start].words < 25:
            start += 1
        while end > start and not feats[end - 1].ends_sentence and feats[end - 1].words < 25:
            end -= 1
    kept: list[str] = []
    dropped: list[str] = []
    seen: set[str] = set()
    for line, line_key, f in zip(lines[start:end], keys[start:end], feats[start:end], strict=True):
        if extracted:
            body_like = not f.has_copyright or f.words > 25
        else:
            body_like = f.prose or (f.words >= 6 and f.stop_ratio >= 0.25 and not f.has_copyright)
        repeated_label = f.repeats > 1 and not f.ends_sentence and not (extracted and f.words > 3)
        if not body_like or (repeated_label and not extracted):
            dropped.append(line)
            continue
        if repeated_label:
            # In an extractor's output a short line that recurs is a label of the article's own
            # (a chorus, a list entry, a "Solution" link per exercise): kept once, not at all
            # as in scraped text, where it is mostly menu and share-bar furniture.
            if line_key in seen:
                dropped.append(line)
                continue
            seen.add(line_key)
        parts = split_sentences(line)
        sentences = []
        for sentence in parts:
            # A line of one sentence without a dateline has the line's key: not normalised twice.
            same = len(parts) == 1 and not DATELINE.match(sentence)
            key = line_key if same else normalise(DATELINE.sub("", sentence))
            if key in seen and len(key.split()) >= MIN_REPEAT_WORDS:
                continue
            seen.add(key)
            sentences.append(sentence)
        if sentences:
            kept.append(" ".join(sentences) if len(sentences) < len(parts) else line)
        else:
            dropped.append(line)
    return CleanResult(text="\n\n".join(kept), header=lines[:start], footer=lines[end:], dropped=dropped)
