"""District accounts prepared at the bureau travel hashed in the district's set-up package and are
changed at first login."""

from __future__ import annotations

import re
import zipfile

import pytest
from conftest import ecoreport


def cli(db, *args, password="bureau-pw", new=None, check=0):
    return ecoreport(db, *args, password=password, new=new, check=check)


@pytest.fixture
def prepared(tmp_path):
    bureau, district = tmp_path / "bureau" / "b.sqlite3", tmp_path / "district" / "d.sqlite3"
    bureau.parent.mkdir()
    district.parent.mkdir()
    cli(bureau, "init")
    cli(district, "init", password="district-pw")
    out = cli(bureau, "account", "add", "wanzhou", "--role", "clerk", "--unit", "500101", "--display", "张三").stdout
    one_time = re.search(r"一次性密码：(\S+)", out).group(1)
    cli(bureau, "account", "add", "wanzhou_approver", "--role", "approver", "--unit", "500101")
    cli(bureau, "account", "add", "yuzhong", "--role", "clerk", "--unit", "500103")
    cli(bureau, "package", "export", "--unit", "500101", "-o", str(tmp_path / "wanzhou.ecopkg"))
    return {"bureau": bureau, "district": district, "password": one_time, "package": tmp_path / "wanzhou.ecopkg"}


def test_the_package_carries_that_districts_accounts_hashed_only(prepared):
    with zipfile.ZipFile(prepared["package"]) as z:
        text = z.read("resources/accounts.toml").decode("utf-8")
    assert "wanzhou" in text and "wanzhou_approver" in text and "yuzhong" not in text
    assert prepared["password"] not in text and "$argon2" in text
    assert prepared["password"] not in prepared["package"].read_bytes().decode("latin-1")


def test_import_creates_the_accounts_which_must_change_their_password_first(prepared):
    district = prepared["district"]
    preview = cli(district, "package", "import", str(prepared["package"]), "--dry-run", password="district-pw").stdout
    assert "新账户 wanzhou（填报人，万州区）" in preview
    bureau_print = cli(prepared["bureau"], "key", "list").stdout.split("指纹 ")[1].split()[0]
    assert f"签名公钥指纹 {bureau_print}（首次导入，请与市局电话核对）" in preview  # before anything is trusted
    assert "本机密钥" not in cli(district, "key", "list", password="district-pw").stdout  # no bureau key made here
    out = cli(district, "package", "import", str(prepared["package"]), password="district-pw").stdout
    assert "已创建账户：wanzhou、wanzhou_approver" in out and "首次登录须修改密码" in out
    one_time = prepared["password"]
    refused = cli(district, "show", "500101", "2024H1", "--user", "wanzhou", password=one_time, check=1)
    assert "须先修改初始密码" in refused.stderr
    same = cli(district, "user", "passwd", "wanzhou", "--user", "wanzhou", password=one_time, new=one_time, check=1)
    assert "不能与原密码相同" in same.stderr
    cli(district, "user", "passwd", "wanzhou", "--user", "wanzhou", password=one_time, new="my-own-pw")
    cli(district, "show", "500101", "2024H1", "--user", "wanzhou", password="my-own-pw")
    cli(district, "show", "500101", "2024H1", "--user", "wanzhou", password=one_time, check=1)
    again = cli(district, "package", "import", str(prepared["package"]), password="district-pw").stdout
    assert "已有账户，未改动：wanzhou、wanzhou_approver" in again  # a second import resets nobody's password
    assert "已有账户 wanzhou（填报人，万州区），不改动" in again and "新账户" not in again and "电话核对" not in again
    assert "设置与本机现用的相同，没有变化" in again and "将带来以下变化" not in again
    cli(district, "show", "500101", "2024H1", "--user", "wanzhou", password="my-own-pw")
    audit = cli(district, "audit", "--json", password="district-pw", check=None).stdout
    assert "user.create" in audit


