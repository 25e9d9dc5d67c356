"""installation: the unit this installation serves, in the database rather than one window's settings

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Left empty: a database from before plays both sides, as it did, until its administrator names the unit.
    op.create_table('installation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(), nullable=False),
    sa.Column('set_by', sa.String(), nullable=False),
    sa.Column('set_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['unit_code'], ['unit.code'], name=op.f('fk_installation_unit_code_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_installation'))
    )


def downgrade() -> None:
    op.drop_table('installation')
