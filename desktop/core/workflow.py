"""The life of a unit's half-year, as one transition table.

draft → (sign-off) submitted → (the bureau receives it; a query starts the review) in review →
returned (editable again) or accepted (final); accepted → reopened by a reviewer, with a reason.
Every status change anywhere (store, command line, both GUIs, imported files) is decided here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.core.text import Text, UserError
from desktop.core.units import Unit


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    RETURNED = "returned"
    ACCEPTED = "accepted"
    REOPENED = "reopened"


class Action(StrEnum):
    SUBMIT = "submit"  # the district signs off a version (approver of the unit)
    WITHDRAW = "withdraw"  # the district takes back a version the bureau has not accepted
    RECEIVE = "receive"  # the bureau takes in a signed-off version
    START_REVIEW = "start_review"  # the bureau's first query on a received version
    RETURN = "return"  # the bureau sends it back, with a reason
    ACCEPT = "accept"  # the bureau accepts it: the half is final
    REOPEN = "reopen"  # the bureau reopens an accepted half, with a reason


DISTRICT_ROLES = frozenset({"clerk", "approver", "admin"})
BUREAU_ROLES = frozenset({"reviewer", "admin"})

EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})
REVIEWABLE = frozenset({Status.SUBMITTED, Status.IN_REVIEW, Status.REOPENED})
# What the bureau holds as a signed-off version awaiting or past review ("received").
RECEIVED = frozenset({Status.SUBMITTED, Status.IN_REVIEW, Status.REOPENED})
# A workbook in one of these states left the district as a signed-off submission.
SIGNED_OFF = frozenset({Status.SUBMITTED, Status.IN_REVIEW, Status.ACCEPTED, Status.REOPENED})

# One vocabulary for the states, on every screen, on both sides, in files and on the command line.
STATUS_NAMES = {
    Status.DRAFT: Text("未报送", "not submitted"),
    Status.SUBMITTED: Text("已报送", "submitted"),
    Status.IN_REVIEW: Text("审核中", "in review"),
    Status.RETURNED: Text("已退回", "returned"),
    Status.ACCEPTED: Text("已通过", "accepted"),
    Status.REOPENED: Text("重新审核", "reopened"),
}
INBOX_NAMES = STATUS_NAMES  # the bureau's screens say the same words
ACTION_NAMES = {
    Action.SUBMIT: Text("报送", "submit"),
    Action.WITHDRAW: Text("撤回", "withdraw"),
    Action.RECEIVE: Text("接收", "receive"),
    Action.START_REVIEW: Text("开始审核", "start review"),
    Action.RETURN: Text("退回", "return"),
    Action.ACCEPT: Text("审核通过", "accept"),
    Action.REOPEN: Text("重新打开", "reopen"),
}


@dataclass(frozen=True, slots=True)
class Rule:
    sources: frozenset[Status]
    target: Status
    roles: frozenset[str]
    side: str  # district: the unit's own users; bureau: the bureau's reviewers
    needs_reason: bool = False


TRANSITIONS: dict[Action, Rule] = {
    Action.SUBMIT: Rule(frozenset({Status.DRAFT, Status.RETURNED}), Status.SUBMITTED, frozenset({"approver"}), "district"),
    Action.WITHDRAW: Rule(frozenset({Status.SUBMITTED, Status.IN_REVIEW}), Status.DRAFT,
                          frozenset({"approver", "admin"}), "district", needs_reason=True),  # fmt: skip
    Action.RECEIVE: Rule(frozenset({Status.DRAFT, Status.SUBMITTED, Status.IN_REVIEW, Status.RETURNED, Status.REOPENED}),
                         Status.SUBMITTED, BUREAU_ROLES, "bureau"),  # fmt: skip
    Action.START_REVIEW: Rule(frozenset({Status.SUBMITTED}), Status.IN_REVIEW, BUREAU_ROLES, "bureau"),
    Action.RETURN: Rule(REVIEWABLE, Status.RETURNED, BUREAU_ROLES, "bureau", needs_reason=True),
    Action.ACCEPT: Rule(REVIEWABLE, Status.ACCEPTED, BUREAU_ROLES, "bureau"),
    Action.REOPEN: Rule(frozenset({Status.ACCEPTED}), Status.REOPENED, BUREAU_ROLES, "bureau", needs_reason=True),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """Who takes an action: a user of this installation, or the reviewer named in a review file."""

    name: str
    role: str
    unit_code: str | None
    active: bool = True
    serves: Unit | None = None  # the unit the installation serves; None where it plays both sides (the demo)


class WorkflowRefused(UserError):
    """The action is not allowed for this actor and status; the text says why."""


@dataclass(frozen=True, slots=True)
class Transition:
    action: Action
    old: Status
    new: Status


def decide(action: Action, status: str, actor: Actor, unit: Unit, reason: str | None = None) -> Transition:
    """The transition `actor` may take on `unit`'s half in `status`, or WorkflowRefused with the reason."""
    rule = TRANSITIONS[action]
    current = Status(status)
    name = ACTION_NAMES[action]
    if not actor.active:
        raise WorkflowRefused(Text(f"用户 {actor.name} 已停用", f"User {actor.name} is disabled"))
    if actor.role not in rule.roles:
        raise WorkflowRefused(_role_refusal(action, rule))
    refusal = _installation_refusal(actor, unit, rule.side, name)
    if refusal is not None:
        raise WorkflowRefused(refusal)
    if rule.side == "district" and actor.role != "admin" and actor.unit_code != unit.code:
        raise WorkflowRefused(Text(f"用户 {actor.name} 不属于{unit.name.zh}，不能{name.zh}其数据",
                                   f"User {actor.name} does not belong to {unit.name.en} and cannot {name.en} its half"))  # fmt: skip
    if current not in rule.sources:
        raise WorkflowRefused(_status_refusal(action, current))
    if rule.needs_reason and not (reason or "").strip():
        raise WorkflowRefused(Text(f"{name.zh}必须说明原因", f"To {name.en} needs a reason"))
    return Transition(action, current, rule.target)


