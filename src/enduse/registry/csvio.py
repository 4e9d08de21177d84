"""The project's own registry as one CSV file: transfers and conditions in one table.

A spreadsheet user gets one file; the first column, `record`, says whether a row is a
transfer or a condition, and the other columns are the union of both field lists
(docs/registry-format.md). Lists are joined with "; " (citations with " | ", since a
citation may contain "; "), spans are written "start/end" with ".." for an open end.
Reading reports each bad row with its line number instead of stopping.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from enduse.errors import InputError
from enduse.model import Condition, Transfer
from enduse.registry.dates import format_span_text
from enduse.registry.results import ImportResult, RowRejection
from enduse.registry.rows import (
    CONDITION_FIELDS,
    TRANSFER_FIELDS,
    RowError,
    condition_from_mapping,
    condition_to_mapping,
    transfer_from_mapping,
    transfer_to_mapping,
)

COLUMNS: tuple[str, ...] = ("record", *dict.fromkeys((*TRANSFER_FIELDS, *CONDITION_FIELDS)))


def _cell(field: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return f"{value.get('start') or '..'}/{value.get('end') or '..'}"
    if isinstance(value, list):
        return (" | " if field == "citations" else "; ").join(str(v) for v in value)
    return str(value)


def registry_csv(transfers: Iterable[Transfer], conditions: Iterable[Condition]) -> str:
    """The registry as CSV text."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for t in transfers:
        row = transfer_to_mapping(t, format_span_text)
        writer.writerow({"record": "transfer", **{k: _cell(k, v) for k, v in row.items()}})
    for c in conditions:
        writer.writerow({"record": "condition", **{k: _cell(k, v) for k, v in condition_to_mapping(c).items()}})
    return buf.getvalue()


def write_registry_csv(path: Path, transfers: Iterable[Transfer], conditions: Iterable[Condition]) -> None:
    """Write the registry to `path` as CSV (UTF-8)."""
    Path(path).write_text(registry_csv(transfers, conditions), encoding="utf-8")


def read_registry_csv(path: Path) -> ImportResult:
    """Transfers and conditions from a registry CSV; bad rows are rejected with their line."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), "cannot read the registry CSV", str(e)) from e
    return parse_registry_csv(text, str(path))


def parse_registry_csv(text: str, source: str = "<csv>") -> ImportResult:
    """Parse registry CSV text (see `read_registry_csv`)."""
    result = ImportResult(source=source, format="csv")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or not header or header[0] != "record":
        raise InputError(source, "not an enduse registry CSV", "the first column must be `record`")
    seen: set[tuple[str, str]] = set()
    first_line = reader.line_num + 1
    for cells in reader:
        line, first_line = first_line, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        result.data_rows += 1
        result.physical_lines += first_line - line
        if len(cells) != len(header):
            result.rejected.append(RowRejection(line, f"{len(cells)} fields, expected {len(header)}", ",".join(cells)))
            continue
        raw = dict(zip(header, cells, strict=True))
        record = raw.pop("record").strip()
        try:
            if record == "transfer":
                t = transfer_from_mapping(raw)
                key = ("transfer", t.id)
            elif record == "condition":
                c = condition_from_mapping(raw)
                key = ("condition", c.id)
            else:
                raise RowError(f"record {record!r} is neither transfer nor condition")
        except RowError as e:
            result.rejected.append(RowRejection(line, str(e), ",".join(cells)[:200]))
            continue
        if key in seen:
            result.rejected.append(RowRejection(line, f"duplicate {key[0]} id {key[1]!r}", ",".join(cells)[:200]))
            continue
        seen.add(key)
        if record == "transfer":
            result.transfers.append(t)
        else:
            result.conditions.append(c)
    return result
