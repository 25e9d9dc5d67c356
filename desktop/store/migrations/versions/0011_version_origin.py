"""submission_version.origin: a version kept at this installation's own sign-off, until it is received as a file

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every version kept before this was received as a file.
    with op.batch_alter_table('submission_version', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin', sa.String(), nullable=False, server_default='file'))


def downgrade() -> None:
    with op.batch_alter_table('submission_version', schema=None) as batch_op:
        batch_op.drop_column('origin')
