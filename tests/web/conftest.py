"""A demo database and the app over it, shared by the web tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from enduse.config import Settings
from enduse.demo import load_demo
from enduse.ingest.inputs import RawInput
from enduse.knowledge import cached_knowledge
from enduse.pipeline import extract_stored, ingest_inputs
from enduse.store import Repository, make_engine, upgrade

HOSTILE = (
    "Officials said the <script>window.__pwned = 1</script> shipment of rifles arrived on Monday. "
    'A second paragraph <img src=x onerror="window.__pwned = 2"> follows with more about the delivery of '
    "armoured vehicles to the army, as the ministry confirmed in a statement on Tuesday."
)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, Repository]]:
    path: Path = tmp_path_factory.mktemp("web") / "demo.db"
    settings = Settings(database_url=f"sqlite:///{path}")
    engine = make_engine(settings.database_url)
    upgrade(engine)
    repo = Repository(engine)
    knowledge = cached_knowledge()
    load_demo(repo, knowledge)
    ingest_inputs(repo, [RawInput(id="hostile", name="hostile.txt", kind="text", data=HOSTILE.encode())], knowledge)
    extract_stored(repo, knowledge)
    yield settings, repo
    engine.dispose()
