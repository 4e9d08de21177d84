"""The domain nouns of enduse, as plain dataclasses.

Every stage (ingest, extract, assess, registry, cases) takes and returns these objects. They
carry no database, web or validation-library imports on purpose: the store converts them to
and from ORM rows (`enduse.store.tables`), the API to and from its JSON shapes, and a unit
test can build one by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple


class ClaimType(StrEnum):
    USE = "USE"
    SIGHTING = "SIGHTING"
    TRANSFER = "TRANSFER"
    RETRANSFER = "RETRANSFER"
    AUTHORIZATION = "AUTHORIZATION"
    INVESTIGATION = "INVESTIGATION"
    DENIAL = "DENIAL"
    CAPTURE = "CAPTURE"


#: Weapon categories of the claims interchange format (CLAIMS.md), in its order.
CATEGORIES: tuple[str, ...] = (
    "rifle",
    "machine gun",
    "small arms",
    "anti-tank weapon",
    "armoured vehicle",
    "tank",
    "artillery",
    "rocket artillery",
    "missile",
    "air defence",
    "aircraft",
    "helicopter",
    "drone",
    "naval",
    "ammunition",
    "generic",
)


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Verdict(StrEnum):
    POSSIBLE_BREACH = "possible breach"
    CONSISTENT = "consistent"
    UNDETERMINED = "undetermined"
    NOT_APPLICABLE = "not applicable"


class ReviewState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLARIFICATION_REQUESTED = "clarification requested"
    UNDER_INVESTIGATION = "under investigation"
    CLOSED_SUBSTANTIATED = "closed: substantiated"
    CLOSED_UNSUBSTANTIATED = "closed: unsubstantiated"
    CLOSED_EXPLAINED = "closed: explained"


class Role(StrEnum):
    VIEWER = "viewer"
    ANALYST = "analyst"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """A publication date, how precise it is and where it was found (markup, header, dateline, text)."""

    value: dt.date
    precision: DatePrecision = DatePrecision.DAY
    source: str = "unknown"


@dataclass(slots=True)
class Source:
    """An outlet. `reliability` is the analyst-set Admiralty grade A–F (F: cannot be judged)."""

    key: str
    name: str
    domain: str | None = None
    country: str | None = None
    kind: str | None = None
    owner: str | None = None
    reliability: str = "F"


@dataclass(slots=True)
class Document:
    """One report after ingestion: clean text plus what is known about where it came from."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: PublishedDate | None = None
    retrieved: dt.date | None = None
    language: str | None = None
    content_hash: str = ""
    raw_sha256: str | None = None
    input_name: str | None = None
    duplicate_of: str | None = None
    near_duplicate_group: str | None = None
    story: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input the pipeline refused, and why. A result, not a crash."""

    input_name: str
    reason: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a document's clean text recognised as a catalog entry."""

    start: int
    end: int
    text: str
    kind: str  # weapon | weapon_class | state | group | actor | person | place | outlet | date
    entry_id: str
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WeaponRef:
    text: str
    name: str | None
    category: str | None


@dataclass(frozen=True, slots=True)
class ActorRef:
    text: str
    name: str | None


@dataclass(frozen=True, slots=True)
class PlaceRef:
    text: str
    country: str | None
    region: str | None


@dataclass(frozen=True, slots=True)
class DateSpan:
    """An inclusive date span with the words it came from and how it was resolved."""

    start: dt.date | None
    end: dt.date | None
    text: str | None = None
    resolution: str = ""


