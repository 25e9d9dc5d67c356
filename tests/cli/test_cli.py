"""The command-line contract, through a real subprocess as other tools use it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run(*args, db=None, env=None, check=None, user="admin"):
    """`user`: who signs in (demo password, unless env says otherwise); None runs without --user."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("ECOREPORT_DB", "ECOREPORT_PASSWORD")}
    full_env["ECOREPORT_PASSWORD"] = "ecoreport"
    full_env.update(env or {})
    signed = ["--user", user] if user and "--user" not in args and db else []
    command = [sys.executable, "-m", "desktop"] + (["--db", str(db)] if db else []) + list(args) + signed
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=full_env, cwd=REPO, timeout=120)
    if check is not None:
        assert result.returncode == check, result.stderr + result.stdout
    return result


def test_help_and_version():
    assert "init" in run("--help", check=0).stdout
    assert "EcoReport" in run("--version", check=0).stdout


def test_the_gui_starts_in_a_subprocess_and_paints_its_windows(demo_copy):
    offscreen = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(demo_copy.parent / "config")}
    login = run("--startup-benchmark", "login", db=demo_copy, env=offscreen, check=0).stdout
    assert "login window first paint" in login
    main = run("--startup-benchmark", db=demo_copy, env=offscreen, check=0).stdout
    assert "main window first paint" in main and "MiB" in main


def test_the_first_screen_asks_for_no_bold_face(demo_copy):
    """Nothing on the first screen is bold, yet Qt measured every table header in bold, which loaded the bold face of
    the system's CJK font (3–4 MiB resident) for Chinese labels never drawn bold. Qt's font matching log says which
    weights were asked for."""
    offscreen = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(demo_copy.parent / "config"),
                 "QT_LOGGING_RULES": "qt.text.font.match=true"}  # fmt: skip
    main = run("--startup-benchmark", db=demo_copy, env=offscreen, check=0)
    assert "main window first paint" in main.stdout
    assert "weight: 400" in main.stderr  # the log is there
    assert "weight: 700" not in main.stderr


def test_the_city_corrects_its_own_measurement_on_the_command_line(demo_copy):
    """Every correction was refused as changed by admin (the demo's own entry); --expect compares with what is stored."""
    for typed in ("36.5", "36.4"):
        run("set", "500000", "2024H1", f"air.pm25={typed}", db=demo_copy, user="city", check=0)
    run("set", "500000", "2024H1", "air.pm25=36.3", "--expect", "air.pm25=36.4", db=demo_copy, user="city", check=0)
    shown = json.loads(run("show", "500000", "2024H1", "--json", db=demo_copy, user="city", check=0).stdout)
    assert shown["values"]["air.pm25"] == 36.3


def test_a_value_changed_since_it_was_read_is_refused_naming_who_and_what_was_typed(demo_copy):
    """--expect on an old reading: nothing stored, and the message says who changed it (by name, as the forms do),
    to what, and the figure typed, so that it is not lost from sight."""
    run("set", "500000", "2024H1", "air.pm25=36.5", db=demo_copy, user="city", check=0)
    refused = run("set", "500000", "2024H1", "air.pm25=36.1", "--expect", "air.pm25=36.4", db=demo_copy, user="city", check=1)
    assert "已被 市局填报员（city） 改为 36.5，不是您依据的 36.4；您输入的“36.1”未保存" in refused.stderr
    shown = json.loads(run("show", "500000", "2024H1", "--json", db=demo_copy, user="city", check=0).stdout)
    assert shown["values"]["air.pm25"] == 36.5


def test_a_report_without_the_citys_air_figures_says_what_it_leaves_out(demo_copy, tmp_path):
    from desktop.context import open_context

    ctx = open_context(str(demo_copy))
    own = [c for c in ctx.catalog.indicators if c.startswith("air.") and ctx.catalog.city_measured(c) and not ctx.catalog[c].derived]
    ctx.store.db.dispose()
    run("set", "500000", "2024H1", *(f"{code}=" for code in own), db=demo_copy, user="city", check=0)
    made = run("report", "2024H1", "-o", str(tmp_path / "r.docx"), db=demo_copy, check=0)
    assert "注意：报告中没有以下内容，因为缺少数据（尚未填报，或所计区县尚未审核通过）：大气环境（缺" in made.stderr and (tmp_path / "r.docx").exists()


