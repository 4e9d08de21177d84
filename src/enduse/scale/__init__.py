"""Scale-out: the same `extract()` mapped over many documents in worker processes.

Workers are started with the `spawn` method and load the catalogs in their own process
(PERF.md: forking after the models were loaded left workers hung). Results come back in
input order, so the output is identical whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from enduse.extract import extract
from enduse.knowledge import Knowledge, cached_knowledge
from enduse.model import Document

_WORKER_KNOWLEDGE: Knowledge | None = None


def _init_worker(knowledge_dir: str | None) -> None:
    global _WORKER_KNOWLEDGE
    _WORKER_KNOWLEDGE = cached_knowledge(Path(knowledge_dir) if knowledge_dir else None)
    _WORKER_KNOWLEDGE.matcher()


def _extract_chunk(docs: list[Document]) -> list[list[dict[str, Any]]]:
    assert _WORKER_KNOWLEDGE is not None
    return [[c.to_interchange() for c in extract(d, _WORKER_KNOWLEDGE)] for d in docs]


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for d in docs:
        chunk.append(d)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_many(
    docs: Iterable[Document], workers: int = 1, knowledge_dir: Path | None = None, chunk_size: int = 16
) -> Iterator[list[dict[str, Any]]]:
    """Claims (interchange dicts) of each document, in input order, using `workers` processes."""
    if workers <= 1:
        k = cached_knowledge(knowledge_dir)
        for d in docs:
            yield [c.to_interchange() for c in extract(d, k)]
        return
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(str(knowledge_dir) if knowledge_dir else None,),
    ) as pool:
        for result in pool.map(_extract_chunk, _chunks(docs, chunk_size)):
            yield from result
