"""Shared fixtures: the shared data folder, and databases on SQLite and on PostgreSQL.

PostgreSQL tests use the server at 127.0.0.1:5432 (ENDUSE_TEST_PG overrides the admin URL):
each test session creates a throwaway database and drops it afterwards. Where no server
answers, those tests are skipped with a message saying so.
"""

from __future__ import annotations

import importlib.util
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import Engine, create_engine, text

from enduse.store import Repository, make_engine, upgrade

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ENDUSE_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "data" / "seeds"
PG_ADMIN_URL = os.environ.get("ENDUSE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("enduse_dev", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pytest_sessionstart(session: pytest.Session) -> None:
    """Refuse to test a compiled module older than its source: the extension would be imported
    instead of the edited code (see setup.py)."""
    stale = _dev().stale_builds()
    if stale:
        names = ", ".join(p.name for p in stale)
        pytest.exit(f"{names}: the compiled module is older than its source; run `python3 dev.py build`", returncode=4)


def pytest_report_header() -> str:
    from enduse.registry import engine_kind

    return f"policy engine: {engine_kind()}"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or a skip when the shared data is not on this machine."""
    path = SHARED.joinpath("data", *parts)
    if not path.exists():
        pytest.skip(f"shared data not found at {path} (set ENDUSE_SHARED to the shared/ folder)")
    return path


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped at the end."""
    try:
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        with admin.connect() as c:
            c.execute(text("select 1"))
    except Exception as e:  # any connection failure means: no server here
        pytest.skip(f"no PostgreSQL server answers at {PG_ADMIN_URL} ({type(e).__name__}); PostgreSQL tests skipped")
    name = f"enduse_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with admin.connect() as c:
            c.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


def _reset_pg(url: str) -> Engine:
    engine = make_engine(url)
    with engine.begin() as c:
        c.execute(text("DROP SCHEMA public CASCADE"))
        c.execute(text("CREATE SCHEMA public"))
    return engine


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database engine on each backend."""
    if request.param == "sqlite":
        e = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    else:
        e = _reset_pg(request.getfixturevalue("pg_url"))
    yield e
    e.dispose()


@pytest.fixture
def repo(engine: Engine) -> Repository:
    """A migrated repository on each backend."""
    upgrade(engine)
    return Repository(engine)
