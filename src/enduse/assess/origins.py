"""Independence: where each claim of an assertion comes from, counted once per origin.

A dozen outlets repeating "The Washington Post, citing intelligence" are one origin, not a
dozen. For each claim:

- its citation chain is the claimant and what the claimant cites, outermost first
  (`claimant.text`, then `claimant.via`); the document stands before it;
- its origin is the last *named* party of the chain (`names.py`): "The Washington Post,
  citing intelligence" ends at The Washington Post, because "intelligence" names nobody who
  could be asked; "HLN, citing The Washington Post" ends there too;
- a chain that names nobody (no claimant, "a reliable source", "media reports") is the
  document's own reporting, and its origin is the outlet of the document's copy group (the
  earliest copy's outlet, or that copy itself when its outlet is unknown);
- copies count once: a copy that drops the attribution ("reports say") takes the named
  origins of the other copies in its group rather than becoming an origin of its own.

Outlets related by ownership (`related` and `owner` in the outlets catalog) stay separate
origins but each lists the others as related; credibility counts them as one (`grades.py`).
Every origin keeps, per claim, the path from the document to it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from enduse.assess.copies import Copies
from enduse.assess.names import Name, Names
from enduse.model import Claim, Document, Origin


@dataclass(frozen=True, slots=True)
class Traced:
    """An assertion's origins, and which of its claims each one stands behind."""

    origins: list[Origin]
    claims_of: dict[str, list[int]]


def doc_label(doc: Document, names: Names) -> str:
    outlet = names.outlet_name(doc.source)
    return f"{doc.id} ({outlet})" if outlet else doc.id


def _own_reporting(doc: Document, docs: Mapping[str, Document], copies: Copies, names: Names) -> Name:
    first = docs.get(copies.group.get(doc.id, doc.id), doc)
    outlet = names.outlet_name(first.source)
    if outlet and first.source:
        return Name(first.source, outlet)
    return Name(f"doc:{first.id}", f"{first.id} (outlet unknown)")


def trace_origins(
    claims: Sequence[tuple[int, Claim]],
    docs: Mapping[str, Document],
    copies: Copies,
    names: Names,
    grades: Mapping[str, str],
) -> Traced:
    """The independent origins of one assertion's claims (rules in the module docstring)."""
    named: dict[int, tuple[Name | None, tuple[str, ...]]] = {}
    group_origins: dict[str, list[Name]] = defaultdict(list)
    for cid, claim in claims:
        doc = docs[claim.doc_id]
        chain = (claim.claimant.text, *claim.claimant.via) if claim.claimant else ()
        resolved = [names.party(x) for x in chain]
        last = max((i for i, r in enumerate(resolved) if r is not None), default=None)
        origin = resolved[last] if last is not None else None
        named[cid] = (origin, (doc_label(doc, names), *chain))
        if origin is not None:
            group_origins[copies.group.get(doc.id, doc.id)].append(origin)
    found: dict[str, Name] = {}
    docs_of: dict[str, list[str]] = defaultdict(list)
    paths_of: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    claims_of: dict[str, list[int]] = defaultdict(list)
    for cid, claim in claims:
        doc = docs[claim.doc_id]
        origin, path = named[cid]
        if origin is None:
            group = copies.group.get(doc.id, doc.id)
            if group_origins.get(group):
                origin = group_origins[group][0]
                path = (*path, f"copy of {group}")
            else:
                origin = _own_reporting(doc, docs, copies, names)
                if copies.original(doc.id):
                    path = (*path, f"copy of {copies.original(doc.id)}")
        if origin.label not in path:
            path = (*path, origin.label)
        found.setdefault(origin.key, origin)
        if doc.id not in docs_of[origin.key]:
            docs_of[origin.key].append(doc.id)
        if path not in paths_of[origin.key]:
            paths_of[origin.key].append(path)
        claims_of[origin.key].append(cid)
    related = _related(list(found), names)
    origins = [
        Origin(
            key=key,
            name=name.label,
            docs=tuple(docs_of[key]),
            paths=tuple(paths_of[key]),
            related=tuple(found[r].label for r in related.get(key, ())),
            reliability=grades.get(key, "F"),
        )
        for key, name in found.items()
    ]
    return Traced(origins, dict(claims_of))


def _related(keys: list[str], names: Names) -> dict[str, list[str]]:
    """Origins (outlets) that share an owner, as the outlets catalog records it."""
    outlets = names.knowledge.outlets
    out: dict[str, list[str]] = {}
    for a in keys:
        oa = outlets.get(a)
        if oa is None:
            continue
        out[a] = [
            b
            for b in keys
            if b != a
            and (ob := outlets.get(b)) is not None
            and (b in oa.related or a in ob.related or (oa.owner is not None and oa.owner == ob.owner))
        ]
    return out


def ownership_groups(origins: Sequence[Origin]) -> list[list[Origin]]:
    """Origins grouped so that related ones (by ownership) fall in one group."""
    by_name = {o.name: o for o in origins}
    parent = {o.key: o.key for o in origins}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for o in origins:
        for r in o.related:
            if r in by_name:
                parent[find(by_name[r].key)] = find(o.key)
    groups: dict[str, list[Origin]] = defaultdict(list)
    for o in origins:
        groups[find(o.key)].append(o)
    return list(groups.values())