def test_a_mistyped_database_path_is_refused_not_made(tmp_path):
    """--db pointing nowhere made a new empty database, and the sign-in then said 用户名或密码错误."""
    typo = tmp_path / "demo.sqlit3"
    refused = run("show", "500101", "2024H1", db=typo, check=2)
    assert f"找不到数据库文件 {typo}" in refused.stderr and "ecoreport init" in refused.stderr
    assert not typo.exists()


def leftovers(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.glob(db.name + "-*"))


def test_a_command_or_the_gui_that_ends_leaves_the_database_one_closed_file(demo_copy):
    """A clerk copies the database file onto a stick once the program has ended: nothing of it may still sit in a
    write-ahead log beside it (the program's exit no longer tidies up by chance, so each front end closes its own)."""
    run("set", "500101", "2024H1", "insp.complaints_closed=8", "--user", "wanzhou", db=demo_copy, check=0)
    assert leftovers(demo_copy) == []
    run("set", "500101", "2024H1", "insp.complaints_closed=-1", "--user", "wanzhou", db=demo_copy, check=1)  # refused
    assert leftovers(demo_copy) == []
    offscreen = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(demo_copy.parent / "config")}
    run("--startup-benchmark", db=demo_copy, env=offscreen, check=0)
    assert leftovers(demo_copy) == []
    import sqlite3

    alone = sqlite3.connect(f"file:{demo_copy}?mode=ro", uri=True)  # the file by itself, as a copy on a stick holds it
    stored = alone.execute("SELECT value FROM value WHERE unit_code = '500101' AND semester = '2024H1' "
                           "AND code = 'insp.complaints_closed'").fetchone()  # fmt: skip
    alone.close()
    assert stored == ("8",)


def test_init_creates_a_database_and_an_admin_with_a_generated_password(tmp_path):
    db = tmp_path / "new.sqlite3"
    out = run("init", db=db, check=0).stdout
    assert db.exists() and "admin" in out and "初始密码" in out
    again = run("init", db=db, check=0).stdout  # upgrading an existing database is harmless
    assert "初始密码" not in again


def test_ecoreport_db_environment_variable_chooses_the_database(tmp_path):
    db = tmp_path / "env.sqlite3"
    run("init", "--admin-password", "pw123456", env={"ECOREPORT_DB": str(db)}, check=0)
    assert db.exists()


def accept_everything(db) -> None:
    from conftest import accept_all

    from desktop.context import open_context
    from desktop.core.semester import Semester

    ctx = open_context(str(db))
    accept_all(ctx.store, Semester(2024, 1))
    ctx.store.db.dispose()


def test_city_figures_count_only_accepted_districts_until_told_otherwise(demo_copy):
    data = json.loads(run("show", "500000", "2024H1", "--json", db=demo_copy, check=0).stdout)
    assert data["coverage"] == {"include": "accepted", "expected": 38, "accepted": 5, "counted": 5, "final": False,
                                "text": "初步数据：38个区县中已审核通过5个"}  # fmt: skip
    missing = {m["unit"]: m["status"] for m in data["missing_units"]}
    assert len(missing) == 33 and missing["500101"] == "draft" and missing["500109"] == "submitted"
    received = json.loads(run("consolidate", "2024H1", "--json", "--include", "received", db=demo_copy, check=0).stdout)
    assert received["coverage"]["counted"] == 35 and not received["coverage"]["final"]
    assert {m["unit"] for m in received["missing_units"]} == {"500101", "500102", "500103"}
    text = run("show", "500000", "2024H1", db=demo_copy, check=0).stdout
    assert "初步数据：38个区县中已审核通过5个" in text and "万州区（未报送）" in text
    assert text.splitlines()[0] == "500000 重庆市 · 2024年上半年"  # the city submits nothing: no 状态: 未报送 of its own
    report = run("report", "2024H1", db=demo_copy, check=0).stdout
    assert report.startswith("【初步数据：38个区县中已审核通过5个】")
    # A sum of five districts is written up as theirs, and not set against the city's target; the city's own
    # monitoring stays 全市 and is compared with last year.
    assert "已审核通过的5个区县开展土壤污染状况调查地块" in report and "全市开展土壤" not in report
    # A clause whose words name no subject says whom its sum covers after it, so that no clause quoted alone reads as
    # the whole city's.
    assert "入河排污口整治完成率达94%（已审核通过的5个区县）" in report and "长江干流重庆段水质保持为Ⅱ类；" in report
    assert "国家考核目标" not in report and "全市空气质量优良天数163天" in report and "同比增加6天" in report
    run("consolidate", "2024H1", "-o", str(demo_copy.parent / "city.xlsx"), db=demo_copy, check=0)
    from python_calamine import CalamineWorkbook

    summary = CalamineWorkbook.from_path(str(demo_copy.parent / "city.xlsx")).get_sheet_by_name("全市汇总").to_python()
    assert summary[0][0].endswith("（初步）") and summary[1][0] == "初步数据：38个区县中已审核通过5个"


