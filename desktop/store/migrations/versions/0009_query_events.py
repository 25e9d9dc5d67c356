"""query_message.kind: a thread's closing and reopening are steps of their own, with author and time

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('query_message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(), nullable=False, server_default='message'))


def downgrade() -> None:
    with op.batch_alter_table('query_message', schema=None) as batch_op:
        batch_op.drop_column('kind')
