"""The database tables. Values are stored as canonical text (see core.values), never as floats."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import ConfigDict
from sqlalchemy import MetaData, UniqueConstraint
from sqlmodel import Field, SQLModel

# Named constraints, so Alembic's batch migrations on SQLite can find and alter them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata

ROLES = ("clerk", "approver", "reviewer", "admin")


class _Table(SQLModel):
    """Table models are written from checked values and read back from the database; nothing validates through
    them, so pydantic does not build their validators at start-up (a fifth of the models' import)."""

    model_config = ConfigDict(defer_build=True)


def columns_of(table, fields: dict) -> dict:
    """`fields` for a statement built once and run with parameters, refused when a key names no column of `table`:
    run so, SQLAlchemy drops such a key without a word (its `.values()` refuses it), and the column keeps its value."""
    unknown = fields.keys() - table.c.keys()
    if unknown:
        raise KeyError(f"{table.name} has no column {', '.join(sorted(unknown))}")
    return fields


def utcnow() -> datetime:
    return datetime.now(UTC)


def aware(at: datetime) -> datetime:
    """A stored time in UTC: SQLite hands back naive datetimes for what was written in UTC."""
    return at if at.tzinfo else at.replace(tzinfo=UTC)


class UnitRow(_Table, table=True):
    __tablename__ = "unit"
    code: str = Field(primary_key=True, max_length=6)
    name_zh: str
    name_en: str
    kind: str
    parent: str | None = None


class UserRow(_Table, table=True):
    __tablename__ = "user"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True, max_length=64)
    display_name: str = ""
    password_hash: str
    role: str
    unit_code: str | None = Field(default=None, foreign_key="unit.code")
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    failed_logins: int = 0  # consecutive failures; each one past the fifth doubles the wait
    locked_until: datetime | None = None
    must_change_password: bool = False  # a one-time password from the bureau: changed at first login


class DistrictAccount(_Table, table=True):
    """An account the bureau prepares for a district: it travels, hashed, in that district's set-up package,
    whose import creates it there. The one-time password was shown once to the bureau's administrator."""

    __tablename__ = "district_account"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=64)
    display_name: str = ""
    role: str
    unit_code: str = Field(foreign_key="unit.code", index=True)
    password_hash: str
    created_by: str
    created_at: datetime = Field(default_factory=utcnow)


class ValueRow(_Table, table=True):
    __tablename__ = "value"
    __table_args__ = (UniqueConstraint("unit_code", "semester", "code", name="uq_value_unit_semester_code"),)
    id: int | None = Field(default=None, primary_key=True)
    unit_code: str = Field(foreign_key="unit.code", index=True)
    semester: str = Field(max_length=6, index=True)
    code: str = Field(max_length=64)
    value: str | None = None  # None: cleared, kept so an explanation or history survives
    explanation: str | None = None
    updated_by: str
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1


class SubmissionRow(_Table, table=True):
    __tablename__ = "submission"
    __table_args__ = (UniqueConstraint("unit_code", "semester", name="uq_submission_unit_semester"),)
    id: int | None = Field(default=None, primary_key=True)
    unit_code: str = Field(foreign_key="unit.code", index=True)
    semester: str = Field(max_length=6)
    status: str = "draft"  # core.workflow.Status; changed only after store.submissions' _step
    version: int = 0  # how many times it has been signed off
    updated_by: str
    updated_at: datetime = Field(default_factory=utcnow)
    received_at: datetime | None = None  # when the bureau received the current version; no other step moves it
    # The sign-off of the current version, as signed: who prepared and approved it, the form's people,
    # the content fingerprint, the change log since the previous version, and the signature over all of it.
    prepared_by: str | None = None
    signed_by: str | None = None
    signed_at: datetime | None = None
    fingerprint: str | None = None
    people: str | None = None  # JSON
    changelog: str | None = None  # JSON
    signature: str | None = None
    public_key: str | None = None


class AuditRow(_Table, table=True):
    """Append-only: a database trigger refuses UPDATE and DELETE."""

    __tablename__ = "audit"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    user: str
    action: str  # set_value | explain | status | user | init | import | …
    unit_code: str | None = Field(default=None, index=True)
    semester: str | None = None
    code: str | None = None
    old: str | None = None
    new: str | None = None
    reason: str | None = None
    imported_by: str | None = None  # who brought the entry in from a district's submission, if it came that way
    prev_hash: str | None = None  # the hash of the row before: editing or deleting a row breaks the chain
    hash: str | None = None


class AuditAnchor(_Table, table=True):
    """The signed head of the audit chain after each committed batch: how many rows, the last one's id and
    hash, signed with a key kept outside the database. Append-only, like the log."""

    __tablename__ = "audit_anchor"
    id: int | None = Field(default=None, primary_key=True)
    last_id: int
    count: int
    hash: str
    at: datetime = Field(default_factory=utcnow)
    public_key: str  # raw Ed25519, base64: the key of the computer (and OS account) that wrote the batch
    signature: str


