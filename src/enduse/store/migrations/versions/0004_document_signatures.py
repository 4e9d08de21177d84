"""documents: stored MinHash signature and the key of the page they were read from

Grouping near-duplicates used to shingle and hash every stored text on each batch, a cost
that grew with the store; each document now keeps its MinHash. Documents read from the same
canonical URL under different ids are found by a short indexed key of that URL.

Rows already stored get neither here (computing them needs the ingest code, which a
migration should not import): the next ingestion fills them in once.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 17:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("minhash", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("url_key", sa.String(length=100), nullable=True))
        batch_op.create_index(batch_op.f("ix_documents_url_key"), ["url_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_url_key"))
        batch_op.drop_column("url_key")
        batch_op.drop_column("minhash")
