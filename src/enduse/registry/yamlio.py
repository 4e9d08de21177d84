"""Read and write the project's own registry format (docs/registry-format.md) as YAML.

Reading is strict: a bad row raises InvalidCatalog naming the file and the entry, because a
hand-edited registry is fixed by whoever edited it. Writing keeps the field order of the
format and the shortest date forms, so an export reads back to the same objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import yaml

from enduse.errors import InvalidCatalog
from enduse.model import Condition, Transfer
from enduse.registry.rows import (
    RowError,
    condition_from_mapping,
    condition_to_mapping,
    transfer_from_mapping,
    transfer_to_mapping,
)

DEMO_REGISTRY = Path(__file__).parent / "data" / "demo_registry.yaml"


def load_registry_yaml(path: Path) -> tuple[list[Transfer], list[Condition]]:
    """Transfers and conditions from a registry YAML file; raises InvalidCatalog on a bad row."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise InvalidCatalog(str(path), "-", f"cannot read: {e}") from e
    if not isinstance(data, dict):
        raise InvalidCatalog(str(path), "-", "expected a mapping with `transfers` and `conditions`")
    transfers = [_parse(path, "transfers", n, raw, transfer_from_mapping) for n, raw in _rows(data, "transfers")]
    conditions = [_parse(path, "conditions", n, raw, condition_from_mapping) for n, raw in _rows(data, "conditions")]
    for key, items in (("transfers", [t.id for t in transfers]), ("conditions", [c.id for c in conditions])):
        seen: set[str] = set()
        for item in items:
            if item in seen:
                raise InvalidCatalog(str(path), item, f"duplicate id in {key}")
            seen.add(item)
    return transfers, conditions


T = TypeVar("T")


def _rows(data: dict[str, Any], key: str) -> list[tuple[int, Any]]:
    rows = data.get(key) or []
    if not isinstance(rows, list):
        return [(1, rows)]
    return list(enumerate(rows, 1))


def _parse(path: Path, key: str, n: int, raw: Any, parse: Callable[[dict[str, Any]], T]) -> T:
    entry = f"{key} #{n}"
    if not isinstance(raw, dict):
        raise InvalidCatalog(str(path), entry, "expected a mapping")
    try:
        return parse(raw)
    except RowError as e:
        raise InvalidCatalog(str(path), str(raw.get("id") or entry), str(e)) from e


def registry_yaml(transfers: Iterable[Transfer], conditions: Iterable[Condition], header: str = "") -> str:
    """The registry as YAML text in the project's format."""
    data: dict[str, Any] = {
        "transfers": [transfer_to_mapping(t) for t in transfers],
        "conditions": [condition_to_mapping(c) for c in conditions],
    }
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    return ("\n".join(lines) + "\n\n" if lines else "") + body


def write_registry_yaml(
    path: Path, transfers: Iterable[Transfer], conditions: Iterable[Condition], header: str = ""
) -> None:
    """Write the registry to `path` as YAML (UTF-8)."""
    Path(path).write_text(registry_yaml(transfers, conditions, header), encoding="utf-8")
