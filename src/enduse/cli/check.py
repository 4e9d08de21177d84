"""`enduse check --claims claims.jsonl --out findings.jsonl`: claims against the registry.

Reads claims in the interchange format (CLAIMS.md, one JSON object per line, as `enduse
extract` writes them) and writes one finding per claim: {"doc_id", "claim", "verdict",
"reasons", "transfers", "conditions", "missing"}. The registry is the bundled demo registry
unless `--registry` files or `--database` say otherwise. A line that is not a JSON object is
reported with its number and skipped; the rest of the file goes on.
"""

from __future__ import annotations

import gc
import sys
from collections import Counter
from collections.abc import Iterator
from typing import IO, Annotated, Any

import orjson
import typer

from enduse.cli.common import errors_as_messages, fail, load_settings, progress_bar
from enduse.cli.registry import DatabaseOption, RegistryOption, registry_source, say
from enduse.knowledge import cached_knowledge
from enduse.registry import PolicyEngine
from enduse.registry.policy import BATCH


def _open_in(path: str) -> IO[bytes]:
    return sys.stdin.buffer if path == "-" else open(path, "rb")


def _batches(src: IO[bytes], skipped: list[int]) -> Iterator[list[dict[str, Any]]]:
    """The claims of a JSONL stream in batches (`PolicyEngine.check_many` checks a batch with
    the garbage collector paused); a line that is no JSON object is said and its number kept."""
    batch: list[dict[str, Any]] = []
    for n, line in enumerate(src, 1):
        if not line.strip():
            continue
        try:
            claim: Any = orjson.loads(line)
        except orjson.JSONDecodeError as e:
            say(f"skipped line {n}: not JSON ({e})", "yellow")
            skipped.append(n)
            continue
        if not isinstance(claim, dict):
            say(f"skipped line {n}: not a JSON object", "yellow")
            skipped.append(n)
            continue
        batch.append(claim)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def check(
    claims: Annotated[str, typer.Option("--claims", "-c", help="Claims as JSONL ('-': standard input).")] = "-",
    output: Annotated[
        str, typer.Option("--out", "-o", help="Where to write the findings ('-': standard output).")
    ] = "-",
    registry: RegistryOption = None,
    database: DatabaseOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Check claims against the transfers and the conditions in force on their dates."""
    settings = load_settings(database_url=database)
    verdicts: Counter[str] = Counter()
    skipped: list[int] = []  # numbers of the lines that are no claim
    with errors_as_messages():
        transfers, conditions, source = registry_source(registry, database)
        engine = PolicyEngine(transfers, conditions, cached_knowledge(settings.knowledge_dir))
        # The registry and catalogs live until the process ends: keep the cyclic garbage
        # collector from scanning their objects again with every batch of findings.
        gc.freeze()
        try:
            src = _open_in(claims)
        except OSError as e:
            fail(f"{claims}: cannot read ({e.strerror or e})")
        sink = sys.stdout.buffer if output == "-" else open(output, "wb")  # noqa: SIM115
        try:
            with progress_bar("checking", None, not quiet and output != "-") as advance:
                for batch in _batches(src, skipped):
                    for claim, finding in zip(batch, engine.check_many(batch), strict=True):
                        verdicts[str(finding.verdict)] += 1
                        sink.write(orjson.dumps(engine.to_json(finding, claim.get("doc_id"), claim)) + b"\n")
                        advance(str(claim.get("doc_id") or ""))
                    # What the batch added to the engine's memos lives to the end too, and no
                    # part of it is a cycle: out of the collector's sight with the registry.
                    gc.freeze()
        finally:
            if src is not sys.stdin.buffer:
                src.close()
            if sink is not sys.stdout.buffer:
                sink.close()
    bad = len(skipped)
    total = sum(verdicts.values())
    summary = ", ".join(f"{v}: {n}" for v, n in sorted(verdicts.items()))
    say(
        f"{total} claims checked against {source}"
        + (f" ({summary})" if summary else "")
        + (f"; {bad} lines skipped" if bad else "")
    )
    if bad and not total:
        raise typer.Exit(2)
