"""Matcher speed on real article text, side by side with one compiled regular expression.

Text: the gold article bodies of ../shared/data/article-extraction-benchmark (181 English news
pages) and the 30 development articles of ../shared/data/dev (five languages). Reports, in one
run and one process (so per core):

- the time to read the catalogs and to compile the automaton (what a cache miss costs), and
  the time to load both from the on-disk cache, in this process and in a fresh one (imports
  included: what `enduse` pays at start-up);
- matcher throughput in MB/s of UTF-8 text, against a trie-shaped regular-expression
  alternation over the same aliases (case-insensitive, any non-word run between an alias's
  words, word boundaries): the usual way to do this without an automaton. Runs alternate and
  the best of `--repeat` is kept, since the machine is shared and noisy.

    python benchmarks/match.py [--shared ../shared] [--repeat 3]

Goals (issue 4): the matcher at least 5x the regular expression; loading under 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from enduse.knowledge import load_knowledge
from enduse.knowledge.loader import DATA_DIR, read_catalogs
from enduse.knowledge.matcher import build_matcher
from enduse.knowledge.names import names, squeeze

ROOT = Path(__file__).resolve().parent.parent
_NON_WORD = re.compile(r"[\W_]+")


def read_texts(shared: Path) -> list[str]:
    """Article bodies (gold main text of real news pages) and the development articles."""
    gold = json.loads((shared / "data" / "article-extraction-benchmark" / "ground-truth.json").read_text("utf-8"))
    texts = [item["articleBody"] for item in gold.values() if item.get("articleBody")]
    with (shared / "data" / "dev" / "articles.jsonl").open(encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


def trie_regex(aliases: set[str]) -> str:
    """One alternation shaped as a character trie (a plain alternation of 60,000 names is hopeless)."""
    trie: dict[str, Any] = {}
    for alias in aliases:
        node = trie
        for ch in alias:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (r"[\W_]*" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return r"\b(?:" + emit(trie) + r")\b"


def best_of(repeat: int, runs: list[tuple[str, Callable[[], int]]]) -> dict[str, tuple[float, int]]:
    """Best wall time and result count of each run, the runs taken in turn `repeat` times."""
    best: dict[str, tuple[float, int]] = {}
    for _ in range(repeat):
        for label, run in runs:
            t0 = time.perf_counter()
            found = run()
            spent = time.perf_counter() - t0
            if label not in best or spent < best[label][0]:
                best[label] = (spent, found)
    return best


def fresh_process_load() -> float:
    """Seconds for a new Python process to import enduse and load the catalogs and matcher (cache warm)."""
    code = (
        "import time; t = time.perf_counter(); from enduse.knowledge import load_knowledge; "
        "load_knowledge().matcher(); print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("ENDUSE_SHARED", ROOT.parent / "shared")))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (args.shared / "data" / "dev").is_dir():
        print(f"no shared data under {args.shared} (set --shared or ENDUSE_SHARED)", file=sys.stderr)
        return 2
    texts = read_texts(args.shared)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    t0 = time.perf_counter()
    knowledge = read_catalogs([DATA_DIR])
    t1 = time.perf_counter()
    matcher = build_matcher(knowledge)
    t2 = time.perf_counter()
    load_knowledge().matcher()  # make sure the cache is warm
    t3 = time.perf_counter()
    load_knowledge().matcher()
    t4 = time.perf_counter()
    startup = fresh_process_load()

    aliases = {_NON_WORD.sub(" ", a.lower()).strip() for a, _, _ in names(knowledge) if len(squeeze(a)) >= 2}
    t5 = time.perf_counter()
    regex = re.compile(trie_regex(aliases), re.IGNORECASE)
    t6 = time.perf_counter()

    best = best_of(
        args.repeat,
        [
            ("matcher", lambda: sum(len(matcher.find(t)) for t in texts)),
            ("regex", lambda: sum(len(regex.findall(t)) for t in texts)),
        ],
    )
    print(f"text: {len(texts)} articles, {megabytes:.2f} MB; {len(aliases)} distinct aliases")
    print(f"read catalogs (YAML, pycountry, GeoNames)  {t1 - t0:6.2f} s")
    print(f"compile automaton                          {t2 - t1:6.2f} s")
    print(f"compile regular expression                 {t6 - t5:6.2f} s")
    print(f"load from cache, this process              {t4 - t3:6.2f} s")
    verdict = "met" if startup < 1 else "NOT met"
    print(f"load from cache, fresh process (imports)   {startup:6.2f} s   goal < 1 s: {verdict}")
    for label, (spent, found) in best.items():
        print(f"{label:8} {megabytes / spent:7.2f} MB/s per core  ({spent:.3f} s, {found} mentions)")
    ratio = best["regex"][0] / best["matcher"][0]
    print(f"matcher / regex: {ratio:.1f}x   goal >= 5x: {'met' if ratio >= 5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