@dataclass(frozen=True, slots=True)
class Claimant:
    text: str
    via: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Claim:
    """One assertion made by one document (CLAIMS.md), tied to its evidence offsets."""

    doc_id: str
    type: ClaimType
    evidence: Evidence
    weapon: WeaponRef | None = None
    origin: str | None = None
    supplier: str | None = None
    recipient: str | None = None
    actor: ActorRef | None = None
    place: PlaceRef | None = None
    when: DateSpan | None = None
    claimant: Claimant | None = None
    hedged: bool = False
    negated: bool = False
    scope: str | None = None
    excluded: list[str] = field(default_factory=list)
    purpose: str | None = None
    extractor_version: str = ""
    review: ReviewState = ReviewState.PENDING

    def to_interchange(self) -> dict[str, Any]:
        """The claim in the interchange form of CLAIMS.md (v1)."""
        when = None
        if self.when is not None:
            when = {
                "start": self.when.start.isoformat() if self.when.start else None,
                "end": self.when.end.isoformat() if self.when.end else None,
                "text": self.when.text,
            }
        return {
            "doc_id": self.doc_id,
            "type": str(self.type),
            "weapon": asdict(self.weapon) if self.weapon else None,
            "origin": self.origin,
            "supplier": self.supplier,
            "recipient": self.recipient,
            "actor": asdict(self.actor) if self.actor else None,
            "place": asdict(self.place) if self.place else None,
            "when": when,
            "claimant": {"text": self.claimant.text, "via": list(self.claimant.via)} if self.claimant else None,
            "hedged": self.hedged,
            "negated": self.negated,
            "evidence": {"text": self.evidence.text, "start": self.evidence.start, "end": self.evidence.end},
            "scope": self.scope,
            "excluded": list(self.excluded),
            "purpose": self.purpose,
        }

    @classmethod
    def from_interchange(cls, data: dict[str, Any]) -> Claim:
        """A claim read back from the interchange form (gold files, `enduse extract` output).

        Evidence offsets are kept when the record has them, else the evidence starts at 0.
        """

        def day(value: Any) -> dt.date | None:
            return dt.date.fromisoformat(value) if isinstance(value, str) and value else None

        w, a, p, t, c, e = (data.get(k) or None for k in ("weapon", "actor", "place", "when", "claimant", "evidence"))
        evidence = e or {"text": ""}
        start = int(evidence.get("start") or 0)
        return cls(
            doc_id=str(data["doc_id"]),
            type=ClaimType(data["type"]),
            evidence=Evidence(evidence["text"], start, int(evidence.get("end") or start + len(evidence["text"]))),
            weapon=WeaponRef(w.get("text", ""), w.get("name"), w.get("category")) if w else None,
            origin=data.get("origin"),
            supplier=data.get("supplier"),
            recipient=data.get("recipient"),
            actor=ActorRef(a.get("text", ""), a.get("name")) if a else None,
            place=PlaceRef(p.get("text", ""), p.get("country"), p.get("region")) if p else None,
            when=DateSpan(day(t.get("start")), day(t.get("end")), t.get("text")) if t else None,
            claimant=Claimant(c.get("text", ""), tuple(c.get("via") or ())) if c else None,
            hedged=bool(data.get("hedged")),
            negated=bool(data.get("negated")),
            scope=data.get("scope"),
            excluded=list(data.get("excluded") or []),
            purpose=data.get("purpose"),
        )


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an assertion's claims come from once copies and citation chains are followed back.

    `key` identifies the origin (a catalog outlet id, `actor:<id>`, `state:<code>` or
    `name:<words>`); `paths` gives, per claim, the chain from the document to the origin
    ("doc 000", "The Washington Post", "intelligence"); `related` names the other origins of the
    same assertion that share an owner with this one (shown, not merged).
    """

    key: str
    name: str
    docs: tuple[str, ...] = ()
    paths: tuple[tuple[str, ...], ...] = ()
    related: tuple[str, ...] = ()
    reliability: str = "F"

    def to_json(self) -> dict[str, Any]:
        """The origin as JSON (the assessment output, the API and the store use this one form)."""
        return {
            "key": self.key,
            "name": self.name,
            "docs": list(self.docs),
            "paths": [list(p) for p in self.paths],
            "related": list(self.related),
            "reliability": self.reliability,
        }


@dataclass(slots=True)
class Assertion:
    """Claims from many documents that state the same thing, graded on the Admiralty scale.

    `reliability` (A–F) grades the sources and `credibility` (1–6) the information; they are
    kept apart on purpose, and `reasons` says how the credibility was reached.
    """

    id: str
    type: ClaimType
    claim_ids: list[int] = field(default_factory=list)
    weapon: WeaponRef | None = None
    actor: ActorRef | None = None
    place: PlaceRef | None = None
    when: DateSpan | None = None
    independent_origins: int = 0
    reliability: str = "F"
    credibility: int = 6
    origins: list[Origin] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    origin: str | None = None  # the state that made or supplied the weapon, as the claims say


@dataclass(slots=True)
class Story:
    """Documents about one event, across outlets and languages.

    `date` is the event as the documents' claims date it; `first_reported` and
    `last_reported` bound the publication dates that are not flagged as reposts.
    """

    id: str
    doc_ids: list[str] = field(default_factory=list)
    date: DateSpan | None = None
    first_reported: dt.date | None = None
    last_reported: dt.date | None = None


class DecisionKind(StrEnum):
    ACCEPT_CLAIM = "accept claim"
    REJECT_CLAIM = "reject claim"
    MERGE_ASSERTIONS = "merge assertions"
    SPLIT_ASSERTION = "split assertion"
    MERGE_STORIES = "merge stories"
    SPLIT_STORY = "split story"
    SET_RELIABILITY = "set reliability"


@dataclass(frozen=True, slots=True)
class Decision:
    """An analyst's decision, kept apart from what the pipeline computes so it survives re-runs.

    `targets` name what the decision is about by keys that stay the same when the pipeline
    runs again: claim keys (`enduse.assess.claim_key`) for claims and assertions, document ids
    for stories, source keys for a reliability grade (`value`, A–F).
    """

    kind: DecisionKind
    targets: tuple[str, ...]
    who: str
    why: str
    value: str | None = None
    at: dt.datetime | None = None
    id: int | None = None


@dataclass(slots=True)
class Transfer:
    """Supplier → recipient of a system or class, with its status, dates and citations."""

    id: str
    supplier: str
    recipient: str
    category: str
    system: str | None = None
    quantity: int | None = None
    quantity_note: str | None = None
    status: str = "delivered"  # pledged | ordered | delivered
    ordered: DateSpan | None = None
    delivered: DateSpan | None = None
    package: str | None = None
    end_user_certificate: str | None = None
    serials: str | None = None
    citations: list[str] = field(default_factory=list)
    # Imported registers say more than a hand-written row: how many were delivered (SIPRI
    # gives ordered and delivered numbers apart), which values the source marks uncertain or
    # estimated (field names of this class: "ordered", "quantity", "quantity_delivered",
    # "delivered"), and the source's own remarks (designation, second-hand, financing).
    quantity_delivered: int | None = None
    uncertain: list[str] = field(default_factory=list)
    notes: str | None = None


@dataclass(slots=True)
class Condition:
    """An end-use rule attached to transfers and valid over a date range.

    `kind` is `restriction` or `authorization`; an authorization widens or narrows the
    conditions before it from `valid_from` on.
    """

    id: str
    kind: str
    supplier: str
    recipient: str | None = None
    system: str | None = None
    category: str | None = None
    permitted_territory: list[str] = field(default_factory=list)
    permitted_end_users: list[str] = field(default_factory=list)
    permitted_purposes: list[str] = field(default_factory=list)
    excluded_systems: list[str] = field(default_factory=list)
    retransfer_requires_consent: bool = False
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    status: str = "official"  # official | reported | inferred
    summary: str = ""
    citation: str = ""


class Reason(NamedTuple):
    """One step of a finding's reasoning: which rule, how well it is known, where it comes from.

    `rule` is a condition id or one of the engine's own rules (`candidates`, `place`, ...);
    `status` is the condition's (official, reported, inferred), or `registry` and `engine`
    for the engine's own steps.
    """

    rule: str
    status: str
    citation: str
    text: str

    @classmethod
    def of(cls, c: Condition, text: str) -> Reason:
        return cls(c.id, c.status, c.citation, text)

    def as_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "status": self.status, "citation": self.citation, "text": self.text}

    def as_text(self) -> str:
        """The reason as one line: "[rule · status] text (citation)"."""
        cite = f" ({self.citation})" if self.citation else ""
        return f"[{self.rule} · {self.status}] {self.text}{cite}"


#: Stands, in the reasoning of a finding, for a region that no condition names (`Finding.region`).
#: A private-use character: no code, name or citation contains it.
ANY_REGION = "\ue000"


class Finding:
    """The policy engine's verdict on a claim or assertion, with the reasoning behind it.

    The engine hands one Finding to every claim with the same facts, so its collections are
    tuples and nothing assigns to a finding once made (a plain class with slots: a frozen
    dataclass costs four times as much to build, and the engine builds hundreds of thousands
    a second).

    Claims about regions that no condition names are judged alike: the engine works their
    reasoning out once, with `ANY_REGION` where the region's code goes, and each such claim
    gets a finding that shares it and says its `region`. `reasons` and `missing` write the
    code in when read, so a finding reads the same however it was worked out.
    """

    __slots__ = (
        "_missing",
        "_reasons",
        "candidates",
        "conditions",
        "region",
        "transfers",
        "transfers_total",
        "verdict",
    )

    def __init__(
        self,
        verdict: Verdict,
        reasons: tuple[Reason, ...] = (),
        transfers: tuple[Transfer, ...] = (),  # candidate transfers, earliest first, a bounded number of them
        conditions: tuple[Condition, ...] = (),  # the conditions in force on the claim's dates
        missing: tuple[str, ...] = (),  # what would settle it, in words; never guessed
        candidates: tuple[str, ...] = (),  # candidate suppliers, by first arrival
        transfers_total: int = 0,  # candidate transfers in all
        region: str | None = None,  # the code written in for ANY_REGION, when the reasoning is shared
    ) -> None:
        self.verdict = verdict
        self._reasons = reasons
        self.transfers = transfers
        self.conditions = conditions
        self._missing = missing
        self.candidates = candidates
        self.transfers_total = transfers_total
        self.region = region

    @property
    def reasons(self) -> tuple[Reason, ...]:
        code = self.region
        if code is None:
            return self._reasons
        return tuple(
            r._replace(text=r.text.replace(ANY_REGION, code)) if ANY_REGION in r.text else r for r in self._reasons
        )

    @property
    def missing(self) -> tuple[str, ...]:
        code = self.region
        if code is None:
            return self._missing
        return tuple(m.replace(ANY_REGION, code) for m in self._missing)

    def in_region(self, region: str) -> Finding:
        """This finding, worked out for `ANY_REGION`, as the finding of a claim in `region`."""
        return Finding(
            self.verdict,
            self._reasons,
            self.transfers,
            self.conditions,
            self._missing,
            self.candidates,
            self.transfers_total,
            region,
        )

    def hedged(self, reason: Reason) -> Finding:
        """This finding with `reason` (the claim is hedged) said first."""
        return Finding(
            self.verdict,
            (reason, *self._reasons),
            self.transfers,
            self.conditions,
            self._missing,
            self.candidates,
            self.transfers_total,
            self.region,
        )

    def _shown(self) -> tuple[Any, ...]:
        return (
            self.verdict,
            self.reasons,
            self.transfers,
            self.conditions,
            self.missing,
            self.candidates,
            self.transfers_total,
        )

    def __eq__(self, other: object) -> bool:
        """Findings are equal when they read the same (a shared reasoning or not)."""
        if not isinstance(other, Finding):
            return NotImplemented
        return self._shown() == other._shown()

    __hash__ = None  # type: ignore[assignment]  # mutable in principle, as the dataclass was

    def __repr__(self) -> str:
        names = ("verdict", "reasons", "transfers", "conditions", "missing", "candidates", "transfers_total")
        return "Finding(" + ", ".join(f"{n}={v!r}" for n, v in zip(names, self._shown(), strict=True)) + ")"

    @property
    def transfer_ids(self) -> list[str]:
        return [t.id for t in self.transfers]

    @property
    def condition_ids(self) -> list[str]:
        return [c.id for c in self.conditions]


@dataclass(slots=True)
class Case:
    """An investigation an analyst runs on assertions and findings."""

    id: int | None
    title: str
    status: CaseStatus = CaseStatus.OPEN
    assignee: str | None = None
    notes: str = ""


@dataclass(slots=True)
class User:
    name: str
    role: Role = Role.VIEWER
    id: int | None = None


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """An append-only record of a change; `hash` chains it to the event before it."""

    actor: str
    action: str
    target: str
    at: dt.datetime
    detail: dict[str, Any] = field(default_factory=dict)
    prev_hash: str = ""
    hash: str = ""
