"""submission.received_at: when the bureau received the current version, kept apart from the last status change

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.add_column(sa.Column('received_at', sa.DateTime(timezone=True), nullable=True))
    # What earlier releases knew: the newest received version, else the log's last receipt of the half.
    op.execute("UPDATE submission SET received_at = (SELECT MAX(v.received_at) FROM submission_version v "
               "WHERE v.unit_code = submission.unit_code AND v.semester = submission.semester)")
    op.execute("UPDATE submission SET received_at = (SELECT MAX(a.at) FROM audit a WHERE a.action = 'status.receive' "
               "AND a.unit_code = submission.unit_code AND a.semester = submission.semester) WHERE received_at IS NULL")


def downgrade() -> None:
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_column('received_at')
