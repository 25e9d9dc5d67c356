"""A signed-off version: what its signature covers, how the log names its receipt, and how a kept version is
stored (its snapshot)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.core.semester import Semester
from desktop.core.units import Unit
from desktop.core.workflow import Status
from desktop.store import keys


def snapshot(values: Mapping[str, str | None], explanations: Mapping[str, str], checks: list[dict] = ()) -> str:
    """What a kept version held: its values as stored and its explanations, the empty ones left out; a received
    version also the checks its district's installation ran on it (exchange.claims.signed_checks)."""
    kept = {"values": {c: v for c, v in values.items() if v is not None}, "explanations": {c: t for c, t in explanations.items() if t}}
    return json.dumps({**kept, "checks": list(checks)} if checks else kept, ensure_ascii=False)


def signed_off_by(signed: SignOff) -> str:
    """The receipt's entry in the log: which version, prepared and signed off by whom (as the form names them)."""
    try:
        people = json.loads(signed.people or "{}")
    except ValueError:
        people = {}
    people = people if isinstance(people, dict) else {}

    def named(key: str, login: str) -> str:
        full = str(people.get(key) or "").strip()
        return f"{full}（{login}）" if full and full != login else login

    preparer, approver = named("preparer", signed.prepared_by), named("approver", signed.signed_by)
    return (f"第{signed.version}版，填报人 {preparer}，审核人 {approver}签发 / version {signed.version}, "
            f"prepared by {preparer}, signed off by {approver}")


@dataclass(frozen=True, slots=True)
class SignOff:
    """A signed-off version as it leaves the district: what the signature covers, and the signature."""

    version: int
    fingerprint: str
    prepared_by: str
    signed_by: str
    people: str  # JSON: the form's people (单位负责人, 填表人, 联系电话, 报出日期 …)
    changelog: str  # JSON: the value changes since the previous version
    signature: keys.Signature

    def message(self, unit: Unit, semester: Semester) -> bytes:
        return keys.signed_message(unit.code, str(semester), self.version, self.fingerprint, Status.SUBMITTED,
                                   self.prepared_by, self.signed_by, self.people, self.changelog)  # fmt: skip
