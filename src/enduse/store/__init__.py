"""The store: SQLAlchemy tables, Alembic migrations and the repository around them."""

from enduse.store.engine import make_engine
from enduse.store.migrate import downgrade, upgrade
from enduse.store.repository import Repository, StoreCounts

__all__ = ["Repository", "StoreCounts", "downgrade", "make_engine", "upgrade"]