def test_only_an_administrator_prepares_accounts_and_a_tampered_account_is_refused(prepared, tmp_path):
    bureau = prepared["bureau"]
    cli(bureau, "user", "add", "reviewer", "--role", "reviewer", new="reviewer-pw")
    refused = cli(bureau, "account", "add", "x", "--role", "clerk", "--unit", "500102", "--user", "reviewer",
                  password="reviewer-pw", check=1)  # fmt: skip
    assert "只有管理员" in refused.stderr
    assert cli(bureau, "account", "add", "city", "--role", "clerk", "--unit", "500000", check=1).stderr
    # Someone swaps in a hash of a password they know: the bureau's signature no longer matches.
    forged = tmp_path / "forged.ecopkg"
    with zipfile.ZipFile(prepared["package"]) as src, zipfile.ZipFile(forged, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "resources/accounts.toml":
                data = re.sub(rb'password_hash = "[^"]+"', b'password_hash = "$argon2id$v=19$m=65536,t=3,p=4$AAAA$BBBB"', data)
            dst.writestr(item, data)
    district = prepared["district"]
    refused = cli(district, "package", "import", str(forged), password="district-pw", check=1)
    assert "被修改" in refused.stderr  # the content no longer matches what the bureau signed
    assert "wanzhou" not in cli(district, "user", "list", password="district-pw").stdout


def test_first_login_in_the_gui_sets_the_password(prepared, qapp, qtbot, monkeypatch):
    import argparse

    from PySide6.QtCore import QTimer

    from desktop.ui.app import GuiApp
    from desktop.ui.dialogs.change_password import ChangePasswordDialog

    district = prepared["district"]
    cli(district, "package", "import", str(prepared["package"]), password="district-pw")
    monkeypatch.setenv("XDG_CACHE_HOME", str(district.parent / "cache"))
    gui = GuiApp(argparse.Namespace(db=str(district), lang="zh", lang_given=True, startup_benchmark=None), qapp)
    user = gui.context().users.sign_in("wanzhou", prepared["password"])
    assert user.must_change_password
    dialog = ChangePasswordDialog(user.name)
    qtbot.addWidget(dialog)
    one_time = prepared["password"]
    steps = [("new-pass-1", "new-pass-2"), (one_time, one_time), ("new-pass-1", "new-pass-1")]
    seen = []

    def answer():  # types into the dialog each time it is shown, as the user would
        if not steps:
            dialog.reject()  # nothing left to type: a hang would hide the failure
            return
        first, second = steps.pop(0)
        seen.append(dialog.message.text())
        dialog.first.clear()
        dialog.second.clear()
        qtbot.keyClicks(dialog.first, first)
        qtbot.keyClicks(dialog.second, second)
        QTimer.singleShot(50, answer)  # the next time it is shown (or a reject, if nothing is left)
        dialog._check()

    QTimer.singleShot(50, answer)
    assert gui.change_password(user, one_time, dialog)
    assert seen[1] == "两次输入的密码不一致。" or "differ" in seen[1]
    assert "不能与原密码相同" in seen[2]
    signed_in = gui.context().users.sign_in("wanzhou", "new-pass-1")
    assert not signed_in.must_change_password
    from desktop.ui import i18n

    i18n.remove(qapp, gui.translators)
    gui.context().store.db.dispose()


def test_the_bureau_prepares_in_the_gui_and_the_district_is_guided_to_import(qapp, qtbot, tmp_path, monkeypatch):
    import argparse

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktop.ui import i18n
    from desktop.ui.app import GuiApp
    from desktop.ui.dialogs.district_accounts import DistrictAccountsDialog, PrepareAccountDialog
    from desktop.ui.dialogs.setup import SetupDialog

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: told.append(a[2])))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: told.append(a[2])))
    bureau, district = tmp_path / "b.sqlite3", tmp_path / "d.sqlite3"
    cli(bureau, "init")
    cli(district, "init", password="district-pw")
    args = lambda db: argparse.Namespace(db=str(db), lang="zh", lang_given=True, startup_benchmark=None)  # noqa: E731
    at_bureau = GuiApp(args(bureau), qapp)
    admin = at_bureau.context().users.find("admin")
    steps = at_bureau.getting_started(admin, "500000")
    qtbot.addWidget(steps)
    assert len(steps.buttons) == 4  # reviewers, district accounts, targets, packages
    accounts = DistrictAccountsDialog(at_bureau.context(), "admin")
    qtbot.addWidget(accounts)
    form = PrepareAccountDialog(at_bureau.context().units, "zh", accounts)
    qtbot.keyClicks(form.name, "wanzhou")
    form.display.setText("张三")  # typed through an input method (qtbot types ASCII only)
    form.unit.setCurrentIndex(form.unit.findData("500101"))
    form.setResult(PrepareAccountDialog.DialogCode.Accepted)
    one_time = accounts.prepare(form)
    assert one_time in told[-1] and accounts.model.rowCount() == 1
    accounts.table.selectRow(0)
    package = accounts.export(str(tmp_path / "wanzhou.ecopkg"))
    assert "市局公钥指纹" in told[-1]
    at_bureau.context().store.db.dispose()
    i18n.remove(qapp, at_bureau.translators)

    at_district = GuiApp(args(district), qapp)
    admin = at_district.context().users.find("admin")
    guide = at_district.getting_started(admin, "500101")
    qtbot.addWidget(guide)
    assert len(guide.buttons) == 3 and "万州区" in guide.findChildren(type(guide.marks[0]))[0].text()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(package), "")))
    monkeypatch.setattr(SetupDialog, "_confirm", lambda self, version, lines: any("wanzhou" in line for line in lines))
    guide.buttons[0].click()
    assert guide.marks[0].text() == "✓"
    assert any("已创建账户：wanzhou" in t for t in told)
    user = at_district.context().users.sign_in("wanzhou", one_time)
    assert user.must_change_password and user.display_name == "张三" and user.unit_code == "500101"
    at_district.context().store.db.dispose()
    i18n.remove(qapp, at_district.translators)
