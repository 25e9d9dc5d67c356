"""The words a person reads for what the audit log records as codes: value.set is 修改数值, status.return is 退回."""

from __future__ import annotations

import re

from desktop.core.text import Text
from desktop.core.workflow import ACTION_NAMES, INBOX_NAMES, Action, Status

AUDIT_ACTIONS = {
    "value.set": Text("修改数值", "value changed"),
    "value.explain": Text("填写说明", "explanation written"),
    "query.open": Text("提出问题", "query raised"),
    "query.reply": Text("答复问题", "query answered"),
    "query.resolve": Text("关闭问题", "query closed"),
    "query.reopen": Text("重新打开问题", "query reopened"),
    "user.create": Text("新建用户", "user created"),
    "user.role": Text("更改角色", "role changed"),
    "user.password": Text("更改密码", "password changed"),
    "user.enable": Text("启用用户", "user enabled"),
    "user.disable": Text("停用用户", "user disabled"),
    "login.failed": Text("登录失败", "failed login"),
    "account.prepare": Text("预置区县账户", "district account prepared"),
    "account.remove": Text("删除预置账户", "prepared account removed"),
    "key.seal": Text("生成签名密钥", "signing key made"),
    "key.grant": Text("授权签名密钥", "signing key granted"),
    "key.register": Text("登记区县公钥", "district key registered"),
    "package.activate": Text("启用设置包", "set-up package activated"),
    "installation.serve": Text("设定本机所属单位", "installation's unit named"),
    "import.submission": Text("导入报送文件", "submission imported"),
    "import.review": Text("导入审核意见", "review imported"),
    "import.template": Text("导入填报模板", "template imported"),
    "restore": Text("从备份恢复", "restored from a backup"),
    "backup": Text("备份数据库", "database backed up"),
}


def recorded_user(user: str, imported_by: str | None, lang: str) -> str:
    """Who an entry names: an act of the other side, brought in with a file, says who brought it."""
    if not imported_by:
        return user
    return Text(f"{user}（{imported_by} 导入）", f"{user} (imported by {imported_by})")(lang)


def action_name(action: str) -> Text:
    """The words for an audit action; an unknown one (a newer version's) is shown as it was recorded."""
    if action.startswith("status."):
        try:
            return ACTION_NAMES[Action(action.removeprefix("status."))]
        except ValueError:
            pass
    return AUDIT_ACTIONS.get(action, Text(action, action))

ROLE_NAMES = {
    "clerk": Text("填报人", "clerk"),
    "approver": Text("审核人", "approver"),
    "reviewer": Text("市局审核员", "reviewer"),
    "admin": Text("管理员", "administrator"),
}


def role_name(role: str) -> Text:
    return ROLE_NAMES.get(role, Text(role, role))


def recorded_value(action: str, value: str | None, lang: str) -> str:
    """An old or new value of an audit entry as a person reads it: statuses and roles in words, the rest as recorded."""
    if value is None:
        return "∅"
    if action.startswith("status."):
        try:
            return INBOX_NAMES[Status(value)](lang)
        except ValueError:
            return value
    pattern = {"user.create": r"(?P<head>.* \()(?P<role>\w+)(?P<tail>\))",  # name (role)
               "user.role": r"(?P<head>(?:.*: )?)(?P<role>\w+)(?P<tail>(?: .*)?)"}.get(action)  # [name: ]role [unit]
    found = re.fullmatch(pattern, value) if pattern else None
    if found and found["role"] in ROLE_NAMES:
        return found["head"] + role_name(found["role"])(lang) + found["tail"]
    return value


_FILE_REASON = re.compile(r"sha256:(?P<digest>[0-9a-f]{64}) changes:(?P<changes>\d+)")


# Reasons the program writes itself, in both languages ("中文 / English"): a reader gets the one of their language. A
# person's reason (a return's, a reopening's) is never split, whatever it holds.
_OWN_WORDS = frozenset({"status.receive", "status.submit", "restore", "installation.serve"})
_CHANGELOG_REASON = re.compile(r"第\d+版报送，区县修改记录未涵盖 / version \d+, not in the district's change log")


def recorded_reason(action: str, reason: str | None, lang: str) -> str:
    """An audit entry's reason as a person reads it: an imported file's record (its SHA-256 and how many changes it
    brought) in words, the full digest kept, so it can still be compared with the file; the program's own words in
    the reader's language; the rest as recorded."""
    if reason and " / " in reason and (action in _OWN_WORDS or _CHANGELOG_REASON.fullmatch(reason)):
        zh, en = reason.split(" / ", 1)
        return zh if lang == "zh" else en
    found = _FILE_REASON.fullmatch(reason or "") if action.startswith("import.") else None
    if found is None:
        return reason or ""
    digest, changes = found["digest"], found["changes"]
    return Text(f"{changes}项变化；文件SHA-256：{digest}", f"{changes} change(s); file SHA-256: {digest}")(lang)