def available(status: str | None, role: str) -> frozenset[Action]:
    """The actions a user with `role` could take on a half in `status`: what a screen offers."""
    current = Status(status or Status.DRAFT)
    return frozenset(a for a, rule in TRANSITIONS.items() if current in rule.sources and role in rule.roles)


def this_installation(serves: Unit) -> Text:
    """How a refusal names the installation: a district's 填报机, or the bureau's computer."""
    if serves.is_municipality:
        return Text(f"本机是市局（{serves.name.zh}）的电脑", f"This is the bureau's installation ({serves.name.en})")
    return Text(f"本机是{serves.name.zh}的填报机", f"This installation serves {serves.name.en}")


def _installation_refusal(actor: Actor, unit: Unit, side: str, name: Text) -> Text | None:
    """A district's installation acts for its own unit only, and only the bureau's reviews: whatever a user's role,
    an administrator's included."""
    serves = actor.serves
    if serves is None:
        return None
    here = this_installation(serves)
    if side == "bureau" and not serves.is_municipality:
        return Text(f"{here.zh}，不能{name.zh}；审核在市局进行", f"{here.en}; only the bureau's can {name.en}")
    if side == "district" and serves.code != unit.code:
        return Text(f"{here.zh}，不能{name.zh}{unit.name.zh}的数据", f"{here.en} and cannot {name.en} {unit.name.en}'s half")
    return None


def _role_refusal(action: Action, rule: Rule) -> Text:
    if action is Action.SUBMIT:
        return Text("须由本单位的审核人确认报送", "An approver of the unit must sign off the submission")
    if rule.side == "bureau":
        return Text(f"只有市局审核员可以{ACTION_NAMES[action].zh}", f"Only a bureau reviewer can {ACTION_NAMES[action].en}")
    return Text(f"只有本单位的审核人可以{ACTION_NAMES[action].zh}", f"Only an approver of the unit can {ACTION_NAMES[action].en}")


