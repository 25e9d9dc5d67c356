"""workflow: who signed off each version, its signature and change log; who imported an audit entry

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prepared_by', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('signed_by', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('signed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('fingerprint', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('people', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('changelog', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('signature', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('public_key', sa.String(), nullable=True))
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('imported_by', sa.String(), nullable=True))
    with op.batch_alter_table('installation_key', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sealed', sa.String(), nullable=True))
    op.create_table('key_slot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key_id', sa.Integer(), nullable=False),
    sa.Column('user_name', sa.String(length=64), nullable=False),
    sa.Column('salt', sa.String(), nullable=False),
    sa.Column('wrapped', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['key_id'], ['installation_key.id'], name=op.f('fk_key_slot_key_id_installation_key')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_key_slot')),
    sa.UniqueConstraint('key_id', 'user_name', name='uq_key_slot_key_user')
    )


def downgrade() -> None:
    op.drop_table('key_slot')
    with op.batch_alter_table('installation_key', schema=None) as batch_op:
        batch_op.drop_column('sealed')
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_column('imported_by')
    with op.batch_alter_table('submission', schema=None) as batch_op:
        for name in ('public_key', 'signature', 'changelog', 'people', 'fingerprint', 'signed_at', 'signed_by', 'prepared_by'):
            batch_op.drop_column(name)
