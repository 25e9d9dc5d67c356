"""Opening a database: SQLite by default (WAL, foreign keys, busy timeout), or any SQLAlchemy URL.

Migrations run on open; when the schema is already at the newest revision Alembic is not even
imported, which keeps start-up fast.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from desktop.core.text import Text, UserError

# The newest migration. tests/store/test_migrations.py checks it equals Alembic's head.
HEAD_REVISION = "0003"
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
        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    def __init__(self, url: str):
        self.url = url
        self.engine = create_database_engine(url)
        self._sessions = sessionmaker(self.engine, class_=Session, expire_on_commit=False)

    def session(self) -> Session:
        return self._sessions()

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def migrate(self) -> bool:
        """Brings the schema to the newest revision; returns whether anything ran."""
        if self.revision() == HEAD_REVISION:
            return False
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
