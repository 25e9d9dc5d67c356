"""query_message.author_name: the author's full name as it was when they wrote, shown on both sides of a query

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Messages written before this keep no name: they show the user name they were written under.
    with op.batch_alter_table('query_message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('author_name', sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('query_message', schema=None) as batch_op:
        batch_op.drop_column('author_name')