def _status_refusal(action: Action, current: Status) -> Text:
    now = STATUS_NAMES[current]
    if current is Status.ACCEPTED and action in (Action.WITHDRAW, Action.RECEIVE, Action.RETURN, Action.SUBMIT):
        return Text(f"该半年度数据已审核通过，是最终数据，不能{ACTION_NAMES[action].zh}；如需更改，请市局审核员先重新打开",
                    f"This half is accepted and final; it cannot be {_past(action)} unless a bureau reviewer reopens it")  # fmt: skip
    return Text(f"该半年度数据{now.zh}，不能{ACTION_NAMES[action].zh}",
                f"This half is {now.en}; it cannot be {_past(action)}")  # fmt: skip


def _past(action: Action) -> str:
    return {Action.SUBMIT: "submitted", Action.WITHDRAW: "withdrawn", Action.RECEIVE: "received",
            Action.START_REVIEW: "taken into review", Action.RETURN: "returned", Action.ACCEPT: "accepted",
            Action.REOPEN: "reopened"}[action]  # fmt: skip


def sign_off_refusal(preparer: Actor, signer: Actor, unit: Unit) -> Text | None:
    """Four eyes: the signer is an active approver of the same unit and not the person who prepared it."""
    if signer.name == preparer.name:
        return Text("填报人不能自己审核自己的报送，须由本单位另一位审核人确认",
                    "The preparer cannot approve their own submission; another approver of the unit must confirm")  # fmt: skip
    if signer.role != "approver" or signer.unit_code != unit.code or not signer.active:
        return Text(f"须由{unit.name.zh}的另一位审核人确认", f"Another approver of {unit.name.en} must confirm")
    return None


def may_edit(actor: Actor, unit: Unit, status: str) -> Text | None:
    """None when `actor` may change the values of `unit` in a half with `status`; else the reason."""
    if not actor.active:
        return Text(f"用户 {actor.name} 已停用", f"User {actor.name} is disabled")
    if actor.role == "reviewer":
        return Text("审核员不能修改填报数据", "A reviewer cannot change reported values")
    if actor.role != "admin" and actor.unit_code != unit.code:
        return Text(f"用户 {actor.name} 不属于{unit.name.zh}，不能修改其数据",
                    f"User {actor.name} does not belong to {unit.name.en} and cannot change its values")  # fmt: skip
    refusal = _installation_refusal(actor, unit, "district", Text("修改", "change"))
    if refusal is not None:
        return refusal
    if Status(status) not in EDITABLE:
        name = STATUS_NAMES[Status(status)]
        return Text(f"该半年度数据{name.zh}，已锁定，不能修改", f"This half-year is {name.en} and locked against changes")
    return None


def may_read(actor: Actor, unit: Unit) -> Text | None:
    """Read access is scoped like write access: a district's users see their own unit only; the bureau's
    reviewers and administrators, and the city's own users (for the city), see what they review."""
    serves = actor.serves
    if serves is not None and not serves.is_municipality and unit.code != serves.code:
        if unit.is_municipality:  # the inbox, the city's figures: the bureau's view
            return Text(f"本机是{serves.name.zh}的填报机，只处理{serves.name.zh}的数据；收件箱、审核和全市数据在市局的电脑上",
                        f"This installation serves {serves.name.en} and handles its data only; the inbox, review and "
                        "the city's figures are at the bureau's")  # fmt: skip
        return Text(f"本机是{serves.name.zh}的填报机，只处理{serves.name.zh}的数据，不处理{unit.name.zh}的",
                    f"This installation serves {serves.name.en} and handles its data only, not {unit.name.en}'s")  # fmt: skip
    if actor.role in BUREAU_ROLES or actor.unit_code == unit.code:
        return None
    return Text(f"用户 {actor.name} 只能查看本单位的数据，不能查看{unit.name.zh}",
                f"User {actor.name} sees only their own unit's data, not {unit.name.en}'s")
