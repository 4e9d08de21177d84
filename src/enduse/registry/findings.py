"""What the policy engine reads and writes: a claim reduced to the facts it checks, and its
finding (`model.Finding`) in the JSON shape of `enduse check`.

A claim arrives as a `model.Claim` or as an interchange dict (CLAIMS.md, one line of
claims.jsonl); both become a `Query`, so the engine has one input type and never guesses a
field the claim does not carry. A finding becomes JSON here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Final, NamedTuple

from enduse.model import Claim, Finding
from enduse.registry.rows import condition_summary, transfer_summary

#: Claim types the engine judges; the others get `not applicable`.
CHECKED_TYPES: Final = frozenset({"USE", "SIGHTING", "RETRANSFER", "CAPTURE"})
MAX_LISTED_TRANSFERS: Final = 50  # a finding lists at most this many candidate transfers (the count is given)


class Query(NamedTuple):
    """The facts of one claim that the engine checks (a tuple: cheap to build by the million)."""

    type: str
    system: str | None = None
    category: str | None = None
    origin: str | None = None
    supplier: str | None = None
    recipient: str | None = None
    actor: tuple[str, ...] = ()  # the actor's catalog name and words, when stated
    country: str | None = None
    region: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    purpose: str | None = None
    negated: bool = False
    hedged: bool = False


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    if value.__class__ is str:
        # Claims repeat the same few thousand days: a look-up is cheaper than parsing.
        hit = _DAYS.get(value, _UNSEEN)
        if hit is _UNSEEN:
            hit = _parse_date(value)
            if len(_DAYS) < TEXT_MEMO:
                _DAYS[value] = hit
        return hit  # type: ignore[return-value]
    if isinstance(value, dt.date):
        return value
    return _parse_date(str(value))


def _parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _code(value: Any) -> str | None:
    if not value:
        return None
    if value.__class__ is str:
        hit = _CODES.get(value)
        if hit is None:
            hit = value.strip().upper()
            if len(_CODES) < TEXT_MEMO:
                _CODES[value] = hit
        return hit or None
    text = str(value).strip().upper()
    return text or None


TEXT_MEMO: Final = 100_000  # distinct texts kept per memo: days and ISO codes, far fewer in practice
_UNSEEN: Final = object()
_DAYS: Final[dict[str, dt.date | None]] = {}
_CODES: Final[dict[str, str]] = {}
_new: Final = tuple.__new__  # builds a Query from its fields in order without NamedTuple's keyword handling
_EMPTY: Final[dict[str, Any]] = {}


def query_from_dict(d: Mapping[str, Any]) -> Query:
    """A query from an interchange claim (CLAIMS.md); unknown or malformed fields count as unstated."""
    # Written out by hand: `enduse check` parses every claim of a million-line file through here.
    get = d.get
    weapon, actor, place, when = get("weapon"), get("actor"), get("place"), get("when")
    if not isinstance(weapon, dict):
        weapon = _EMPTY
    if not isinstance(actor, dict):
        actor = _EMPTY
    if not isinstance(place, dict):
        place = _EMPTY
    if not isinstance(when, dict):
        when = _EMPTY
    name, words = actor.get("name"), actor.get("text")
    if name and words:
        names: tuple[str, ...] = (str(name), str(words))
    elif name or words:
        names = (str(name or words),)
    else:
        names = ()
    purpose = get("purpose")
    fields = (
        str(get("type") or "").upper(),
        weapon.get("name") or None,
        weapon.get("category") or None,
        _code(get("origin")),
        _code(get("supplier")),
        _code(get("recipient")),
        names,
        _code(place.get("country")),
        _code(place.get("region")),
        _date(when.get("start")),
        _date(when.get("end")),
        str(purpose).strip().lower() if purpose else None,
        bool(get("negated")),
        bool(get("hedged")),
    )
    return _new(Query, fields)  # type: ignore[no-any-return]


def query_from_claim(c: Claim) -> Query:
    """A query from a domain claim."""
    actor = tuple(x for x in ((c.actor.name, c.actor.text) if c.actor else ()) if x)
    return Query(
        type=str(c.type),
        system=c.weapon.name if c.weapon else None,
        category=c.weapon.category if c.weapon else None,
        origin=c.origin,
        supplier=c.supplier,
        recipient=c.recipient,
        actor=actor,
        country=c.place.country if c.place else None,
        region=c.place.region if c.place else None,
        start=c.when.start if c.when else None,
        end=c.when.end if c.when else None,
        purpose=c.purpose.strip().lower() if c.purpose else None,
        negated=c.negated,
        hedged=c.hedged,
    )


#: Summaries of registry objects by identity (`finding_json`); the object is kept with its
#: summary, so an id is never reused while its entry stands.
Summaries = dict[int, tuple[Any, dict[str, Any]]]


def finding_json(
    f: Finding, doc_id: str | None, claim: Mapping[str, Any] | None, summaries: Summaries | None = None
) -> dict[str, Any]:
    """A finding as one line of findings.jsonl (`enduse check`, POST /api/check).

    `summaries` keeps each transfer's and condition's summary for reuse: for a caller whose
    registry does not change while it keeps them (`PolicyEngine.to_json`). Findings list the
    same few transfers again and again, and a summary costs far more than a finding."""
    listed = f.transfers
    out: dict[str, Any] = {
        "doc_id": doc_id,
        "claim": dict(claim) if claim is not None else None,
        "verdict": str(f.verdict),
        "reasons": [r.as_dict() for r in f.reasons],
        "transfers": [_summary(t, transfer_summary, summaries) for t in listed],
        "conditions": [_summary(c, condition_summary, summaries) for c in f.conditions],
        "missing": list(f.missing),
        "candidate_suppliers": list(f.candidates),
    }
    if f.transfers_total > len(listed):
        out["transfers_total"] = f.transfers_total
    return out


def _summary(x: Any, make: Callable[[Any], dict[str, Any]], summaries: Summaries | None) -> dict[str, Any]:
    if summaries is None:
        return make(x)
    hit = summaries.get(id(x))
    if hit is None:
        hit = summaries[id(x)] = (x, make(x))
    return dict(hit[1])  # each finding its own dict: a caller may add to it
