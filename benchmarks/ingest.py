"""Ingestion speed on real pages, side by side with trafilatura's default `extract`.

    python benchmarks/ingest.py [--limit N] [--rounds R]

Pages: the 181 news pages of ../shared/data/article-extraction-benchmark (HTML, ≈175 KB each).
One process, one core. For each page, in alternating order so that the shared machine's
drift hits both sides alike:

- enduse: HTML bytes → clean Document (decoding, main text, boilerplate clean-up, title,
  markup date, language, content hash) → MinHash and an LSH query/insert (de-duplication);
- trafilatura: `trafilatura.extract(html)` with its defaults, alone.

Reported: pages/s and MB/s of HTML per core for each, their ratio, and the token F1 of both
outputs against the benchmark's gold bodies (`extraction_quality.body_f1`). A last line times
the stored path as well (`pipeline.ingest_inputs` into a fresh SQLite file: one transaction
per document, raw bytes compressed, MinHash signature stored, copies grouped at the end),
which is what `enduse ingest` does. trafilatura runs again on each page just before the
pipeline reads it, and its time is taken out of the pipeline's, so that this ratio too is
measured over the same stretch of a shared machine's load.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import trafilatura
from datasketch import MinHashLSH

from enduse.ingest.dedup import NUM_PERM, THRESHOLD, minhash
from enduse.ingest.document import build_document
from enduse.ingest.raw import RawInput
from enduse.model import Document
from enduse.pipeline import ingest_inputs
from enduse.store import Repository, make_engine, upgrade
from extraction_quality import body_f1, zyte_pages


def enduse_page(raw: RawInput, lsh: MinHashLSH) -> str:
    """One page through enduse's ingestion, short of the database."""
    doc = build_document(raw)
    if not isinstance(doc, Document):
        return ""
    m = minhash(doc.text)
    lsh.query(m)
    if doc.id not in lsh:
        lsh.insert(doc.id, m)
    return doc.text


def main() -> None:
    ap = argparse.ArgumentParser(description="Ingestion speed: enduse vs trafilatura.extract defaults")
    ap.add_argument("--limit", type=int, default=0, help="pages (0: all 181)")
    ap.add_argument("--rounds", type=int, default=2, help="timed passes over the pages")
    args = ap.parse_args()
    pages = list(zyte_pages(args.limit))
    gold = {p.key: g for p, g in pages}
    raws = {p.key: RawInput(p.key, p.key, "html", p.html.encode("utf-8"), p.url) for p, _ in pages}
    megabytes = sum(len(r.data) for r in raws.values()) / 1e6

    for page, _ in pages[:10]:  # warm up both: imports, lazy models, caches
        build_document(raws[page.key])
        trafilatura.extract(page.html, url=page.url)

    t_enduse = t_traf = 0.0
    out_enduse: dict[str, str] = {}
    out_traf: dict[str, str] = {}
    for round_no in range(args.rounds):
        lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        for i, (page, _) in enumerate(pages):
            first_enduse = (i + round_no) % 2 == 0
            for side in ("enduse", "traf") if first_enduse else ("traf", "enduse"):
                t0 = time.perf_counter()
                if side == "enduse":
                    out_enduse[page.key] = enduse_page(raws[page.key], lsh)
                    t_enduse += time.perf_counter() - t0
                else:
                    out_traf[page.key] = trafilatura.extract(page.html, url=page.url) or ""
                    t_traf += time.perf_counter() - t0

    n = len(pages) * args.rounds
    mb = megabytes * args.rounds
    f1_enduse, f1_traf = body_f1(out_enduse, gold), body_f1(out_traf, gold)
    print(f"{len(pages)} pages, {megabytes:.1f} MB of HTML, {args.rounds} rounds, one core")
    print(f"{'':34s} {'pages/s':>8s} {'MB/s':>6s} {'F1':>6s} {'P':>6s} {'R':>6s}")
    print(
        f"{'enduse (clean doc + metadata + dedup)':34s} {n / t_enduse:8.1f} {mb / t_enduse:6.2f} "
        f"{f1_enduse.f1:6.3f} {f1_enduse.precision:6.3f} {f1_enduse.recall:6.3f}"
    )
    print(
        f"{'trafilatura.extract (defaults)':34s} {n / t_traf:8.1f} {mb / t_traf:6.2f} "
        f"{f1_traf.f1:6.3f} {f1_traf.precision:6.3f} {f1_traf.recall:6.3f}"
    )
    print(f"speed ratio enduse / trafilatura: {t_traf / t_enduse:.2f}x")

    traf_times: list[float] = []

    def interleaved() -> Iterator[RawInput]:
        for page, _ in pages:
            t0 = time.perf_counter()
            trafilatura.extract(page.html, url=page.url)
            traf_times.append(time.perf_counter() - t0)
            yield raws[page.key]

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        upgrade(engine)
        t0 = time.perf_counter()
        report = ingest_inputs(Repository(engine), interleaved())
        stored = time.perf_counter() - t0 - sum(traf_times)
        engine.dispose()
    print(
        f"stored path (ingest_inputs into SQLite, {report.ingested} documents): "
        f"{len(pages) / stored:.1f} pages/s, {megabytes / stored:.2f} MB/s; "
        f"ratio to trafilatura.extract alongside: {sum(traf_times) / stored:.2f}x"
    )


if __name__ == "__main__":
    main()
