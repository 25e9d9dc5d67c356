"""Opening a database: SQLite by default (WAL, foreign keys, busy timeout), or any SQLAlchemy URL.

Migrations run on open; when the schema is already at the newest revision Alembic is not even
imported, which keeps start-up fast.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from desktop.core.text import Text, UserError

# The newest migration. tests/store/test_migrations.py checks it equals Alembic's head.
HEAD_REVISION = "0012"
MIGRATIONS = Path(__file__).with_name("migrations")


def default_database_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("EcoReport", appauthor=False)) / "ecoreport.sqlite3"


def database_url(target: str | os.PathLike | None = None) -> str:
    """`--db`, else ECOREPORT_DB, else the user data directory. A plain path means SQLite."""
    target = target or os.environ.get("ECOREPORT_DB") or default_database_path()
    target = str(target)
    if "://" in target:
        return target
    path = Path(target).expanduser().resolve()
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=FULL")  # a power cut must not lose an edit already reported saved
    cursor.close()


def create_database_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(
                Text(f"无法创建数据库目录 {path.parent}：{exc}", f"Cannot create {path.parent}: {exc}")
            ) from None
        # pysqlite's own transaction handling is switched off so that every transaction begins IMMEDIATE:
        # the writer takes the lock before it reads the audit log's last hash, so two windows or processes
        # writing at once queue up (busy timeout) instead of forking the chain or failing mid-way.
        engine = create_engine(url, connect_args={"timeout": 10, "isolation_level": None})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        event.listen(engine, "handle_error", lambda context: _storage_problem(context, path))
        return engine
    return create_engine(url, pool_pre_ping=True)


class StorageError(UserError):
    """The database file cannot be written (disk full, read-only, gone): the transaction is rolled back."""


# SQLite's words for a file it cannot write; anything else stays the error it is.
_STORAGE = (
    (("database or disk is full", "disk i/o error"), "所在磁盘已满或无法写入", "is on a disk that is full or cannot be written"),
    (("readonly database", "read-only"), "是只读的", "is read-only"),
    (("unable to open database file",), "无法打开", "cannot be opened"),
)


def _storage_problem(context, path: Path) -> None:
    """Raises a StorageError that names the database and says nothing was saved, for SQLite's storage errors."""
    said = str(context.original_exception).lower()
    for words, zh, en in _STORAGE:
        if any(w in said for w in words):
            raise StorageError(Text(f"数据库 {path} {zh}：本次操作没有保存，数据库未改变。请腾出磁盘空间或检查权限后重试",
                                    f"The database {path} {en}: nothing of this was saved and the database is unchanged. "
                                    "Free some disk space or check the permissions, then try again")) from None  # fmt: skip


