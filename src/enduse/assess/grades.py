"""Admiralty grades of an assertion, kept apart: how reliable its sources, how credible the claim.

**Source reliability (A–F)** is never computed from content. It comes from the analyst-set
grade of each origin (the `sources` table for outlets, and "set reliability" decisions for
any origin key); an origin nobody graded is F, "cannot be judged". An assertion takes the
best grade among its origins (A best, E worst; F only when no origin is graded), because
the information is as reliable as its best independent source.

**Information credibility (1–6)** comes from corroboration and contradiction only, never
from the sources' grades:

- *firm support*: independent origins with at least one claim neither hedged nor negated,
  counting outlets related by ownership as one (state media of one state confirm nothing
  for each other);
- *hedged support*: origins whose claims are all hedged ("alleged", "information
  suggesting");
- *contradicted*: a `DENIAL` in the same story about a weapon, one that does not contradict
  the assertion's weapon, place and time, or a negated claim inside the assertion (for events
  and transfers only: a denial does not contest that someone announced an investigation, and
  "NATO had nothing to do with the attacks" names no weapon to deny the use of);
- *explained*: a `CAPTURE` in the same story about a compatible weapon and place ("the
  equipment was a trophy"), an alternative account of where the weapons in an event or a
  re-transfer came from.

| support                        | not contradicted | contradicted |
| ------------------------------ | ---------------- | ------------ |
| firm, 3 or more                | 1 confirmed      | 2            |
| firm, 2                        | 2 probably true  | 3            |
| firm, 1                        | 3 possibly true  | 4            |
| hedged only                    | 4 doubtful       | 5 improbable |
| none (only negated claims)     | 6 cannot be judged | 6          |

An explanation ("captured from the enemy") lowers the grade one step more, to 5 at most.
The reasons are listed with the grade, so an analyst can see and overrule them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from enduse.assess.facts import Facts
from enduse.assess.origins import Traced, ownership_groups
from enduse.model import Claim, ClaimType

GRADES = "ABCDEF"


def reliability(traced: Traced) -> str:
    """The best analyst-set grade among the origins (F when none is graded)."""
    graded = [o.reliability for o in traced.origins if o.reliability in GRADES[:5]]
    return min(graded) if graded else "F"


@dataclass(frozen=True, slots=True)
class Context:
    """Claims of the assertion's story that bear on it without being part of it."""

    denials: Sequence[tuple[Claim, Facts]] = ()
    captures: Sequence[tuple[Claim, Facts]] = ()


def bears_on(assertion: Facts, other: Facts) -> bool:
    """Does a denial or capture speak of the same weapon, place and time as the assertion?
    Its own type and actor do not matter: a denial is made by someone else."""
    return replace(other, group=assertion.group, actor=None).compatible(replace(assertion, actor=None))


def credibility(claims: dict[int, Claim], traced: Traced, facts: Facts, context: Context) -> tuple[int, list[str]]:
    """The credibility grade (1–6) and the reasons for it (the table in the module docstring)."""
    firm, hedged = [], []
    for group in ownership_groups(traced.origins):
        members = [cid for o in group for cid in traced.claims_of.get(o.key, ())]
        names = " / ".join(o.name for o in group)
        if any(not claims[c].hedged and not claims[c].negated for c in members):
            firm.append(names)
        elif any(not claims[c].negated for c in members):
            hedged.append(names)
    reasons = []
    if firm:
        reasons.append(f"{len(firm)} independent origin(s) state it firmly: {', '.join(firm)}")
    if hedged:
        reasons.append(f"{len(hedged)} origin(s) only hedge it: {', '.join(hedged)}")
    negated = sorted({c.doc_id for c in claims.values() if c.negated})
    denials = sorted(
        {c.doc_id for c, f in context.denials if c.weapon and facts.group in DENIABLE and bears_on(facts, f)}
    )
    contradicted = bool(negated or denials)
    if negated:
        reasons.append(f"stated as not having happened in {', '.join(negated)}")
    if denials:
        reasons.append(f"denied in {', '.join(denials)}")
    if not firm and not hedged:
        return 6, [*reasons, "no claim states it: cannot be judged"]
    grade = 1 if len(firm) >= 3 else 2 if len(firm) == 2 else 3 if firm else 4
    if contradicted:
        grade += 1
    captured = sorted({c.doc_id for c, f in context.captures if facts.group in EXPLAINABLE and bears_on(facts, f)})
    if captured:
        reasons.append(f"explained as captured from the enemy in {', '.join(captured)}")
        grade = min(5, grade + 1)
    return min(grade, 5), reasons


# Which assertions denials and captures bear on: events and transfers, not statements of policy.
DENIABLE = frozenset({"EVENT", "TRANSFER", "RETRANSFER"})
EXPLAINABLE = frozenset({"EVENT", "RETRANSFER"})


def is_context(claim: Claim) -> bool:
    """Claims that grade other assertions: denials and captures."""
    return claim.type in (ClaimType.DENIAL, ClaimType.CAPTURE)