def test_accepting_on_the_command_line_says_what_remains_unexplained(demo_copy):
    """One at a time the reviewer may accept with a warning unexplained, as in the window; the command says so."""
    import sqlite3

    con = sqlite3.connect(demo_copy)  # 綦江区's half as received before its explanation was required (the demo explains)
    con.execute("UPDATE value SET explanation = NULL WHERE unit_code = '500110' AND semester = '2024H1' AND code = 'air.pm25'")
    con.commit()
    con.close()
    done = run("review", "accept", "500110", "2024H1", db=demo_copy, user="reviewer", check=0)  # 綦江区: one unexplained
    lines = done.stdout.splitlines()
    assert lines[0] == "已审核通过綦江区2024年上半年的报送，计入全市数据；请导出审核意见文件发给区县（ecoreport review export）" and lines[1] == "注意：通过时仍有1个未说明的警告："
    assert lines[2].startswith("  • “PM2.5平均浓度”同比变化") and len(lines) == 3


def test_demo_show_json_has_the_city_figures(demo_copy):
    accept_everything(demo_copy)
    data = json.loads(run("show", "500000", "2024H1", "--json", db=demo_copy, check=0).stdout)
    assert data["coverage"]["final"] and data["missing_units"] == []
    assert data["unit"] == "500000" and data["semester"] == "2024H1"
    assert data["values"]["water.sections_total"] == 74
    assert data["derived"]["water.excellent_ratio"] == 98.6
    assert data["derived"]["air.days_good_total"] == 163
    assert data["derived"]["air.good_ratio"] == 89.6
    assert data["targets"]["water.excellent_ratio"]["margin"] == 1.3
    assert data["targets"]["water.excellent_ratio"]["basis"] == "国家考核目标"


def test_show_text_in_both_languages(demo_copy):
    zh = run("show", "万州区", "2024H1", db=demo_copy, check=0).stdout
    assert "水环境" in zh and "国控断面数" in zh
    en = run("show", "Wanzhou", "2024H1", "--lang", "en", db=demo_copy, check=0).stdout
    assert "Water" in en and "State-controlled sections" in en and "国控" not in en


def test_set_then_show_then_check_then_audit(demo_copy):
    out = run("set", "500101", "2024H1", "water.sections_total=5", "water.sections_excellent=1",
              "--user", "wanzhou", db=demo_copy, check=0).stdout  # fmt: skip
    assert "water.sections_total" in out
    data = json.loads(run("show", "500101", "2024H1", "--json", db=demo_copy, check=0).stdout)
    assert data["values"]["water.sections_excellent"] == 1
    assert data["derived"]["water.excellent_ratio"] == 20.0
    result = run("check", "500101", "2024H1", "--json", db=demo_copy, check=0)  # warnings only: exit 0
    found = {r["rule"]: r for r in json.loads(result.stdout)}
    assert found["target:water.excellent_ratio"]["severity"] == "warning"
    assert {"rule", "severity", "codes", "message"} <= found["target:water.excellent_ratio"].keys()
    audit = json.loads(run("audit", "500101", "--json", db=demo_copy, check=0).stdout)
    last = [a for a in audit if a["code"] == "water.sections_excellent"][-1]
    assert last["user"] == "wanzhou" and last["new"] == "1"


