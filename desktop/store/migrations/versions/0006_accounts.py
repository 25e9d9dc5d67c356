"""accounts: one-time passwords, and the district accounts a bureau sends in set-up packages

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table('district_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('unit_code', sa.String(), nullable=False),
    sa.Column('password_hash', sa.String(), nullable=False),
    sa.Column('created_by', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['unit_code'], ['unit.code'], name=op.f('fk_district_account_unit_code_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_district_account')),
    sa.UniqueConstraint('name', name=op.f('uq_district_account_name'))
    )
    with op.batch_alter_table('district_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_district_account_unit_code'), ['unit_code'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('district_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_district_account_unit_code'))
    op.drop_table('district_account')
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('must_change_password')
