"""Assessment cost per claim at 10k, 30k and 100k claims: does it stay flat?

Assessment must scale by indexing, never by comparing all pairs: its cost per claim at 100k
claims should be at most 1.3× its cost at 10k. This times `enduse.assess.assess` over the
generated corpus of the tests (tests/assess/corpus.py: stories of 1–14 documents in four
languages, copies, citations, reposts; about two claims a document, stories spread over time
at a steady two a day, as a monitoring feed grows) and prints the cost per claim and its
ratio to the smallest size. CPU time is measured (other processes on the machine do not count)
and the best of `--repeat` runs is kept, as timeit does.

    .venv/bin/python benchmarks/assess.py [--sizes 10000 30000 100000] [--repeat 2]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.assess.corpus import generate

from enduse.assess import assess
from enduse.knowledge import cached_knowledge

CLAIMS_PER_DOC = 1.97  # what the generator gives, measured


def time_assessment(n_claims: int, repeat: int) -> tuple[int, int, float]:
    """(documents, claims, best CPU seconds) for a corpus of about `n_claims` claims."""
    knowledge = cached_knowledge()
    corpus = generate(int(n_claims / CLAIMS_PER_DOC), seed=11, knowledge=knowledge)
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        assess(corpus.documents, corpus.claims, knowledge)
        best = min(best, time.process_time() - start)
    return len(corpus.documents), len(corpus.claims), best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cached_knowledge()  # loaded once, outside the timings
    rows = [time_assessment(n, args.repeat) for n in args.sizes]
    base = rows[0][2] / rows[0][1]
    print(f"{'claims':>8} {'documents':>10} {'CPU s':>9} {'µs/claim':>9} {'ratio':>6}")
    for docs, claims, seconds in rows:
        per_claim = seconds / claims
        print(f"{claims:>8} {docs:>10} {seconds:>9.1f} {per_claim * 1e6:>9.0f} {per_claim / base:>6.2f}")


if __name__ == "__main__":
    main()
