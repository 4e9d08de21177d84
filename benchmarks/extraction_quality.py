"""Main-text quality on real pages: enduse against trafilatura's defaults, side by side.

    python benchmarks/extraction_quality.py [--limit N]

1. ../shared/data/article-extraction-benchmark (181 news pages with gold bodies): token
   precision, recall and F1 of the body text, as the benchmark's own evaluation computes
   them (bag of lower-cased word tokens per page, precision and recall averaged over pages,
   F1 of the averages; an empty prediction scores precision 1 and recall 0).
2. ../shared/data/trafilatura-eval (990 pages, multilingual): the share of "with" snippets
   found in the output and of "without" snippets kept out of it, and their F1-style mean.

enduse is measured as a user gets it: `clean_input` on the page (main text plus the
boilerplate clean-up, title kept out of the body). The other side is `trafilatura.extract`
with its defaults. The functions here are imported by `benchmarks/ingest.py`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from enduse.ingest.decode import DecodeError, decode_bytes
from enduse.ingest.document import clean_input

SHARED = Path(os.environ.get("ENDUSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
ZYTE = SHARED / "data" / "article-extraction-benchmark"
TRAF_EVAL = SHARED / "data" / "trafilatura-eval"
_TOKEN = re.compile(r"\w+", re.UNICODE)

Extractor = Callable[[str, str | None], str]


@dataclass(frozen=True, slots=True)
class Page:
    key: str
    url: str | None
    html: str
    size: int  # bytes of HTML


def zyte_pages(limit: int = 0) -> Iterator[tuple[Page, str]]:
    """(page, gold body) pairs of the Zyte benchmark."""
    truth = json.loads((ZYTE / "ground-truth.json").read_text(encoding="utf-8"))
    for n, (key, item) in enumerate(sorted(truth.items())):
        if limit and n >= limit:
            return
        raw = gzip.decompress((ZYTE / "html" / f"{key}.html.gz").read_bytes())
        yield Page(key, item.get("url"), decode_bytes(raw), len(raw)), item.get("articleBody") or ""


def traf_eval_pages(limit: int = 0) -> Iterator[tuple[Page, list[str], list[str]]]:
    """(page, with-snippets, without-snippets) triples of trafilatura's evaluation set."""
    data = json.loads((TRAF_EVAL / "evaldata.json").read_text(encoding="utf-8"))
    n = 0
    for url, item in data.items():
        path = TRAF_EVAL / "html" / f"{item['file']}.gz"
        if not path.exists():
            path = TRAF_EVAL / "html" / item["file"]
            if not path.exists():
                continue
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        try:
            html = decode_bytes(raw)
        except DecodeError:
            continue
        yield Page(item["file"], url, html, len(raw)), list(item.get("with") or []), list(item.get("without") or [])
        n += 1
        if limit and n >= limit:
            return


def enduse_text(html: str, url: str | None) -> str:
    return clean_input(html, "html", url).text


def trafilatura_text(html: str, url: str | None) -> str:
    return trafilatura.extract(html, url=url) or ""


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text))


def precision_recall(pred: str, gold: str) -> tuple[float, float]:
    p, g = tokens(pred), tokens(gold)
    if not p:
        return 1.0, 0.0
    overlap = sum((p & g).values())
    return overlap / sum(p.values()), overlap / max(1, sum(g.values()))


@dataclass(frozen=True, slots=True)
class F1Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def body_f1(outputs: dict[str, str], gold: dict[str, str]) -> F1Score:
    """Benchmark-style F1: precision and recall averaged over pages, then combined."""
    pairs = [precision_recall(outputs.get(k, ""), g) for k, g in gold.items()]
    return F1Score(sum(p for p, _ in pairs) / len(pairs), sum(r for _, r in pairs) / len(pairs))


@dataclass(frozen=True, slots=True)
class SnippetScore:
    found: int
    with_total: int
    kept_out: int
    without_total: int

    @property
    def recall(self) -> float:
        return self.found / max(1, self.with_total)

    @property
    def precision(self) -> float:
        return self.kept_out / max(1, self.without_total)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _squash(text: str) -> str:
    return " ".join(text.split())


def snippet_score(extract: Extractor, limit: int = 0) -> SnippetScore:
    found = with_total = kept_out = without_total = 0
    for page, must, must_not in traf_eval_pages(limit):
        out = _squash(extract(page.html, page.url))
        found += sum(_squash(s) in out for s in must)
        with_total += len(must)
        kept_out += sum(_squash(s) not in out for s in must_not)
        without_total += len(must_not)
    return SnippetScore(found, with_total, kept_out, without_total)


def main() -> None:
    ap = argparse.ArgumentParser(description="Main-text quality: enduse vs trafilatura defaults")
    ap.add_argument("--limit", type=int, default=0, help="pages per data set (0: all)")
    args = ap.parse_args()
    pages = list(zyte_pages(args.limit))
    gold = {p.key: g for p, g in pages}
    print(f"article-extraction-benchmark: {len(pages)} pages")
    for name, fn in (("enduse", enduse_text), ("trafilatura default", trafilatura_text)):
        score = body_f1({p.key: fn(p.html, p.url) for p, _ in pages}, gold)
        print(f"  {name:22s} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}")
    print("trafilatura-eval snippets (with = found, without = kept out)")
    for name, fn in (("enduse", enduse_text), ("trafilatura default", trafilatura_text)):
        s = snippet_score(fn, args.limit)
        print(
            f"  {name:22s} with {s.found}/{s.with_total} ({s.recall:.3f})  "
            f"without {s.kept_out}/{s.without_total} ({s.precision:.3f})  F1 {s.f1:.3f}"
        )


if __name__ == "__main__":
    main()
