"""Faults of the disk under import, export and backup: a full disk and a read-only database. Each gives a clear
message and a failing exit code, with the database and the source file unchanged and no partial file left.

The disk is a small tmpfs mounted by the test where it may (root, as CI runs); otherwise a file-size limit on
the command's process stands in for a full disk (the read-only case then needs the mount and is skipped)."""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys

import pytest

from desktop.core.semester import Semester

H1 = Semester(2024, 1)
FAULTS = []  # (case, how) of each fault injected, for the note


class Disk:
    """A folder on a small file system of its own, which can be filled and made read-only."""

    def __init__(self, path, mounted: bool):
        self.path, self.mounted = path, mounted

    def fill(self, leave: int = 0) -> None:
        """Takes all the free space but `leave` bytes."""
        free = shutil.disk_usage(self.path).free - leave
        with open(self.path / "filler", "wb") as fh:
            while free > 0:
                chunk = min(free, 1 << 20)
                try:
                    fh.write(b"\0" * chunk)
                    fh.flush()
                except OSError:
                    break
                free -= chunk

    def read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True)


@pytest.fixture
def disk(tmp_path):
    path = tmp_path / "disk"
    path.mkdir()
    size = 24 << 20  # the demo database and its WAL fit, with room for an import
    may_mount = os.geteuid() == 0 and not os.environ.get("ECOREPORT_TEST_NO_MOUNT")  # the knob tries the fallback here
    mounted = may_mount and subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                                                    capture_output=True).returncode == 0  # fmt: skip
    yield Disk(path, mounted)
    if mounted:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def run(db, *args, fsize: int | None = None):
    """The command line; `fsize` limits the size of any file it writes (a full disk, where nothing is mounted)."""

    def limit():
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    env = dict(os.environ, ECOREPORT_PASSWORD="ecoreport")
    return subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *args], capture_output=True, text=True, env=env,
                          preexec_fn=limit, timeout=180)  # fmt: skip


def content(db) -> tuple:
    """What the database holds, read with the sqlite3 module: values, audit entries, statuses."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return tuple(tuple(con.execute(q).fetchall()) for q in ("SELECT * FROM value ORDER BY id", "SELECT count(*), max(id) FROM audit",
                                                                  "SELECT * FROM submission ORDER BY id"))  # fmt: skip
    finally:
        con.close()


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def template(demo_copy, tmp_path):
    """A filled template of 万州区 with changed values: a real import that would write."""
    from openpyxl import load_workbook

    path = tmp_path / "filled.xlsx"
    assert run(demo_copy, "template", "500101", "2024H1", "-o", str(path), "--user", "wanzhou").returncode == 0
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == 38.1:  # PM2.5
                cell.value = 36.4
    wb.save(path)
    return path


def test_an_import_into_a_database_on_a_full_disk(disk, demo_copy, template):
    db = disk.path / "district.sqlite3"
    shutil.copy(demo_copy, db)
    before, source = content(db), digest(template)
    if disk.mounted:
        disk.fill(leave=0)
        result = run(db, "import", str(template), "--user", "wanzhou")
        FAULTS.append(("import", "full tmpfs"))
    else:
        result = run(db, "import", str(template), "--user", "wanzhou", fsize=4096)  # the write-ahead log cannot grow
        FAULTS.append(("import", "file-size limit"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "磁盘已满或无法写入" in result.stdout + result.stderr and "数据库未改变" in result.stdout + result.stderr
    if disk.mounted:
        (disk.path / "filler").unlink()
    assert content(db) == before and digest(template) == source


def test_an_export_to_a_full_disk_leaves_no_partial_file(disk, demo_copy):
    target = disk.path / "万州区.xlsx"
    before = content(demo_copy)
    if disk.mounted:
        disk.fill(leave=4096)
        result = run(demo_copy, "export", "500101", "2024H1", "-o", str(target), "--user", "wanzhou")
        FAULTS.append(("export", "full tmpfs"))
    else:
        result = run(demo_copy, "export", "500101", "2024H1", "-o", str(target), "--user", "wanzhou", fsize=4096)
        FAULTS.append(("export", "file-size limit"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    # Under a file-size limit the database's own log may be what cannot grow first; either is said plainly.
    assert "磁盘已满" in result.stderr and ("没有留下不完整的文件" in result.stderr or not disk.mounted), result.stderr
    assert sorted(p.name for p in disk.path.iterdir() if p.name != "filler") == []
    assert content(demo_copy) == before


def test_a_backup_to_a_full_disk_leaves_no_partial_backup(disk, demo_copy):
    target = disk.path / "backup.sqlite3"
    before = content(demo_copy)
    if disk.mounted:
        disk.fill(leave=64 << 10)
        result = run(demo_copy, "backup", "-o", str(target), "--user", "admin")
        FAULTS.append(("backup", "full tmpfs"))
    else:
        result = run(demo_copy, "backup", "-o", str(target), "--user", "admin", fsize=64 << 10)
        FAULTS.append(("backup", "file-size limit"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "无法写入备份" in result.stderr and "磁盘已满" in result.stderr
    assert sorted(p.name for p in disk.path.iterdir() if p.name != "filler") == []
    assert content(demo_copy) == before


def test_a_read_only_database_refuses_imports_and_edits_and_says_so(disk, demo_copy, template):
    if not disk.mounted:
        pytest.skip("a read-only file system needs a mount (root)")
    db = disk.path / "district.sqlite3"
    shutil.copy(demo_copy, db)
    run(db, "show", "500101", "2024H1", "--user", "wanzhou")  # opened once: the WAL files exist, as on a used PC
    before, source = content(db), digest(template)
    disk.read_only()
    for args in (("import", str(template)), ("set", "500101", "2024H1", "air.pm25=36.4")):
        result = run(db, *args, "--user", "wanzhou")
        FAULTS.append((args[0], "read-only mount"))
        assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
        said = result.stdout + result.stderr
        assert "只读" in said or "无法打开" in said, said
    assert content(db) == before and digest(template) == source


def test_a_failing_read_of_a_half_says_what_is_wrong(demo_copy, monkeypatch):
    """The city's figures are read as the driver's plain rows; a driver error there is not a bare traceback: the read
    goes through SQLAlchemy again, whose handler names the database and the disk (StorageError)."""
    from sqlalchemy import event

    from desktop.context import open_context
    from desktop.store import service
    from desktop.store.database import StorageError

    ctx = open_context(str(demo_copy))
    city = ctx.units.municipality

    class Unreadable:
        def execute(self, *_):
            raise sqlite3.OperationalError("disk I/O error")

        def close(self):
            pass

    monkeypatch.setattr(service, "_cursor", lambda conn: Unreadable())
    assert ctx.store.unit_half(city, H1).raw  # a passing failure: read again, the same figures
    event.listen(ctx.store.db.engine, "before_cursor_execute", lambda *a: (_ for _ in ()).throw(sqlite3.OperationalError("disk I/O error")))
    with pytest.raises(StorageError, match="disk that is full or cannot be written"):
        ctx.store.unit_half(city, H1)
    ctx.store.db.dispose()
