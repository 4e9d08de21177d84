"""One entry point for registry files in any supported format, and the registry an operation
uses by default. The CLI and the API call these instead of choosing readers themselves.

Formats: `yaml` and `csv` (the project's own, docs/registry-format.md), `sipri` (SIPRI's
classic trade-register export) and `sipri-deliveries` (its newer per-delivery export). When
no format is given it is taken from the file: the extension for YAML, the header for CSV.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from enduse.errors import InputError
from enduse.knowledge.catalog import Knowledge
from enduse.model import Condition, Transfer
from enduse.registry.csvio import read_registry_csv
from enduse.registry.results import ImportResult
from enduse.registry.sipri import CLASSIC, DELIVERIES, decode_export, read_sipri, sniff_sipri
from enduse.registry.yamlio import DEMO_REGISTRY, load_registry_yaml

FORMATS = ("yaml", "csv", CLASSIC, DELIVERIES)


def detect_format(path: Path) -> str:
    """The format of a registry file, from its extension and first lines."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return "yaml"
    try:
        with open(path, "rb") as f:
            head = decode_export(f.read(8192))
    except OSError as e:
        raise InputError(str(path), "cannot read", str(e)) from e
    sipri = sniff_sipri(head)
    if sipri is not None:
        return sipri
    if head.lstrip("\ufeff").startswith("record,"):
        return "csv"
    raise InputError(str(path), "unknown registry format", f"name one of {', '.join(FORMATS)}")


def read_registry_file(path: Path, fmt: str | None, knowledge: Knowledge) -> ImportResult:
    """Read a registry file; YAML is strict (raises InvalidCatalog), the others report bad rows."""
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt not in FORMATS:
        raise InputError(str(path), f"unknown registry format {fmt!r}", f"use one of {', '.join(FORMATS)}")
    if fmt == "yaml":
        transfers, conditions = load_registry_yaml(path)
        n = len(transfers) + len(conditions)
        return ImportResult(str(path), fmt, transfers, conditions, data_rows=n, physical_lines=n)
    if fmt == "csv":
        return read_registry_csv(path)
    return read_sipri(path, knowledge, fmt)


def load_registry(
    paths: Iterable[Path], knowledge: Knowledge, demo_if_empty: bool = True
) -> tuple[list[Transfer], list[Condition]]:
    """Transfers and conditions of several files together (the demo registry when none is given)."""
    transfers: list[Transfer] = []
    conditions: list[Condition] = []
    paths = list(paths)
    if not paths and demo_if_empty:
        paths = [DEMO_REGISTRY]
    for path in paths:
        result = read_registry_file(path, None, knowledge)
        transfers += result.transfers
        conditions += result.conditions
    return transfers, conditions