class ReceivedHead(_Table, table=True):
    """The signed head of another installation's audit chain, as a file from it carried: the independent copy
    that installation's own files are later checked against."""

    __tablename__ = "received_head"
    id: int | None = Field(default=None, primary_key=True)
    unit_code: str = Field(index=True)  # the sender: a district, or the bureau (the municipality's code)
    kind: str  # submission | review
    semester: str
    version: int
    head: str  # JSON: count, last_id, hash, at, public_key, signature
    file_sha256: str
    received_by: str
    received_at: datetime = Field(default_factory=utcnow)


class QueryThread(_Table, table=True):
    """A reviewer's question about one value; `uid` survives the trip between databases by file."""

    __tablename__ = "query_thread"
    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True, index=True, max_length=32)
    unit_code: str = Field(foreign_key="unit.code", index=True)
    semester: str = Field(max_length=6)
    code: str = Field(max_length=64)
    status: str = "open"  # open | resolved
    version: int = 0  # the submission version it was raised on
    opened_by: str
    opened_at: datetime = Field(default_factory=utcnow)
    resolved_by: str | None = None
    resolved_at: datetime | None = None


class QueryMessage(_Table, table=True):
    __tablename__ = "query_message"
    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True, index=True, max_length=32)
    thread_id: int = Field(foreign_key="query_thread.id", index=True)
    author: str  # the user name
    author_name: str | None = None  # their full name when they wrote (None before 0010: the user name stands)
    side: str  # bureau | district
    text: str
    at: datetime = Field(default_factory=utcnow)
    kind: str = "message"  # message | close | reopen (a step of the thread, by its author at its time)


class SubmissionVersion(_Table, table=True):
    """What each received version held, so a reviewer sees exactly what changed between versions."""

    __tablename__ = "submission_version"
    __table_args__ = (UniqueConstraint("unit_code", "semester", "version", name="uq_submission_version"),)
    id: int | None = Field(default=None, primary_key=True)
    unit_code: str = Field(foreign_key="unit.code", index=True)
    semester: str = Field(max_length=6)
    version: int
    fingerprint: str
    snapshot: str  # JSON: {"values": {code: stored text}, "explanations": {code: text}}
    received_by: str
    received_at: datetime = Field(default_factory=utcnow)
    # "file": received as a signed workbook. "sign-off": signed off on this installation (one installation for both
    # sides, as the demo), kept by its approver at its time so the next version shows what changed; until received.
    origin: str = Field(default="file", sa_column_kwargs={"server_default": "file"})


class InstallationKey(_Table, table=True):
    """This installation's Ed25519 key pair for a unit it reports for; it signs that unit's submissions."""

    __tablename__ = "installation_key"
    id: int | None = Field(default=None, primary_key=True)
    unit_code: str = Field(foreign_key="unit.code", unique=True)
    private_key: str  # PEM, unprotected: only keys made before key slots; emptied once sealed
    sealed: str | None = None  # the PEM encrypted with a random data key, which each KeySlot wraps
    public_key: str  # raw, base64
    fingerprint: str
    created_at: datetime = Field(default_factory=utcnow)


class UnitKey(_Table, table=True):
    """A district's public key as the bureau registered it: only workbooks it signed are taken."""

    __tablename__ = "unit_key"
    id: int | None = Field(default=None, primary_key=True)
    unit_code: str = Field(foreign_key="unit.code", index=True)
    public_key: str = Field(unique=True)  # raw, base64
    fingerprint: str
    registered_by: str
    registered_at: datetime = Field(default_factory=utcnow)


class ResourcePackage(_Table, table=True):
    """A set-up package: catalog, units, targets, deadlines, form and narrative as the bureau issued them.

    The active one replaces the data files shipped with the program; all are kept, so a submission made
    with an older package can be compared with the targets of its time.
    """

    __tablename__ = "resource_package"
    id: int | None = Field(default=None, primary_key=True)
    version: str = Field(unique=True, index=True)
    sha256: str
    content: str  # JSON: {relative path: file text}
    active: bool = False
    source: str  # "edited here" or the imported file's name
    created_by: str
    created_at: datetime = Field(default_factory=utcnow)


class KeySlot(_Table, table=True):
    """The data key of an installation key, wrapped with a key derived from one signer's password."""

    __tablename__ = "key_slot"
    __table_args__ = (UniqueConstraint("key_id", "user_name", name="uq_key_slot_key_user"),)
    id: int | None = Field(default=None, primary_key=True)
    key_id: int = Field(foreign_key="installation_key.id")
    user_name: str = Field(max_length=64)
    salt: str
    wrapped: str
    created_at: datetime = Field(default_factory=utcnow)


class Installation(_Table, table=True):
    """The unit this installation serves (one row): a district's PC enters only that district's data; the bureau's
    (the municipality) reviews. A database without it (the demo, one from before) plays both sides."""

    __tablename__ = "installation"
    id: int | None = Field(default=None, primary_key=True)
    unit_code: str = Field(foreign_key="unit.code")
    set_by: str
    set_at: datetime = Field(default_factory=utcnow)