def test_the_audit_table_reads_as_the_audit_screen_does(demo_copy):
    """Words for actions and statuses, indicator names and local time (Chongqing is UTC+8); --json keeps the codes."""
    run("set", "500101", "2024H1", "enf.penalties=13", "--user", "wanzhou", db=demo_copy, check=0)
    newest = json.loads(run("audit", "500101", "--json", "--limit", "1", db=demo_copy, check=0).stdout)[-1]
    assert (newest["action"], newest["code"]) == ("value.set", "enf.penalties")
    from datetime import datetime, timedelta

    local = (datetime.fromisoformat(newest["at"]) + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S")
    lines = run("audit", "500101", "--limit", "1", db=demo_copy, env={"TZ": "Asia/Shanghai"}, check=0).stdout.splitlines()
    assert lines[0].split()[6] == "指标" and local in lines[-1]
    assert "修改数值" in lines[-1] and "行政处罚" in lines[-1] and "value.set" not in lines[-1]
    english = run("audit", "500101", "--limit", "1", "--lang", "en", db=demo_copy, check=0).stdout
    assert "value changed" in english


def test_check_exits_1_on_errors_and_2_on_bad_input(demo_copy):
    run("set", "500101", "2024H1", "insp.complaints_closed=99999", "--user", "wanzhou", db=demo_copy, check=0)
    result = run("check", "500101", "2024H1", db=demo_copy, check=1)
    assert "insp.closed_within_received" in result.stdout
    assert run("check", "Atlantis", "2024H1", db=demo_copy, check=2).stderr.strip() == "找不到单位“Atlantis”"
    assert "2024H1" in run("check", "500101", "2024H9", db=demo_copy, check=2).stderr


def test_a_refused_value_stores_nothing_and_says_why_in_the_chosen_language(demo_copy):
    before = run("audit", "--json", db=demo_copy, check=0).stdout
    result = run("set", "500101", "2024H1", "water.river_cases=3", "air.days_valid=200", "--lang", "en",
                 "--user", "wanzhou", db=demo_copy, check=1)  # fmt: skip
    assert "must not be greater than 182" in result.stderr
    assert run("audit", "--json", db=demo_copy, check=0).stdout == before


def test_the_city_sum_cannot_be_set(demo_copy):
    result = run("set", "500000", "2024H1", "water.sections_total=80", db=demo_copy, check=1)
    assert "由各区县数据汇总得出" in result.stderr


def test_user_role_and_unit_limit_changes(demo_copy):
    assert "只能查看本单位" in run("set", "500102", "2024H1", "water.river_cases=1", "--user", "wanzhou", db=demo_copy, check=1).stderr
    assert "审核员" in run("set", "500101", "2024H1", "water.river_cases=1", "--user", "reviewer", db=demo_copy, check=1).stderr
    # 渝北区 has submitted 2024H1 in the demo: locked.
    assert "锁定" in run("set", "500112", "2024H1", "water.river_cases=1", db=demo_copy, check=1).stderr


def test_explanations_are_stored_and_mark_warnings_explained(demo_copy):
    before = {r["rule"]: r for r in json.loads(run("check", "500101", "2024H1", "--json", db=demo_copy, check=0).stdout)}
    assert before["yoy:air.good_ratio"]["explained"] is False
    run("set", "500101", "2024H1", "--explain", "air.days_good=今年降水偏多，扬尘减少", "--user", "wanzhou", db=demo_copy, check=0)
    after = {r["rule"]: r for r in json.loads(run("check", "500101", "2024H1", "--json", db=demo_copy, check=0).stdout)}
    assert after["yoy:air.good_ratio"]["explained"] is True
    shown = json.loads(run("show", "500101", "2024H1", "--json", db=demo_copy, check=0).stdout)
    assert shown["explanations"]["air.days_good"] == "今年降水偏多，扬尘减少"


def test_catalog_json_lists_every_topic(tmp_path):
    data = json.loads(run("catalog", "--json", check=0).stdout)
    assert data["version"] and [t["code"] for t in data["topics"]][:2] == ["water", "air"]
    codes = {i["code"]: i for t in data["topics"] for i in t["indicators"]}
    assert codes["water.excellent_ratio"]["formula"] == "100 * water.sections_excellent / water.sections_total"


def test_demo_refuses_a_database_that_holds_data(demo_copy):
    assert "已有数据" in run("init", "--demo", db=demo_copy, check=1).stderr


def test_a_broken_catalog_stops_start_up_with_file_and_key(tmp_path):
    import shutil

    root = tmp_path / "resources"
    shutil.copytree(REPO / "resources", root)
    air = root / "catalog" / "air.toml"
    air.write_text(air.read_text(encoding="utf-8").replace('type = "decimal"', 'type = "real"', 1), encoding="utf-8")
    run("init", "--admin-password", "admin-password-1", db=tmp_path / "x.sqlite3", user=None, check=0)  # a database to open
    result = run("show", "500101", "2024H1", db=tmp_path / "x.sqlite3", env={"ECOREPORT_RESOURCES": str(root)}, check=3)
    assert "air.toml" in result.stderr and "indicator[4] (air.pm25).type" in result.stderr and "must be one of" in result.stderr
    assert leftovers(tmp_path / "x.sqlite3") == []  # the database it had opened (and brought up to date) is closed


@pytest.mark.parametrize("pair", ["water.sections_total", "=5"])
def test_malformed_pairs_are_bad_input(demo_copy, pair):
    assert run("set", "500101", "2024H1", pair, db=demo_copy, check=2).stderr


def test_template_import_export_consolidate_and_report_from_the_command_line(demo_copy, tmp_path):
    import openpyxl

    template = tmp_path / "t.xlsx"
    assert "已保存" in run("template", "万州区", "2024H1", "-o", str(template), db=demo_copy, check=0).stdout
    wb = openpyxl.load_workbook(template)
    for row in wb["填报表"].iter_rows(min_row=5):
        if row[0].value == "enf.penalties":
            row[4].value = -5
            bad_cell = f"E{row[0].row}"
    wb.save(tmp_path / "bad.xlsx")
    result = run("import", str(tmp_path / "bad.xlsx"), "--user", "wanzhou", "--json", db=demo_copy, check=1)
    problems = json.loads(result.stdout)
    assert problems == [{"file": str(tmp_path / "bad.xlsx"), "sheet": "填报表", "cell": bad_cell, "code": "enf.penalties",
                         "message": "“环境行政处罚案件”须为不小于0的整数（单元格中为“-5”）", "level": "error"}]  # fmt: skip
    assert f"填报表!{bad_cell}: “环境行政处罚案件”须为不小于0的整数（单元格中为“-5”）" in run("import", str(tmp_path / "bad.xlsx"), "--user", "wanzhou", db=demo_copy, check=1).stderr
    for row in wb["填报表"].iter_rows(min_row=5):
        if row[0].value == "enf.penalties":
            row[4].value = 25
    wb.save(tmp_path / "good.xlsx")
    imported = run("import", str(tmp_path / "good.xlsx"), "--user", "wanzhou", "--changes", db=demo_copy, check=0).stdout
    assert imported.splitlines() == ["good.xlsx: 已导入，1项变化", "  环境行政处罚案件 · 数值: 16 → 25 件"]  # each change seen
    again = json.loads(run("import", str(tmp_path / "good.xlsx"), "--user", "wanzhou", "--json", db=demo_copy, check=0).stdout)
    assert again[0]["message"] == "内容与数据库一致，未作修改" and again[0]["changed"] == []
    for row in wb["填报表"].iter_rows(min_row=5):
        if row[0].value == "enf.penalties":
            row[7].value = "专项执法行动"
    wb.save(tmp_path / "noted.xlsx")
    noted = json.loads(run("import", str(tmp_path / "noted.xlsx"), "--user", "wanzhou", "--json", db=demo_copy, check=0).stdout)
    assert noted[0]["changed"] == [{"code": "enf.penalties", "what": "explanation", "old": None, "new": "专项执法行动"}]
    for row in wb["填报表"].iter_rows(min_row=5):
        if row[0].value == "enf.penalties":
            row[4].value = None  # cleared in Excel: a blank clears nothing, and the import says so
    wb.save(tmp_path / "blank.xlsx")
    blank = run("import", str(tmp_path / "blank.xlsx"), "--user", "wanzhou", db=demo_copy, check=0)
    assert f"以下1处保留原值：环境行政处罚案件（填报表第{bad_cell[1:]}行，数值）" in blank.stderr
    both = run("import", str(tmp_path / "good.xlsx"), str(tmp_path / "bad.xlsx"), "--user", "wanzhou", db=demo_copy)
    assert both.returncode == 1  # one refused makes the whole run exit 1
    submission = tmp_path / "s.xlsx"
    exported = run("export", "500101", "2024H1", "-o", str(submission), "--head", "张三", db=demo_copy, check=0)
    assert submission.exists() and "这是草稿" in exported.stderr  # 万州区's half is not signed off
    from conftest import sign_off

    from desktop.context import open_context

    ctx = open_context(str(demo_copy))
    sign_off(ctx)
    ctx.close()
    signed = run("export", "500101", "2024H1", "-o", str(tmp_path / "s1.xlsx"), db=demo_copy, user="wanzhou", check=0)
    assert "草稿" not in signed.stderr + signed.stdout
    city = tmp_path / "city.xlsx"
    accept_everything(demo_copy)
    run("consolidate", "2024H1", "-o", str(city), db=demo_copy, check=0)
    assert city.exists()
    made = run("report", "2024H1", db=demo_copy, check=0)
    text = made.stdout
    assert "全市74个国控断面水质优良比例为98.6%，高于国家考核目标1.3个百分点" in text
    assert "报告中没有以下内容" not in made.stderr  # every figure in: nothing left out, nothing said
    assert "空气质量优良天数163天（优72天、良91天），同比增加6天" in text
    assert "PM2.5平均浓度为36.6微克/立方米，同比下降4.3微克/立方米" in text
    assert "Wanzhou" in run("report", "2024H1", "Wanzhou", "--lang", "en", db=demo_copy, check=0).stdout


def test_every_command_and_verb_is_in_the_readme_and_every_one_it_names_exists(capsys):
    """The README's commands and the program's: the same set, and each answers --help."""
    import argparse
    import re

    from desktop.cli.main import build_parser

    known = set()

    def walk(parser, prefix):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    known.add(prefix + name)
                    with pytest.raises(SystemExit) as done:
                        build_parser().parse_args((prefix + name).split() + ["--help"])
                    assert done.value.code == 0 and "用法：" in capsys.readouterr().out
                    walk(sub, prefix + name + " ")

    walk(build_parser(), "")
    named = set()
    for command, verbs in re.findall(r"(?:`|&& |^(?:[A-Z_]+=\S+ )*)ecoreport (?:--db \S+ )?([a-z]+)(?: ([a-z]+(?:-[a-z]+)*(?:\|[a-z]+(?:-[a-z]+)*)*))?",
                                       (REPO / "README.md").read_text(encoding="utf-8"), re.M):  # inline code, or a line of a code block
        named.add(command)
        for verb in (verbs.split("|") if verbs and f"{command} {verbs.split('|')[0]}" in known else []):
            named.add(f"{command} {verb}")
    assert named - known == set(), "the README names commands the program does not have"
    assert known - named == set(), "commands the README does not describe"


def test_a_command_loads_only_its_own_module_and_parses_as_with_every_command():
    """`ecoreport import …` does not pay for the review, admin or set-up commands' modules; the list that says
    which module registers which command matches the modules."""
    import argparse
    import importlib

    from desktop.cli.main import COMMANDS, MODULES, _common, build_parser, parse

    for name in MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        common = argparse.ArgumentParser(add_help=False)
        _common(common, suppress=True)
        importlib.import_module(f"desktop.cli.{name}").register(sub, common)
        assert {c for c, m in COMMANDS.items() if m == name} == set(sub.choices), name
    argv = ["import", "--user", "reviewer", "a.xlsx", "--db", "x.sqlite3"]
    lazy, full = vars(parse(argv)), vars(build_parser().parse_args(argv))
    assert lazy.pop("run") == full.pop("run") and {k: v for k, v in lazy.items() if k in full} == full
    probe = ("import sys; from desktop.cli.main import parse; parse(['import', 'a.xlsx']); "
             "print(sorted(m for m in sys.modules if m.startswith('desktop.cli.')))")  # fmt: skip
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO).stdout
    assert "desktop.cli.exchange" in loaded and not any(f"desktop.cli.{m}'" in loaded for m in MODULES if m != "exchange")


