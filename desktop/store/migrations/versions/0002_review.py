"""review: queries and submission versions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('query_thread',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('unit_code', sa.String(), nullable=False),
    sa.Column('semester', sa.String(length=6), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('opened_by', sa.String(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_by', sa.String(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['unit_code'], ['unit.code'], name=op.f('fk_query_thread_unit_code_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_query_thread'))
    )
    with op.batch_alter_table('query_thread', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_query_thread_uid'), ['uid'], unique=True)
        batch_op.create_index(batch_op.f('ix_query_thread_unit_code'), ['unit_code'], unique=False)

    op.create_table('submission_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(), nullable=False),
    sa.Column('semester', sa.String(length=6), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.String(), nullable=False),
    sa.Column('snapshot', sa.String(), nullable=False),
    sa.Column('received_by', sa.String(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['unit_code'], ['unit.code'], name=op.f('fk_submission_version_unit_code_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission_version')),
    sa.UniqueConstraint('unit_code', 'semester', 'version', name='uq_submission_version')
    )
    with op.batch_alter_table('submission_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_version_unit_code'), ['unit_code'], unique=False)

    op.create_table('query_message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('author', sa.String(), nullable=False),
    sa.Column('side', sa.String(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['thread_id'], ['query_thread.id'], name=op.f('fk_query_message_thread_id_query_thread')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_query_message'))
    )
    with op.batch_alter_table('query_message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_query_message_thread_id'), ['thread_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_query_message_uid'), ['uid'], unique=True)



def downgrade() -> None:
    with op.batch_alter_table('query_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_query_message_uid'))
        batch_op.drop_index(batch_op.f('ix_query_message_thread_id'))

    op.drop_table('query_message')
    with op.batch_alter_table('submission_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_version_unit_code'))

    op.drop_table('submission_version')
    with op.batch_alter_table('query_thread', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_query_thread_unit_code'))
        batch_op.drop_index(batch_op.f('ix_query_thread_uid'))

    op.drop_table('query_thread')
