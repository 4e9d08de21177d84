"""The assessment stage: documents and their claims in; stories, assertions and grades out.

`assess()` runs the steps in the order their inputs need: copies (which documents are the
same article), stories (which are about the same event), the story dates (which page dates
are reposts, and what the claims' relative dates mean then), the analyst's claim reviews,
assertions (which claims state the same thing), their origins and their grades, and last the
analyst's merges and splits. It is a plain function over domain objects: the CLI runs it over
files, the stored pipeline over the database, a test over a list.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from enduse.assess.assertions import Group, Item, merge_claims
from enduse.assess.build import build_assertion
from enduse.assess.copies import Copies, find_copies, oldest_first
from enduse.assess.dating import Repost, date_story, reanchor
from enduse.assess.decisions import apply_partition, reviews, source_grades
from enduse.assess.facts import Facts, claim_key, facts_of
from enduse.assess.features import document_features
from enduse.assess.grades import Context, is_context
from enduse.assess.names import Names
from enduse.assess.stories import cluster_stories
from enduse.knowledge import Knowledge
from enduse.model import Assertion, Claim, ClaimType, Decision, DecisionKind, Document, ReviewState, Story


@dataclass(frozen=True, slots=True)
class DocumentAssessment:
    """What assessment says of one document: its story, what it copies, whether it is a repost."""

    doc_id: str
    story: str
    duplicate_of: str | None = None
    near_duplicate_group: str | None = None
    repost: Repost = field(default_factory=Repost)


@dataclass(slots=True)
class Assessment:
    """The result: stories, assertions, per-document notes, and the claims as assessed (dates
    re-anchored, reviews applied; rejected claims left out), by claim id."""

    stories: list[Story] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)
    documents: list[DocumentAssessment] = field(default_factory=list)
    claims: dict[int, Claim] = field(default_factory=dict)
    unapplied: list[Decision] = field(default_factory=list)


_CLAIM_KINDS = (DecisionKind.ACCEPT_CLAIM, DecisionKind.REJECT_CLAIM)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def assess(
    documents: Sequence[Document],
    claims: Sequence[tuple[int, Claim]],
    knowledge: Knowledge,
    decisions: Sequence[Decision] = (),
    grades: Mapping[str, str] | None = None,
) -> Assessment:
    """Assess `documents` and their `claims` (id, claim); see the module docstring for the steps.

    `grades` are the analyst-set source reliability grades by source key (the `sources`
    table); `decisions` are the analyst's decisions, applied on top, oldest first.
    """
    names = Names(knowledge)
    docs = {d.id: d for d in documents}
    assessed = {cid: c for cid, c in claims if c.doc_id in docs}
    facts = {cid: facts_of(c, names) for cid, c in assessed.items()}
    by_doc: dict[str, list[int]] = defaultdict(list)
    for cid, c in assessed.items():
        by_doc[c.doc_id].append(cid)
    copies = find_copies(documents)
    features = [document_features(d, [facts[i] for i in by_doc[d.id]], names) for d in documents]
    groups, unapplied = apply_partition(
        cluster_stories(features, copies),
        decisions,
        DecisionKind.MERGE_STORIES,
        DecisionKind.SPLIT_STORY,
        lambda t: [t],
    )
    stories, story_of, reposts = _date_stories(groups, docs, assessed, by_doc, copies, facts, names)
    review = reviews(decisions)
    keys = {cid: claim_key(c) for cid, c in assessed.items()}
    known = set(keys.values())
    unapplied += [d for d in decisions if d.kind in _CLAIM_KINDS and not known.intersection(d.targets)]
    for cid in list(assessed):
        verdict = review.get(keys[cid])
        if verdict == DecisionKind.REJECT_CLAIM:
            del assessed[cid]
        elif verdict == DecisionKind.ACCEPT_CLAIM:
            assessed[cid] = replace(assessed[cid], review=ReviewState.ACCEPTED)
    assertions, more = _assertions(assessed, facts, keys, story_of, docs, copies, names, decisions, grades or {})
    documents_out = [
        DocumentAssessment(
            d.id,
            story_of[d.id],
            copies.original(d.id),
            copies.group.get(d.id),
            reposts.get(d.id, Repost()),
        )
        for d in oldest_first(documents)
    ]
    return Assessment(stories, assertions, documents_out, assessed, unapplied + more)


def _date_stories(
    groups: list[list[str]],
    docs: dict[str, Document],
    assessed: dict[int, Claim],
    by_doc: dict[str, list[int]],
    copies: Copies,
    facts: dict[int, Facts],
    names: Names,
) -> tuple[list[Story], dict[str, str], dict[str, Repost]]:
    """Date each story, flag reposts, and re-anchor the claims of reposts and undated documents
    (updating `assessed` and `facts` in place)."""
    stories: list[Story] = []
    story_of: dict[str, str] = {}
    reposts: dict[str, Repost] = {}
    for members in groups:
        member_docs = oldest_first([docs[m] for m in members])
        sid = "s-" + _digest(member_docs[0].id)
        dates = date_story(member_docs, [assessed[c] for m in members for c in by_doc[m]], copies)
        reposts.update(dates.reposts)
        for d in member_docs:
            story_of[d.id] = sid
            flagged = d.id in dates.reposts
            if dates.first_reported is None or not (flagged or d.published is None):
                continue
            why = f"re-anchored to the story's first report {dates.first_reported}" + (
                f" (page date {d.published.value} flagged as a repost)" if flagged and d.published else ""
            )
            for cid in by_doc[d.id]:
                moved = reanchor(assessed[cid], dates.first_reported, why)
                if moved is not assessed[cid]:
                    assessed[cid] = moved
                    facts[cid] = facts_of(moved, names)
        stories.append(Story(sid, [d.id for d in member_docs], dates.event, dates.first_reported, dates.last_reported))
    stories.sort(key=lambda s: (s.first_reported or dt.date.max, s.id))
    return stories, story_of, reposts


def _assertions(
    assessed: dict[int, Claim],
    facts: dict[int, Facts],
    keys: dict[int, str],
    story_of: dict[str, str],
    docs: dict[str, Document],
    copies: Copies,
    names: Names,
    decisions: Sequence[Decision],
    base_grades: Mapping[str, str],
) -> tuple[list[Assertion], list[Decision]]:
    def order(cid: int) -> tuple[dt.date, str, int]:
        c = assessed[cid]
        published = docs[c.doc_id].published
        return (published.value if published else dt.date.max, c.doc_id, c.evidence.start)

    items = [Item(cid, facts[cid], story_of[c.doc_id], order(cid)) for cid, c in assessed.items()]
    merged = merge_claims(items)
    ids_of: dict[str, list[int]] = defaultdict(list)
    for cid, key in keys.items():
        if cid in assessed:
            ids_of[key].append(cid)
    partition, unapplied = apply_partition(
        [g.claim_ids for g in merged],
        decisions,
        DecisionKind.MERGE_ASSERTIONS,
        DecisionKind.SPLIT_ASSERTION,
        lambda t: ids_of.get(t, []),
    )
    context: dict[str, Context] = defaultdict(Context)
    by_story: dict[str, list[int]] = defaultdict(list)
    for cid, c in assessed.items():
        if is_context(c):
            by_story[story_of[c.doc_id]].append(cid)
    for sid, cids in by_story.items():
        pairs = [(assessed[c], facts[c]) for c in cids]
        context[sid] = Context(
            denials=[p for p in pairs if p[0].type == ClaimType.DENIAL],
            captures=[p for p in pairs if p[0].type == ClaimType.CAPTURE],
        )
    grades = source_grades(base_grades, decisions)
    out: list[Assertion] = []
    seen: set[str] = set()
    for members in partition:
        members = sorted(members, key=lambda c: (-facts[c].specificity(), order(c)))
        group = Group(facts[members[0]], [])
        for cid in members:
            group.facts = group.facts.narrow(facts[cid]) if group.claim_ids else group.facts
            group.claim_ids.append(cid)
        aid = "a-" + _digest(keys[members[0]])
        while aid in seen:
            aid = "a-" + _digest(aid)
        seen.add(aid)
        stories = {story_of[assessed[c].doc_id] for c in members}
        story_context = Context(
            denials=[d for s in sorted(stories) for d in context[s].denials],
            captures=[c for s in sorted(stories) for c in context[s].captures],
        )
        out.append(build_assertion(aid, group, assessed, facts, docs, copies, names, grades, story_context))
    out.sort(key=lambda a: (-a.independent_origins, a.id))
    return out, unapplied