def test_without_qt_the_gui_says_so_and_the_command_line_still_works():
    probe = ("import sys; sys.modules['PySide6'] = None; from desktop.launch import main; "
             "code = main(['--lang', 'en']); print('exit', code); print('show', main(['catalog', '--lang', 'en']))")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "ECOREPORT_DB": str(Path(os.environ.get("TMPDIR", "/tmp")) / "no-qt.sqlite3")})  # fmt: skip
    assert "exit 3" in done.stdout and "show 0" in done.stdout, done.stderr
    assert "The graphical interface cannot start (PySide6" in done.stderr


def test_help_and_argument_errors_speak_the_language_of_the_messages():
    """Chinese by default, as every message is; English with --lang en, wherever it stands."""
    from desktop.core.text import display_width

    chinese = run("--help", env={"COLUMNS": "80"}, check=0).stdout
    assert chinese.startswith("用法：ecoreport") and "录入数值" in chinese and "显示本帮助并退出" in chinese
    assert all(display_width(line) <= 81 for line in chinese.splitlines()), "a line overruns an 80-column terminal"
    english = run("set", "--help", "--lang", "en", check=0).stdout
    assert english.startswith("usage: ecoreport set") and "explanation of a value" in english and "数值的说明" not in english
    refused = run("review", "accept", "500101", check=2)
    assert "错误：缺少参数：HALF" in refused.stderr
    assert "the following arguments are required: HALF" in run("review", "accept", "500101", "--lang", "en", check=2).stderr


