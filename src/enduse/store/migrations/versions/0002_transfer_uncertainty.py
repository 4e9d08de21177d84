"""transfers: delivered quantity, uncertainty flags and source notes

Imported trade registers (SIPRI) give the number ordered and the number delivered apart, mark
uncertain values with "?" or "is estimate" flags, and carry remarks; a transfer keeps all
three instead of folding them into free text.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("transfers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quantity_delivered", sa.Integer(), nullable=True))
        # Rows already stored get an empty list: nothing was marked uncertain by hand.
        batch_op.add_column(sa.Column("uncertain", sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
        batch_op.add_column(sa.Column("notes", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("transfers", schema=None) as batch_op:
        batch_op.drop_column("notes")
        batch_op.drop_column("uncertain")
        batch_op.drop_column("quantity_delivered")
