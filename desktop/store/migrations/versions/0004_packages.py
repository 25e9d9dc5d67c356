"""packages

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('resource_package',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('content', sa.String(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('created_by', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resource_package'))
    )
    with op.batch_alter_table('resource_package', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resource_package_version'), ['version'], unique=True)



def downgrade() -> None:
    with op.batch_alter_table('resource_package', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resource_package_version'))

    op.drop_table('resource_package')
