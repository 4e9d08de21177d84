"""Publication-date accuracy on real pages: enduse against htmldate alone, side by side.

    python benchmarks/dates.py [--limit N]

Pages: ../shared/data/htmldate-eval (800 BBAW pages and 200 worldwide MediaCloud news pages,
one gold day each). enduse is measured as `build_document` dates an HTML page: the markup
date (htmldate on the parsed tree, fast mode, original date), checked against the retrieval
limit, through `published.find_published`. htmldate alone runs with its defaults
(`find_date(html)`: extensive search, no original-date preference) and in fast mode.

Reported per subset and overall: accuracy (right day / all pages), precision (right day /
pages given a date), coverage, and pages/s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from htmldate import find_date

from enduse.ingest.decode import DecodeError, decode_bytes
from enduse.ingest.html import parse_html
from enduse.ingest.published import date_from_markup, find_published

SHARED = Path(os.environ.get("ENDUSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
EVAL = SHARED / "data" / "htmldate-eval"
SUBSETS = {"bbaw": "eval_default.json", "mediacloud": "eval_mediacloud_2020.json"}

DateFinder = Callable[[str], str | None]


def pages(subset: str, limit: int = 0) -> list[tuple[str, str]]:
    """(html, gold date) pairs of one subset."""
    gold = json.loads((EVAL / SUBSETS[subset]).read_text(encoding="utf-8"))
    out: list[tuple[str, str]] = []
    for item in gold.values():
        path = EVAL / "html" / subset / f"{item['file']}.gz"
        if not path.exists():
            continue
        try:
            out.append((decode_bytes(gzip.decompress(path.read_bytes())), item["date"]))
        except (DecodeError, OSError):
            continue
        if limit and len(out) >= limit:
            break
    return out


def enduse_date(html: str) -> str | None:
    tree = parse_html(html)
    markup = date_from_markup(tree) if tree is not None else None
    found = find_published(given=None, header_date=None, header_lines=[], markup=markup, retrieved=None)
    return found.value.isoformat() if found else None


def htmldate_default(html: str) -> str | None:
    try:
        return find_date(html)
    except Exception:  # htmldate raises assorted errors on broken pages; count as no date
        return None


def htmldate_fast(html: str) -> str | None:
    try:
        return find_date(html, extensive_search=False)
    except Exception:
        return None


def score(finder: DateFinder, data: list[tuple[str, str]]) -> tuple[int, int, float]:
    """(right, dated, seconds) over the pages."""
    right = dated = 0
    t0 = time.perf_counter()
    for html, gold in data:
        found = finder(html)
        if found:
            dated += 1
            right += found[:10] == gold
    return right, dated, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description="Publication dates: enduse vs htmldate")
    ap.add_argument("--limit", type=int, default=0, help="pages per subset (0: all)")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    finders: dict[str, DateFinder] = {
        "enduse": enduse_date,
        "htmldate default (extensive)": htmldate_default,
        "htmldate fast": htmldate_fast,
    }
    data = {subset: pages(subset, args.limit) for subset in SUBSETS}
    for html, _ in data["bbaw"][:5]:  # first-pass costs (imports, language data) off the clock
        for finder in finders.values():
            finder(html)
    totals: dict[str, list[float]] = {name: [0, 0, 0.0] for name in finders}
    n_all = sum(len(d) for d in data.values())
    for subset, items in data.items():
        print(f"{subset}: {len(items)} pages")
        for name, finder in finders.items():
            right, dated, seconds = score(finder, items)
            for i, v in enumerate((right, dated, seconds)):
                totals[name][i] += v
            print(
                f"  {name:30s} accuracy {right / len(items):.3f}  precision {right / max(1, dated):.3f}  "
                f"coverage {dated / len(items):.3f}  {len(items) / seconds:6.1f} pages/s"
            )
    print(f"all: {n_all} pages")
    for name, (right, dated, seconds) in totals.items():
        print(
            f"  {name:30s} accuracy {right / n_all:.3f}  precision {right / max(1, dated):.3f}  "
            f"coverage {dated / n_all:.3f}  {n_all / seconds:6.1f} pages/s"
        )


if __name__ == "__main__":
    main()
