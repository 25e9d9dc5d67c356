from desktop.core.vocabulary import AUDIT_ACTIONS, ROLE_NAMES, action_name, role_name
from desktop.core.workflow import Action


def test_every_recorded_action_and_role_has_words():
    assert {action_name(f"status.{a.value}").zh for a in Action} >= {"报送", "退回", "审核通过"}
    assert all("." not in action_name(a).zh for a in AUDIT_ACTIONS)
    assert action_name("value.set")("zh") == "修改数值" and action_name("value.set")("en") == "value changed"
    assert action_name("something.new").zh == "something.new"  # a newer version's action: shown as recorded
    assert [role_name(r).zh for r in ROLE_NAMES] == ["填报人", "审核人", "市局审核员", "管理员"]


def test_the_code_records_no_action_without_words():
    """Every action string the application writes to the audit log has its words."""
    import re
    from pathlib import Path

    import desktop

    package = Path(desktop.__file__).parent  # the tree's, or the installed package's
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py"))
    written = set(re.findall(r'audit\.record(?:_many)?\(\s*\w+,\s*[\w.]+,\s*"([a-z_]+\.[a-z_]+|[a-z_]+)"', source))
    written |= set(re.findall(r'"action":\s*"([a-z_.]+)"', source))
    written |= set(re.findall(r'\.audit\.record\(\s*\w+,\s*"([a-z_.]+)"', source))  # the store's log, actor first
    written |= set(re.findall(r'\("(value\.[a-z]+)", code', source))  # the entries of a write
    assert written, "the pattern finds the calls"
    assert {a for a in written if action_name(a).zh == a} == set()


def test_recorded_statuses_and_roles_read_as_words():
    from desktop.core.vocabulary import recorded_value

    assert recorded_value("status.accept", "submitted", "zh") == "已报送"
    assert recorded_value("status.return", "in_review", "en") == "in review"
    assert recorded_value("user.create", "wanzhou (clerk)", "zh") == "wanzhou (填报人)"
    assert recorded_value("user.role", "wanzhou: approver 500101", "zh") == "wanzhou: 审核人 500101"
    assert recorded_value("user.create", "reviewer (reviewer)", "zh") == "reviewer (市局审核员)"  # the name stays
    assert recorded_value("value.set", "38.1", "zh") == "38.1" and recorded_value("value.set", None, "zh") == "∅"


def test_an_imported_files_record_reads_as_words_with_its_whole_digest():
    from desktop.core.vocabulary import recorded_reason

    digest = "ab" * 32
    assert recorded_reason("import.submission", f"sha256:{digest} changes:3", "zh") == f"3项变化；文件SHA-256：{digest}"
    assert recorded_reason("import.review", f"sha256:{digest} changes:1", "en") == f"1 change(s); file SHA-256: {digest}"
    assert recorded_reason("status.return", "请补充", "zh") == "请补充"  # a person's words stay as written
    assert recorded_reason("import.template", "sha256:short changes:1", "zh") == "sha256:short changes:1"  # not ours
    assert recorded_reason("value.set", None, "zh") == ""


def test_the_programs_own_reasons_read_in_the_readers_language_a_persons_never_split():
    from desktop.core.vocabulary import recorded_reason

    receipt = "第1版，填报人 万州区填报员（wanzhou），审核人 万州区审核人（wanzhou_approver）签发 / version 1, prepared by x, signed by y"
    assert recorded_reason("status.receive", receipt, "zh") == "第1版，填报人 万州区填报员（wanzhou），审核人 万州区审核人（wanzhou_approver）签发"
    assert recorded_reason("status.receive", receipt, "en") == "version 1, prepared by x, signed by y"
    missing = "第2版报送，区县修改记录未涵盖 / version 2, not in the district's change log"
    assert recorded_reason("value.set", missing, "zh") == "第2版报送，区县修改记录未涵盖"
    assert recorded_reason("restore", "恢复前的数据库已备份到 /a/b.sqlite3 / previous state kept in /a/b.sqlite3", "zh") == \
        "恢复前的数据库已备份到 /a/b.sqlite3"  # fmt: skip
    assert recorded_reason("status.return", "PM2.5 / 优良天数请核实", "zh") == "PM2.5 / 优良天数请核实"  # a reviewer's words
    assert recorded_reason("value.set", "更正 / 补录", "en") == "更正 / 补录"
