"""Import SIPRI Arms Transfers Database trade registers (both CSV export formats).

The files are what SIPRI's web export produces, with its quirks (see
../shared/data/sipri-trade-registers/SOURCE.md):

- a preamble of notes before the header, found by the header's first column rather than by
  counting lines, since the two formats differ;
- Windows-1252 / Latin-1 text in the classic export, ASCII with CRLF and a ";" after every
  line in the newer one;
- unquoted line breaks inside the classic `Comments` field: a physical line with too few
  fields is joined with the next until the record is whole;
- "?" uncertainty columns after the order year, the number ordered and the number delivered
  (classic) and "is estimate" flags (newer), kept as `Transfer.uncertain`;
- "; "-joined delivery years (classic), one row per deal and delivery year with a stable
  deal id (newer).

Every data record becomes a transfer or a rejection with its first line number and the
reason, so the counts reconcile with the file. Party names become codes through
`codes.party_code`; designations resolve to catalog weapons through `DesignationResolver`,
and the rest are counted in `ImportResult.unresolved`. The data stay SIPRI's: each
transfer cites the SIPRI credit line, the export and the line it came from.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

from enduse.errors import InputError
from enduse.knowledge.catalog import Knowledge
from enduse.model import Transfer
from enduse.registry.codes import is_state_party, party_code
from enduse.registry.dates import year_span
from enduse.registry.designations import DesignationResolver, description_rule
from enduse.registry.results import ImportResult, RowRejection

CLASSIC = "sipri"
DELIVERIES = "sipri-deliveries"
CLASSIC_HEADER = "Recipient,Supplier,Year of order"
DELIVERIES_HEADER = "SIPRI AT Database ID,Supplier,Recipient"
CREDIT = "Information from the SIPRI Arms Transfers Database"
_GENERATED = re.compile(r"Data generated:\s*(.+?);?\s*$")
_PREAMBLE_LINES = 40  # the header is found within this many lines, or the file is not an export


class _RowProblem(ValueError):
    """Why one record is refused."""


def decode_export(data: bytes) -> str:
    """SIPRI's classic export is Windows-1252/Latin-1, the newer one ASCII; UTF-8 is accepted too."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # every byte is a Latin-1 character: this cannot fail


def _records(lines: list[str], start: int, width: int, strip_semicolon: bool) -> Iterator[tuple[int, int, list[str]]]:
    """(first line number, physical lines used, fields) for each record after the header.

    A record that has fewer fields than the header continues on the next line: SIPRI
    writes line breaks inside the Comments field without quoting them.
    """
    i = start
    while i < len(lines):
        first = i
        text = _clean(lines[i], strip_semicolon)
        i += 1
        if not text.strip():
            continue
        fields = _split(text)
        while len(fields) < width and i < len(lines) and lines[i].strip():
            joined = text + " " + _clean(lines[i], strip_semicolon)
            more = _split(joined)
            if len(more) > width:
                break  # the next line is a record of its own; this one stays short
            text, fields = joined, more
            i += 1
        yield first + 1, i - first, fields


def _clean(line: str, strip_semicolon: bool) -> str:
    line = line.rstrip("\r")
    return line[:-1] if strip_semicolon and line.endswith(";") else line


def _split(text: str) -> list[str]:
    return next(csv.reader([text]), [])


def _year(value: str, field: str, required: bool = False) -> int | None:
    value = value.strip()
    if not value:
        if required:
            raise _RowProblem(f"no {field}")
        return None
    if not (value.isdigit() and len(value) == 4):
        raise _RowProblem(f"{field} {value!r} is not a year")
    return int(value)


