"""One registry row (a mapping of the fields in docs/registry-format.md) to a domain object
and back. YAML and CSV files share these functions, so both formats validate the same way
and say which row is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from enduse.model import CATEGORIES, Condition, DateSpan, Transfer
from enduse.registry.codes import is_party_code, is_territory_code
from enduse.registry.dates import format_span, format_span_text, parse_span

STATUSES = ("pledged", "ordered", "delivered")
CONDITION_STATUSES = ("official", "reported", "inferred")
KINDS = ("restriction", "authorization")
UNCERTAIN_FIELDS = ("ordered", "quantity", "quantity_delivered", "delivered")

TRANSFER_FIELDS = (
    "id",
    "supplier",
    "recipient",
    "system",
    "category",
    "quantity",
    "quantity_delivered",
    "quantity_note",
    "status",
    "ordered",
    "delivered",
    "uncertain",
    "package",
    "end_user_certificate",
    "serials",
    "notes",
    "citations",
)
CONDITION_FIELDS = (
    "id",
    "kind",
    "supplier",
    "recipient",
    "system",
    "category",
    "permitted_territory",
    "permitted_end_users",
    "permitted_purposes",
    "excluded_systems",
    "retransfer_requires_consent",
    "valid_from",
    "valid_to",
    "status",
    "summary",
    "citation",
)
#: The fields a finding shows of each candidate transfer and condition in force (findings.jsonl).
TRANSFER_SUMMARY_FIELDS = ("id", "supplier", "recipient", "system", "category", "status", "delivered", "uncertain")
CONDITION_SUMMARY_FIELDS = (
    "id",
    "kind",
    "supplier",
    "system",
    "category",
    "valid_from",
    "valid_to",
    "status",
    "citation",
)


class RowError(ValueError):
    """A row that cannot become a transfer or condition; the message says which field."""


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _code(value: Any, field: str, required: bool = True) -> str | None:
    code = _text(value)
    if code is None:
        if required:
            raise RowError(f"missing {field}")
        return None
    if not is_party_code(code):
        raise RowError(f"{field} {code!r} is not an ISO 3166-1 alpha-2 code (or a documented extra code)")
    return code


def _int(value: Any, field: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise RowError(f"{field} {value!r} is not a whole number")
    try:
        return int(value)
    except (TypeError, ValueError) as e:
        raise RowError(f"{field} {value!r} is not a whole number") from e


def _list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [p.strip() for p in value.split(";") if p.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def _bool(value: Any, field: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value or "").strip().lower()
    if text in ("", "false", "no", "0"):
        return False
    if text in ("true", "yes", "1"):
        return True
    raise RowError(f"{field} {value!r} is not true or false")


def _span(value: Any, field: str) -> Any:
    try:
        return parse_span(value)
    except (ValueError, TypeError) as e:
        raise RowError(f"bad {field} date {value!r}") from e


def _id(raw: Mapping[str, Any]) -> str:
    rid = _text(raw.get("id"))
    if rid is None:
        raise RowError("missing id")
    return rid


def _one_of(raw: Mapping[str, Any], field: str, allowed: tuple[str, ...], required: bool = True) -> str | None:
    """The field's text, which must be one of `allowed` (or absent, when not `required`)."""
    value = _text(raw.get(field))
    if value in allowed or (value is None and not required):
        return value
    known = "the CLAIMS.md categories" if allowed is CATEGORIES else str(list(allowed))
    raise RowError(f"{field} {value!r} is not one of {known}")


def transfer_from_mapping(raw: Mapping[str, Any]) -> Transfer:
    """A Transfer from a row; raises RowError naming the bad field."""
    tid = _id(raw)
    category = _one_of(raw, "category", CATEGORIES) or ""
    status = _one_of(raw, "status", STATUSES) or ""
    uncertain = _list(raw.get("uncertain"))
    for name in uncertain:
        if name not in UNCERTAIN_FIELDS:
            raise RowError(f"uncertain field {name!r} is not one of {list(UNCERTAIN_FIELDS)}")
    return Transfer(
        id=tid,
        supplier=_code(raw.get("supplier"), "supplier") or "",
        recipient=_code(raw.get("recipient"), "recipient") or "",
        category=category,
        system=_text(raw.get("system")),
        quantity=_int(raw.get("quantity"), "quantity"),
        quantity_note=_text(raw.get("quantity_note")),
        status=status,
        ordered=_span(raw.get("ordered"), "ordered"),
        delivered=_span(raw.get("delivered"), "delivered"),
        package=_text(raw.get("package")),
        end_user_certificate=_text(raw.get("end_user_certificate")),
        serials=_text(raw.get("serials")),
        citations=_citations(raw.get("citations")),
        quantity_delivered=_int(raw.get("quantity_delivered"), "quantity_delivered"),
        uncertain=uncertain,
        notes=_text(raw.get("notes")),
    )


