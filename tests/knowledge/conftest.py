"""Fixtures for the knowledge tests: a private cache folder and the bundled catalogs, loaded once.

The cache folder is the session's own, so the tests neither read a stale cache the developer
left in ~/.cache nor write there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from enduse.knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="session", autouse=True)
def knowledge_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """ENDUSE_CACHE_DIR pointing at a folder of this test session."""
    folder = tmp_path_factory.mktemp("knowledge-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ENDUSE_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def knowledge(knowledge_cache: Path) -> Knowledge:
    """The bundled catalogs and their matcher."""
    return load_knowledge()