def test_chinese_help_wraps_by_terminal_columns_and_keeps_closing_marks_with_their_text():
    from desktop.cli.words import wrap
    from desktop.core.text import display_width

    text = "修改所依据的原值（空值写 CODE=）：如果此后已被他人修改，则不保存，并显示两个值，ECOREPORT_NEW_PASSWORD 原样保留"
    for width in (24, 31, 56):
        lines = wrap(text, width)
        assert all(display_width(line) <= width + 2 for line in lines) and len(lines) > 1
        assert not any(line[0] in "，。、；：）" for line in lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert any("ECOREPORT_NEW_PASSWORD" in line for line in lines)  # an option or a name is never split


def test_the_inbox_counts_no_day_overdue_for_a_half_without_a_deadline(demo_copy):
    """It gave days_overdue 0 for every district of a half with no deadline: on time, by default."""
    with_deadline = json.loads(run("inbox", "2024H1", "--json", db=demo_copy, user="reviewer", check=0).stdout)
    assert next(r for r in with_deadline if r["unit"] == "500101")["days_overdue"] > 0
    without = json.loads(run("inbox", "2024H2", "--json", db=demo_copy, user="reviewer", check=0).stdout)
    assert without and all(r["deadline"] is None and r["days_overdue"] is None for r in without)


def test_selftest_names_where_the_data_lives_and_fails_where_no_font_shows_chinese(tmp_path):
    """An IT person reads where this account's database and audit witness are; on a PC whose fonts cannot show
    Chinese (every word a box in the window), selftest fails and says what to install, not 自检通过."""
    import shutil

    home = {"XDG_DATA_HOME": str(tmp_path / "data"), "ECOREPORT_WITNESS_DIR": str(tmp_path / "witness")}
    passed = run("selftest", env=home, check=0).stdout
    assert f"本账户的数据库：sqlite:///{tmp_path / 'data' / 'EcoReport' / 'ecoreport.sqlite3'}" in passed
    assert f"审计见证文件夹：{tmp_path / 'witness'}" in passed and "自检通过" in passed
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig's fc-list is not installed here")
    assert "✓ 中文字体：" in passed
    conf = tmp_path / "fonts.conf"  # fontconfig that knows only DejaVu: no font for Chinese
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    f"<dir>{tmp_path / 'no-fonts'}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>", encoding="utf-8")  # fmt: skip
    failed = run("selftest", env={**home, "FONTCONFIG_FILE": str(conf)})
    assert failed.returncode != 0 and "自检通过" not in failed.stdout
    assert "没有能显示中文的字体" in failed.stderr and "fonts-noto-cjk" in failed.stderr