class Database:
    def __init__(self, url: str):
        self.url = url
        self.engine = create_database_engine(url)
        from sqlalchemy.engine import make_url

        from desktop.store.witness import Witness

        self.witness = Witness(make_url(url).render_as_string(hide_password=True))
        self._sessions = sessionmaker(self.engine, class_=Session, expire_on_commit=False, info={"witness": self.witness})
        event.listen(self._sessions, "after_commit", _record_head)
        event.listen(self._sessions, "after_rollback", lambda session: session.info.pop("audit_head", None))
        self._batch = threading.local()  # the open batch's connection, for the thread that opened it only

    def session(self) -> Session:
        conn = getattr(self._batch, "conn", None)
        if conn is None:
            return self._sessions()
        # Inside a batch a session's commit releases a savepoint; this computer's copy of the head waits for the batch.
        return self._sessions(bind=conn, join_transaction_mode="create_savepoint", info={"batch": True})

    @contextlib.contextmanager
    def batch(self) -> Iterator[Batch]:
        """One transaction for many writes (an import of many files): every session this thread opens inside joins
        it, and nothing is written unless the block ends normally. Each part can be kept or undone alone."""
        if getattr(self._batch, "conn", None) is not None:
            raise RuntimeError("a batch is already open on this thread")
        from desktop.store.audit import PENDING, Pending

        with self.engine.connect() as conn:
            outer = conn.begin()
            self._batch.conn = conn
            conn.info[PENDING] = pending = Pending()
            try:
                yield Batch(conn, pending)
                with self.session() as s:
                    pending.write(s)
                    s.commit()
            except BaseException:
                outer.rollback()
                raise
            finally:
                self._batch.conn = None
                conn.info.pop(PENDING, None)
            outer.commit()
        with self.session() as s:  # the newest committed head, now that it is committed
            from desktop.store.audit import newest_head

            head = newest_head(s)
        if head is not None:
            self.witness.record(head)

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    @property
    def path(self) -> Path | None:
        """The file of a SQLite database, or None for a server."""
        return Path(self.url.removeprefix("sqlite:///")) if self.url.startswith("sqlite:///") else None

    def backup(self, target: Path) -> Path:
        """A consistent copy while the database is in use (SQLite's online backup API)."""
        import sqlite3

        if self.path is None:
            raise UserError(Text("PostgreSQL 数据库请用 pg_dump 备份", "Back up a PostgreSQL database with pg_dump"))
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".partial")
        try:
            source, copy = sqlite3.connect(self.path), sqlite3.connect(tmp)
            try:
                with copy:
                    source.backup(copy)
            finally:
                source.close()
                copy.close()
            tmp.replace(target)
        except (sqlite3.Error, OSError) as exc:
            for leftover in (tmp, *(tmp.with_name(tmp.name + end) for end in ("-journal", "-wal", "-shm"))):
                leftover.unlink(missing_ok=True)  # never half a backup under any name
            raise UserError(Text(f"无法写入备份 {target}：{disk_reason(exc).zh}", f"Cannot write the backup {target}: {disk_reason(exc).en}")) from None
        return target

    def restore(self, backup: Path) -> None:
        """Replaces this database's content with a backup's, after checking the backup is sound."""
        import sqlite3

        if self.path is None:
            raise UserError(Text("PostgreSQL 数据库请用 pg_restore 恢复", "Restore a PostgreSQL database with pg_restore"))
        check_backup(Path(backup))
        self.engine.dispose()
        source, target = sqlite3.connect(backup), sqlite3.connect(self.path)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        self.witness.forget()

    def migrate(self) -> bool:
        """Brings the schema to the newest revision; returns whether anything ran.

        An existing SQLite database is backed up first, beside itself, so a failed upgrade loses nothing.
        """
        current = self.revision()
        if current == HEAD_REVISION:
            return False
        if current is not None and not (current.isdigit() and int(current) < int(HEAD_REVISION)):
            raise UserError(Text(f"此数据库已由较新版本的 EcoReport 升级（数据库结构 {current}，本程序只认识到 {HEAD_REVISION}），"
                                 "本程序不能打开它；数据库未作任何修改。请安装新版本",
                                 f"This database was upgraded by a newer EcoReport (schema {current}; this program knows up to "
                                 f"{HEAD_REVISION}) and cannot be opened by it; nothing was changed. Install the newer version"))  # fmt: skip
        if current is not None and self.path is not None:
            stamp = utc_stamp()
            self.backup(self.path.with_name(f"{self.path.stem}.before-{current}-{stamp}{self.path.suffix}"))
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        return True

    def dispose(self) -> None:
        self.engine.dispose()


class Batch:
    """An open batch: `part()` keeps one part's writes, or undoes them alone when it raises or is refused."""

    def __init__(self, conn, pending):
        self._conn, self._pending = conn, pending

    @contextlib.contextmanager
    def part(self) -> Iterator[Callable[[], None]]:
        """Yields `undo`: call it to drop this part's writes (and its audit rows) and keep the rest of the batch."""
        savepoint, mark = self._conn.begin_nested(), self._pending.mark()
        undone = []
        try:
            yield lambda: undone.append(True)
        except BaseException:
            savepoint.rollback()
            self._pending.undo_to(mark)
            raise
        if undone:
            savepoint.rollback()
            self._pending.undo_to(mark)
        else:
            savepoint.commit()


def _record_head(session) -> None:
    """After a commit that appended to the audit log: this computer's own copy of the new signed head (a batch's
    parts are not committed yet: the batch records its head when it is)."""
    head = session.info.pop("audit_head", None)
    if head is not None and not session.info.get("batch"):
        session.info["witness"].record(head)


def disk_reason(exc: Exception) -> Text:
    """A disk's refusal in words, in both languages."""
    import errno

    said = str(exc).lower()
    code = getattr(exc, "errno", None)
    if code in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) or "full" in said or "disk i/o" in said:
        return Text("磁盘已满", "the disk is full")
    if code == errno.EROFS or "read-only" in said or "readonly" in said:
        return Text("磁盘是只读的", "the disk is read-only")
    if code in (errno.EACCES, errno.EPERM):
        return Text("没有写入权限", "no permission to write there")
    return Text(str(exc), str(exc))


def utc_stamp() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def check_backup(path: Path) -> None:
    """Refuses a file that is not a sound EcoReport database."""
    import sqlite3

    try:
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise UserError(Text("不是有效的数据库备份文件", "Not a database backup"))
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            has_schema = db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'").fetchone()[0] == 1
        finally:
            db.close()
    except (OSError, sqlite3.DatabaseError) as exc:
        raise UserError(Text(f"无法读取备份文件：{exc}", f"Cannot read the backup: {exc}")) from None
    if not ok or not has_schema:
        raise UserError(Text("备份文件已损坏或不是本系统的数据库", "The backup is damaged or not an EcoReport database"))