def _citations(value: Any) -> list[str]:
    # In CSV, citations are joined by " | " because a citation text may itself hold "; ".
    if value is None or isinstance(value, str):
        return [c.strip() for c in str(value or "").split(" | ") if c.strip()]
    return [str(c).strip() for c in value if str(c).strip()]


def condition_from_mapping(raw: Mapping[str, Any]) -> Condition:
    """A Condition from a row; raises RowError naming the bad field."""
    cid = _id(raw)
    kind = _one_of(raw, "kind", KINDS) or ""
    status = _one_of(raw, "status", CONDITION_STATUSES) or ""
    category = _one_of(raw, "category", CATEGORIES, required=False)
    territory = _list(raw.get("permitted_territory"))
    for code in territory:
        if not is_territory_code(code):
            raise RowError(f"territory {code!r} is not an ISO 3166-1 or 3166-2 code")
    valid_from = _span(raw.get("valid_from"), "valid_from")
    valid_to = _span(raw.get("valid_to"), "valid_to")
    return Condition(
        id=cid,
        kind=kind,
        supplier=_code(raw.get("supplier"), "supplier") or "",
        recipient=_code(raw.get("recipient"), "recipient", required=False),
        system=_text(raw.get("system")),
        category=category,
        permitted_territory=territory,
        permitted_end_users=_list(raw.get("permitted_end_users")),
        permitted_purposes=_list(raw.get("permitted_purposes")),
        excluded_systems=_list(raw.get("excluded_systems")),
        retransfer_requires_consent=_bool(raw.get("retransfer_requires_consent"), "retransfer_requires_consent"),
        valid_from=valid_from.start if valid_from else None,
        valid_to=valid_to.end if valid_to else None,
        status=status,
        summary=_text(raw.get("summary")) or "",
        citation=_text(raw.get("citation")) or "",
    )


def transfer_to_mapping(t: Transfer, dates: Callable[[DateSpan | None], Any] = format_span) -> dict[str, Any]:
    """A transfer in the field order of the registry format; `dates` shapes the order and
    delivery spans (the default: YAML shapes; `format_span_text`: one CSV cell)."""
    return {
        "id": t.id,
        "supplier": t.supplier,
        "recipient": t.recipient,
        "system": t.system,
        "category": t.category,
        "quantity": t.quantity,
        "quantity_delivered": t.quantity_delivered,
        "quantity_note": t.quantity_note,
        "status": t.status,
        "ordered": dates(t.ordered),
        "delivered": dates(t.delivered),
        "uncertain": list(t.uncertain),
        "package": t.package,
        "end_user_certificate": t.end_user_certificate,
        "serials": t.serials,
        "notes": t.notes,
        "citations": list(t.citations),
    }


def condition_to_mapping(c: Condition) -> dict[str, Any]:
    """A condition in the field order of the registry format."""
    return {
        "id": c.id,
        "kind": c.kind,
        "supplier": c.supplier,
        "recipient": c.recipient,
        "system": c.system,
        "category": c.category,
        "permitted_territory": list(c.permitted_territory),
        "permitted_end_users": list(c.permitted_end_users),
        "permitted_purposes": list(c.permitted_purposes),
        "excluded_systems": list(c.excluded_systems),
        "retransfer_requires_consent": c.retransfer_requires_consent,
        "valid_from": c.valid_from.isoformat() if c.valid_from else None,
        "valid_to": c.valid_to.isoformat() if c.valid_to else None,
        "status": c.status,
        "summary": c.summary,
        "citation": c.citation,
    }


def transfer_summary(t: Transfer) -> dict[str, Any]:
    """What a finding shows of a transfer, its delivery as one text cell ("2022-03/2023")."""
    row = transfer_to_mapping(t, _span_text)
    return {k: row[k] for k in TRANSFER_SUMMARY_FIELDS}


def condition_summary(c: Condition) -> dict[str, Any]:
    """What a finding shows of a condition."""
    row = condition_to_mapping(c)
    return {k: row[k] for k in CONDITION_SUMMARY_FIELDS}


def _span_text(span: DateSpan | None) -> str | None:
    return format_span_text(span) or None
