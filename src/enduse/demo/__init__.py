"""The bundled demo: reports and a registry written by the project, and the code that loads them.

The reports are demo data in the project's own words about public facts (see
reports/manifest.yaml for the facts' citations); outlets are invented and marked as such.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from enduse.ingest.inputs import RawInput, doc_id_for
from enduse.knowledge import Knowledge
from enduse.pipeline import IngestReport, Progress, extract_stored, ingest_inputs
from enduse.registry import DEMO_REGISTRY, load_registry_yaml
from enduse.store import Repository

REPORTS = Path(__file__).parent / "reports"


def demo_inputs() -> list[RawInput]:
    """The demo reports as raw inputs, with the URL, outlet and crawl date of the manifest."""
    manifest = yaml.safe_load((REPORTS / "manifest.yaml").read_text(encoding="utf-8"))
    out = []
    for entry in manifest:
        path = REPORTS / entry["file"]
        retrieved = entry.get("retrieved")
        out.append(
            RawInput(
                id=doc_id_for(path),
                name=f"demo:{path.name}",
                kind="html" if path.suffix == ".html" else "text",
                data=path.read_bytes(),
                url=entry.get("url"),
                outlet=entry.get("outlet"),
                retrieved=dt.date.fromisoformat(str(retrieved)) if retrieved else None,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class DemoSummary:
    report: IngestReport
    claims: int
    transfers: int
    conditions: int


def load_demo(repo: Repository, knowledge: Knowledge, progress: Progress | None = None) -> DemoSummary:
    """Load the demo registry and reports into a migrated database and extract the claims."""
    transfers, conditions = load_registry_yaml(DEMO_REGISTRY)
    repo.upsert_transfers(transfers)
    repo.upsert_conditions(conditions)
    report = ingest_inputs(repo, demo_inputs(), knowledge, progress or (lambda _name: None))
    claims = extract_stored(repo, knowledge)
    return DemoSummary(report, claims, len(transfers), len(conditions))
