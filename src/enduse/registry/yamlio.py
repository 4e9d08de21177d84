"""Read the project's own registry format (docs/registry-format.md) into domain objects."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path
from typing import Any

import pycountry
import yaml

from enduse.errors import InvalidCatalog
from enduse.model import CATEGORIES, Condition, DateSpan, Transfer

DEMO_REGISTRY = Path(__file__).parent / "data" / "demo_registry.yaml"
STATUSES = {"pledged", "ordered", "delivered"}
CONDITION_STATUSES = {"official", "reported", "inferred"}
KINDS = {"restriction", "authorization"}


def _span(value: Any, path: Path, entry: str) -> DateSpan | None:
    """A date, a partial date or a {start, end} mapping as an inclusive span."""
    if value in (None, ""):
        return None
    if isinstance(value, dict):
        start = _span(value.get("start"), path, entry)
        end = _span(value.get("end"), path, entry)
        return DateSpan(start.start if start else None, end.end if end else None)
    if isinstance(value, dt.date):
        return DateSpan(value, value)
    text = str(value)
    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 1:
            return DateSpan(dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31))
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return DateSpan(dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last))
        d = dt.date(parts[0], parts[1], parts[2])
        return DateSpan(d, d)
    except (ValueError, IndexError) as e:
        raise InvalidCatalog(str(path), entry, f"bad date {text!r}") from e


def _code(value: Any, path: Path, entry: str, field: str, required: bool = True) -> str | None:
    if value in (None, ""):
        if required:
            raise InvalidCatalog(str(path), entry, f"missing {field}")
        return None
    if pycountry.countries.get(alpha_2=str(value)) is None:
        raise InvalidCatalog(str(path), entry, f"{field} {value!r} is not an ISO 3166-1 alpha-2 code")
    return str(value)


def _territory(codes: Any, path: Path, entry: str) -> list[str]:
    out = []
    for c in codes or []:
        c = str(c)
        ok = pycountry.subdivisions.get(code=c) if "-" in c else pycountry.countries.get(alpha_2=c)
        if ok is None:
            raise InvalidCatalog(str(path), entry, f"territory {c!r} is not an ISO 3166 code")
        out.append(c)
    return out


def load_registry_yaml(path: Path) -> tuple[list[Transfer], list[Condition]]:
    """Transfers and conditions from a registry YAML file; raises InvalidCatalog on a bad row."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise InvalidCatalog(str(path), "-", f"cannot read: {e}") from e
    transfers: list[Transfer] = []
    for n, raw in enumerate(data.get("transfers") or [], 1):
        tid = str(raw.get("id") or f"#{n}")
        if raw.get("category") not in CATEGORIES:
            raise InvalidCatalog(str(path), tid, f"category {raw.get('category')!r} is not valid")
        if raw.get("status") not in STATUSES:
            raise InvalidCatalog(str(path), tid, f"status {raw.get('status')!r} is not one of {sorted(STATUSES)}")
        transfers.append(
            Transfer(
                id=tid,
                supplier=_code(raw.get("supplier"), path, tid, "supplier") or "",
                recipient=_code(raw.get("recipient"), path, tid, "recipient") or "",
                category=str(raw["category"]),
                system=raw.get("system"),
                quantity=raw.get("quantity"),
                quantity_note=raw.get("quantity_note"),
                status=str(raw["status"]),
                ordered=_span(raw.get("ordered"), path, tid),
                delivered=_span(raw.get("delivered"), path, tid),
                package=raw.get("package"),
                end_user_certificate=raw.get("end_user_certificate"),
                serials=raw.get("serials"),
                citations=[str(c) for c in raw.get("citations") or []],
            )
        )
    conditions: list[Condition] = []
    for n, raw in enumerate(data.get("conditions") or [], 1):
        cid = str(raw.get("id") or f"#{n}")
        if raw.get("kind") not in KINDS:
            raise InvalidCatalog(str(path), cid, f"kind {raw.get('kind')!r} is not one of {sorted(KINDS)}")
        if raw.get("status") not in CONDITION_STATUSES:
            raise InvalidCatalog(str(path), cid, f"status {raw.get('status')!r} is not valid")
        valid_from = _span(raw.get("valid_from"), path, cid)
        valid_to = _span(raw.get("valid_to"), path, cid)
        conditions.append(
            Condition(
                id=cid,
                kind=str(raw["kind"]),
                supplier=_code(raw.get("supplier"), path, cid, "supplier") or "",
                recipient=_code(raw.get("recipient"), path, cid, "recipient", required=False),
                system=raw.get("system"),
                category=raw.get("category"),
                permitted_territory=_territory(raw.get("permitted_territory"), path, cid),
                permitted_end_users=[str(x) for x in raw.get("permitted_end_users") or []],
                permitted_purposes=[str(x) for x in raw.get("permitted_purposes") or []],
                excluded_systems=[str(x) for x in raw.get("excluded_systems") or []],
                retransfer_requires_consent=bool(raw.get("retransfer_requires_consent")),
                valid_from=valid_from.start if valid_from else None,
                valid_to=valid_to.end if valid_to else None,
                status=str(raw["status"]),
                summary=str(raw.get("summary") or ""),
                citation=str(raw.get("citation") or ""),
            )
        )
    return transfers, conditions