def _count(value: str, field: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit():
        raise _RowProblem(f"{field} {value!r} is not a whole number")
    return int(value)


def _flag(value: str, field: str, yes: tuple[str, ...], no: tuple[str, ...]) -> bool:
    value = value.strip()
    if value in yes:
        return True
    if value in no:
        return False
    raise _RowProblem(f"{field} flag {value!r} is not one of {[*yes, *no]}")


def _party(name: str, role: str, notes: list[str]) -> str:
    code = party_code(name)
    if code is None:
        raise _RowProblem(f"unknown {role} name {name.strip()!r}")
    if not is_state_party(code):
        notes.append(f"SIPRI {role}: {name.strip()}")
    return code


class _Importer:
    """State shared by the rows of one file: the resolver, ids in use, the result so far."""

    def __init__(self, path: Path, fmt: str, knowledge: Knowledge) -> None:
        self.path = path
        self.result = ImportResult(source=str(path), format=fmt)
        self.resolver = DesignationResolver(knowledge)
        self.ids: set[str] = set()

    def unique_id(self, base: str) -> str:
        tid, n = base, 1
        while tid in self.ids:
            n += 1
            tid = f"{base}-{n}"
        self.ids.add(tid)
        return tid

    def citation(self, line: int) -> str:
        when = f" (generated {self.result.generated})" if self.result.generated else ""
        return f"{CREDIT}, export {self.path.name}{when}, line {line}"

    def weapon(self, designation: str, description: str, armament: str | None) -> tuple[str, str]:
        """(system, category): the catalog's when the designation resolves, else SIPRI's own."""
        if not designation.strip():
            raise _RowProblem("no weapon designation")
        hit = self.resolver.resolve(designation, description, armament)
        if hit is not None:
            self.result.resolved += 1
            return hit.name, hit.category
        self.result.unresolved[designation.strip()] += 1
        return designation.strip(), description_rule(description, armament).category

    def classic(self, line: int, f: list[str]) -> Transfer:
        notes: list[str] = []
        recipient = _party(f[0], "recipient", notes)
        supplier = _party(f[1], "supplier", notes)
        order_year = _year(f[2], "year of order")
        ordered_n = _count(f[4], "number ordered")
        delivered_n = _count(f[8], "number delivered")
        years = [y for y in (_year(p, "delivery year") for p in f[10].split(";")) if y is not None]
        uncertain = [
            name
            for name, col in (("ordered", 3), ("quantity", 5), ("quantity_delivered", 9))
            if _flag(f[col], f"{name} uncertainty", ("?",), ("",))
        ]
        system, category = self.weapon(f[6], f[7], None)
        designation, description, status, comments = f[6].strip(), f[7].strip(), f[11].strip(), f[12].strip()
        notes[:0] = [f"SIPRI designation: {designation} ({description})", status]
        if comments:
            notes.append(comments)
        key = "|".join((f[0], f[1], f[2], designation, f[4], f[10], comments))
        return Transfer(
            id=self.unique_id("sipri-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]),
            supplier=supplier,
            recipient=recipient,
            category=category,
            system=system,
            quantity=ordered_n,
            quantity_delivered=delivered_n,
            status="delivered" if years else "ordered",
            ordered=year_span(order_year) if order_year else None,
            delivered=year_span(min(years), max(years)) if years else None,
            uncertain=uncertain,
            notes="; ".join(n for n in notes if n),
            citations=[self.citation(line)],
        )

    def delivery(self, line: int, f: list[str]) -> Transfer:
        notes: list[str] = []
        deal = f[0].strip()
        if not deal.isdigit():
            raise _RowProblem(f"deal id {deal!r} is not a number")
        supplier = _party(f[1], "supplier", notes)
        recipient = _party(f[2], "recipient", notes)
        order_year = _year(f[6], "order date")
        delivered_n = _count(f[8], "numbers delivered")
        year = _year(f[10], "delivery year", required=True)
        yes, no = ("Yes",), ("No", "")
        uncertain = [
            name
            for name, col in (("ordered", 7), ("quantity_delivered", 9), ("delivered", 11))
            if _flag(f[col], f"{name} estimate", yes, no)
        ]
        local = _flag(f[16], "local production", yes, no)
        system, category = self.weapon(f[3], f[4], f[5].strip())
        designation, description, status = f[3].strip(), f[4].strip(), f[12].strip()
        notes[:0] = [f"SIPRI designation: {designation} ({description}; {f[5].strip()})", status]
        if local:
            notes.append("local production")
        return Transfer(
            id=self.unique_id(f"sipri-{deal}-{year}"),
            supplier=supplier,
            recipient=recipient,
            category=category,
            system=system,
            quantity=None,
            quantity_delivered=delivered_n,
            status="delivered",
            ordered=year_span(order_year) if order_year else None,
            delivered=year_span(year) if year else None,
            package=f"SIPRI deal {deal}",
            uncertain=uncertain,
            notes="; ".join(n for n in notes if n),
            citations=[self.citation(line)],
        )


def read_sipri(path: Path, knowledge: Knowledge, fmt: str = CLASSIC) -> ImportResult:
    """Import a SIPRI trade-register export (`fmt`: "sipri" classic or "sipri-deliveries").

    Raises InputError when the file cannot be read or is not an export of that format.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(str(path), "cannot read", str(e)) from e
    return parse_sipri(decode_export(data), path, knowledge, fmt)


def parse_sipri(text: str, path: Path, knowledge: Knowledge, fmt: str = CLASSIC) -> ImportResult:
    """Import SIPRI export text (see `read_sipri`); `path` names the source in citations."""
    if fmt not in (CLASSIC, DELIVERIES):
        raise InputError(str(path), f"unknown SIPRI format {fmt!r}", f"use {CLASSIC} or {DELIVERIES}")
    expected = CLASSIC_HEADER if fmt == CLASSIC else DELIVERIES_HEADER
    lines = text.split("\n")
    header_at = next((i for i, ln in enumerate(lines[:_PREAMBLE_LINES]) if ln.startswith(expected)), None)
    if header_at is None:
        other = DELIVERIES_HEADER if fmt == CLASSIC else CLASSIC_HEADER
        hint = "" if not any(ln.startswith(other) for ln in lines[:_PREAMBLE_LINES]) else " (it is the other format)"
        raise InputError(str(path), f"not a SIPRI {fmt} export{hint}", f"no header line starting {expected!r}")
    imp = _Importer(Path(path), fmt, knowledge)
    for ln in lines[:header_at]:
        m = _GENERATED.search(ln.rstrip("\r"))
        if m:
            imp.result.generated = m.group(1).strip()
    strip_semicolon = fmt == DELIVERIES
    width = len(_split(_clean(lines[header_at], strip_semicolon)))
    parse_row = imp.classic if fmt == CLASSIC else imp.delivery
    result = imp.result
    for line, used, fields in _records(lines, header_at + 1, width, strip_semicolon):
        result.data_rows += 1
        result.physical_lines += used
        if len(fields) != width:
            result.rejected.append(
                RowRejection(line, f"{len(fields)} fields, expected {width}", ",".join(fields)[:200])
            )
            continue
        try:
            result.transfers.append(parse_row(line, fields))
        except _RowProblem as e:
            result.rejected.append(RowRejection(line, str(e), ",".join(fields)[:200]))
    return result


def sniff_sipri(text: str) -> str | None:
    """Which SIPRI format a text is ("sipri", "sipri-deliveries"), or None."""
    for ln in text.split("\n", _PREAMBLE_LINES)[:_PREAMBLE_LINES]:
        if ln.startswith(CLASSIC_HEADER):
            return CLASSIC
        if ln.startswith(DELIVERIES_HEADER):
            return DELIVERIES
    return None
