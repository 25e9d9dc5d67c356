"""User administration: only administrators manage accounts; the last one stays; disabled users stay out."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from desktop.core.text import UserError
from desktop.store import users


def test_rules_for_accounts(store, units):
    with store.session() as s:
        with pytest.raises(UserError, match="Only an administrator"):
            users.create(s, units, "clerk", "mallory", "secret-pw", "admin")
        users.create(s, units, "admin", "fuling", "secret-pw", "clerk", "500102")
        s.commit()
        with pytest.raises(UserError, match="last administrator"):
            users.set_active(s, units, "admin", "admin", False)
        with pytest.raises(UserError, match="must stay an administrator"):
            users.set_role(s, units, "admin", "admin", "clerk", "500101")
        users.set_active(s, units, "admin", "fuling", False)
        s.commit()
        with pytest.raises(UserError, match="disabled"):
            users.authenticate(s, "fuling", "secret-pw")
        users.set_active(s, units, "admin", "fuling", True)
        users.set_password(s, "admin", "fuling", "newsecret")
        s.commit()
        assert users.authenticate(s, "fuling", "newsecret").name == "fuling"
        with pytest.raises(UserError, match="Only an administrator"):
            users.set_password(s, "clerk", "fuling", "hijacked-pw")
        users.set_password(s, "clerk", "clerk", "mine12345")  # everyone may change their own
        s.commit()
    actions = [e.action for e in store.audit_entries() if e.action.startswith("user.")]
    assert {"user.create", "user.disable", "user.enable", "user.password"} <= set(actions)


def test_users_on_the_command_line(demo_copy):
    env = dict(os.environ, ECOREPORT_NEW_PASSWORD="pass12345", ECOREPORT_PASSWORD="ecoreport")
    run = lambda *a: subprocess.run([sys.executable, "-m", "desktop", "--db", str(demo_copy), *a,  # noqa: E731
                                     *([] if "--user" in a else ["--user", "admin"])], capture_output=True, text=True, env=env)  # fmt: skip
    assert run("user", "add", "fuling", "--role", "clerk", "--unit", "涪陵区", "--display", "涪陵区填报员").returncode == 0
    listed = {u["name"]: u for u in json.loads(run("user", "list", "--json").stdout)}
    assert listed["fuling"]["unit"] == "500102" and listed["fuling"]["active"]
    shown = next(line for line in run("user", "list").stdout.splitlines() if line.startswith("fuling "))
    assert "填报人" in shown and "clerk" not in shown  # the role in the user's language, as the windows say it
    assert run("user", "disable", "fuling").returncode == 0
    assert not {u["name"]: u for u in json.loads(run("user", "list", "--json").stdout)}["fuling"]["active"]
    refused = run("user", "disable", "admin")
    assert refused.returncode == 1 and "最后一个管理员" in refused.stderr
    assert run("user", "add", "x", "--role", "admin", "--user", "wanzhou").returncode == 1


def test_the_users_screen(qapp, qtbot, demo_copy, resources, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.context import open_context
    from desktop.ui.dialogs.users import NewUserDialog, UsersDialog

    ctx = open_context(str(demo_copy), resources=resources)
    dialog = UsersDialog(ctx, "admin")
    qtbot.addWidget(dialog)
    qtmodel_rows = dialog.model.rowCount()
    new = NewUserDialog(ctx.units, "zh")
    new.name.setText("fuling")
    new.password.setText("pass12345")
    new.role.setCurrentIndex(new.role.findData("clerk"))
    new.unit.setCurrentIndex(new.unit.findData("500102"))
    new.setResult(NewUserDialog.DialogCode.Accepted)
    assert dialog.add(new)
    assert dialog.model.rowCount() == qtmodel_rows + 1
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warnings.append(a[2])))
    dialog.table.selectRow(next(i for i, u in enumerate(dialog.model.rows()) if u.name == "admin"))
    assert not dialog.toggle() and "最后一个管理员" in warnings[0]
    dialog.table.selectRow(next(i for i, u in enumerate(dialog.model.rows()) if u.name == "fuling"))
    assert dialog.toggle() and not next(u for u in dialog.model.rows() if u.name == "fuling").active
    ctx.store.db.dispose()
