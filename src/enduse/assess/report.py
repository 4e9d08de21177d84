"""The assessment as JSON: one shape for `enduse assess --out` and for the JSON API.

```
{"stories": [{"id", "docs", "date": {"start", "end", "first_reported", "last_reported", "basis"}}],
 "assertions": [{"id", "type", "weapon", "origin", "actor", "place", "when",
                 "claims": [{"id", "key", "doc_id", "evidence", "claimant", "hedged", "negated", "review"}],
                 "origins": [{"key", "name", "docs", "paths", "related", "reliability"}],
                 "independent_origins", "reliability", "credibility", "reasons"}],
 "documents": [{"doc_id", "story", "duplicate_of", "near_duplicate_group",
                "repost": {"flag", "reason"}}],
 "unapplied_decisions": [...]}
```
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from enduse.assess.assessment import Assessment
from enduse.assess.facts import claim_key
from enduse.model import Assertion, Claim, DateSpan, Decision, Story


def _day(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _span(s: DateSpan | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"start": _day(s.start), "end": _day(s.end), "text": s.text, "resolution": s.resolution}


def story_json(s: Story) -> dict[str, Any]:
    return {
        "id": s.id,
        "docs": list(s.doc_ids),
        "date": {
            "start": _day(s.date.start) if s.date else None,
            "end": _day(s.date.end) if s.date else None,
            "first_reported": _day(s.first_reported),
            "last_reported": _day(s.last_reported),
            "basis": s.date.resolution if s.date else None,
        },
    }


def claim_json(cid: int, c: Claim) -> dict[str, Any]:
    return {
        "id": cid,
        "key": claim_key(c),
        "doc_id": c.doc_id,
        "type": str(c.type),
        "evidence": c.evidence.text,
        "claimant": {"text": c.claimant.text, "via": list(c.claimant.via)} if c.claimant else None,
        "when": _span(c.when),
        "hedged": c.hedged,
        "negated": c.negated,
        "review": str(c.review),
    }


def assertion_json(a: Assertion, claims: dict[int, Claim]) -> dict[str, Any]:
    return {
        "id": a.id,
        "type": str(a.type),
        "weapon": asdict(a.weapon) if a.weapon else None,
        "origin": a.origin,
        "actor": asdict(a.actor) if a.actor else None,
        "place": asdict(a.place) if a.place else None,
        "when": _span(a.when),
        "claims": [claim_json(cid, claims[cid]) for cid in a.claim_ids if cid in claims],
        "origins": [o.to_json() for o in a.origins],
        "independent_origins": a.independent_origins,
        "reliability": a.reliability,
        "credibility": a.credibility,
        "reasons": list(a.reasons),
    }


def decision_json(d: Decision) -> dict[str, Any]:
    return {
        "id": d.id,
        "kind": str(d.kind),
        "targets": list(d.targets),
        "value": d.value,
        "who": d.who,
        "why": d.why,
        "at": d.at.isoformat() if d.at else None,
    }


def assessment_json(a: Assessment) -> dict[str, Any]:
    """The whole assessment in the shape above."""
    return {
        "stories": [story_json(s) for s in a.stories],
        "assertions": [assertion_json(x, a.claims) for x in a.assertions],
        "documents": [
            {
                "doc_id": d.doc_id,
                "story": d.story,
                "duplicate_of": d.duplicate_of,
                "near_duplicate_group": d.near_duplicate_group,
                "repost": {"flag": d.repost.flag, "reason": d.repost.reason},
            }
            for d in a.documents
        ],
        "unapplied_decisions": [decision_json(d) for d in a.unapplied],
    }
