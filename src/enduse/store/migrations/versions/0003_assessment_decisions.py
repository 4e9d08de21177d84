"""assessment: analyst decisions, assertion and story detail, repost reasons

Analyst decisions (accept or reject a claim, merge or split assertions and stories, set a
source grade) get a table of their own, apart from what the pipeline writes, so that
re-running the pipeline applies them again. Assertions and stories keep the detail of the
assessment (origins and their paths, credibility reasons, the story's dating) as JSON, and a
document keeps why its page date looks like a repost's.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("targets", sa.JSON(), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=True),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
    )
    # Rows already stored get an empty detail: they were written before assessment kept any.
    with op.batch_alter_table("assertions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("detail", sa.JSON(), nullable=False, server_default=sa.text("'{}'")))
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.add_column(sa.Column("detail", sa.JSON(), nullable=False, server_default=sa.text("'{}'")))
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("repost_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("repost_reason")
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.drop_column("detail")
    with op.batch_alter_table("assertions", schema=None) as batch_op:
        batch_op.drop_column("detail")
    op.drop_table("decisions")
