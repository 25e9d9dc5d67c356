"""trust

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('installation_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(), nullable=False),
    sa.Column('private_key', sa.String(), nullable=False),
    sa.Column('public_key', sa.String(), nullable=False),
    sa.Column('fingerprint', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['unit_code'], ['unit.code'], name=op.f('fk_installation_key_unit_code_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_installation_key')),
    sa.UniqueConstraint('unit_code', name=op.f('uq_installation_key_unit_code'))
    )
    op.create_table('unit_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_code', sa.String(), nullable=False),
    sa.Column('public_key', sa.String(), nullable=False),
    sa.Column('fingerprint', sa.String(), nullable=False),
    sa.Column('registered_by', sa.String(), nullable=False),
    sa.Column('registered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['unit_code'], ['unit.code'], name=op.f('fk_unit_key_unit_code_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_key')),
    sa.UniqueConstraint('public_key', name=op.f('uq_unit_key_public_key'))
    )
    with op.batch_alter_table('unit_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_key_unit_code'), ['unit_code'], unique=False)

    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prev_hash', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('hash', sa.String(), nullable=True))

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True))

    _chain_existing_audit_rows()


def _chain_existing_audit_rows() -> None:
    """Hashes the rows written before the chain existed, in order, with the append-only guard lifted meanwhile."""
    from desktop.store.audit import row_hash

    bind = op.get_bind()
    dialect = bind.dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_no_update")
    elif dialect == "postgresql":
        op.execute("ALTER TABLE audit DISABLE TRIGGER audit_append_only")
    # The table as it is at this revision (later revisions add columns the model knows of).
    table = sa.table("audit", sa.column("at", sa.DateTime(timezone=True)),
                     *(sa.column(name) for name in ("id", "user", "action", "unit_code", "semester", "code", "old", "new",
                                                    "reason", "prev_hash", "hash")))  # fmt: skip
    previous = None
    for row in bind.execute(sa.select(table).order_by(table.c.id)).mappings().all():
        digest = row_hash(previous, dict(row))
        bind.execute(table.update().where(table.c.id == row["id"]).values(prev_hash=previous, hash=digest))
        previous = digest
    if dialect == "sqlite":
        op.execute("CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit "
                   "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
        op.execute("CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit "
                   "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
    elif dialect == "postgresql":
        op.execute("ALTER TABLE audit ENABLE TRIGGER audit_append_only")



def downgrade() -> None:
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_logins')

    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')

    with op.batch_alter_table('unit_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_key_unit_code'))

    op.drop_table('unit_key')
    op.drop_table('installation_key')
