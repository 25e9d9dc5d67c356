"""Submissions: every status change of a unit's half, sign-off, receipt, the bureau's decisions.

Every status change goes through `_step`: it asks core.workflow whether the actor may take the action and writes one
audit entry, in the caller's transaction; `_transition` writes the row through the ORM, `receive` (a batch's hot path)
with one plain statement.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import bindparam, insert, update
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from desktop.core.fingerprint import fingerprint
from desktop.core.semester import Semester
from desktop.core.text import Text, UserError
from desktop.core.units import Unit
from desktop.core.values import to_storage
from desktop.core.workflow import (
    SIGNED_OFF,
    Action,
    Actor,
    Status,
    Transition,
    decide,
    may_edit,
    sign_off_refusal,
)
from desktop.store import audit, installation, keys, users
from desktop.store.models import (
    AuditRow,
    InstallationKey,
    SubmissionRow,
    SubmissionVersion,
    UserRow,
    aware,
    columns_of,
    utcnow,
)
from desktop.store.service import Change, FileSource, Store, ValuesRefused
from desktop.store.sign_off import SignOff, signed_off_by, snapshot
from desktop.store.threads import merge_threads, open_count

CHANGELOG_ACTIONS = ("value.set", "value.explain")

# `receive`'s statements, built once: a batch runs each once per file, and building one costs more than running it.
_HALF, _KEPT = SubmissionRow.__table__, SubmissionVersion.__table__
_HALF_ROW = select_columns(_HALF.c.id, _HALF.c.status, _HALF.c.version).where(
    _HALF.c.unit_code == bindparam("unit"), _HALF.c.semester == bindparam("semester"))  # fmt: skip
_KEPT_FINGERPRINT = select_columns(_KEPT.c.id, _KEPT.c.fingerprint, _KEPT.c.origin).where(
    _KEPT.c.unit_code == bindparam("unit"), _KEPT.c.semester == bindparam("semester"),
    _KEPT.c.version == bindparam("version"))  # fmt: skip
_NEW_HALF, _KEEP_VERSION = insert(_HALF), insert(_KEPT)
_AUDIT = AuditRow.__table__
_OWN_EDITS = select_columns(_AUDIT.c.at, _AUDIT.c.user, _AUDIT.c.action, _AUDIT.c.code, _AUDIT.c.new).where(
    _AUDIT.c.unit_code == bindparam("unit"), _AUDIT.c.semester == bindparam("semester"),
    _AUDIT.c.action.in_(CHANGELOG_ACTIONS), _AUDIT.c.imported_by.is_(None))  # fmt: skip
_UPDATE_HALF = update(_HALF).where(_HALF.c.id == bindparam("row_id"))  # SET: the parameters' other keys
_UPDATE_KEPT = update(_KEPT).where(_KEPT.c.id == bindparam("kept_id"))
SIGNED_HERE, RECEIVED = "sign-off", "file"  # SubmissionVersion.origin


def actor_of(user: UserRow, serves: Unit | None = None) -> Actor:
    return Actor(user.name, user.role, user.unit_code, user.active, serves)


class Submissions:
    def __init__(self, store: Store, batch: bool = False):
        """`batch`: one batch of imports; who its actor is is read once (nothing in a batch changes a user)."""
        self.store = store
        self._actors: dict[str, Actor] | None = {} if batch else None
        self._own_keys: dict[str, str] | None = None  # a batch's: read once
        self._batch = batch

    def acting(self, s: Session, user: UserRow) -> Actor:
        """`user` as the workflow sees them on this installation: with the unit it serves."""
        return actor_of(user, installation.served(s, self.store.units))

    def _actor(self, s: Session, name: str) -> Actor:
        if self._actors is None:
            return self.acting(s, users.require(s, name))
        if name not in self._actors:
            self._actors[name] = self.acting(s, users.require(s, name))
        return self._actors[name]

    def confirm_actors(self) -> None:
        """At a batch's end, before it is written: whoever it acted as may still act (an administrator could have
        disabled them while it ran); raises UserError otherwise, and the batch keeps nothing."""
        with self.store.session() as s:
            for name, actor in (self._actors or {}).items():
                now = users.find(s, name)
                if now is None or self.acting(s, now) != actor:
                    raise UserError(Text(f"用户 {name} 的权限在导入过程中被更改，本批文件均未导入",
                                         f"User {name} was changed during the import; none of the files was taken"))  # fmt: skip

    # --- reading ------------------------------------------------------------------------------
    def status(self, unit: Unit, semester: Semester) -> Status:
        return self.store.status(unit, semester)

    def decision(self, unit: Unit, semester: Semester) -> tuple[Status, str | None]:
        """The half's status and the reason given for the change that led to it (a return, a reopening)."""
        status, reason, _ = self.decided(unit, semester)
        return status, reason

    def decided(self, unit: Unit, semester: Semester) -> tuple[Status, str | None, datetime | None]:
        """The half's status, the reason given for the change that led to it, and when that change was made."""
        with self.store.session() as s:
            row = self.store._submission(s, unit.code, semester)
            if row is None:
                return Status.DRAFT, None, None
            entry = s.exec(select(AuditRow.reason, AuditRow.at).where(AuditRow.unit_code == unit.code, AuditRow.semester == str(semester),
                           col(AuditRow.action).startswith("status"), AuditRow.new == row.status)
                           .order_by(col(AuditRow.id).desc())).first()  # fmt: skip
            return Status(row.status), entry[0] if entry else None, aware(entry[1]) if entry else None

    def sign_off_of(self, unit: Unit, semester: Semester) -> SignOff | None:
        """The stored sign-off of the current version, when the half is signed off and its values unchanged since."""
        row = self.store.submission(unit, semester)
        if row is None or row.status not in SIGNED_OFF or not row.signature:
            return None
        half = self.store.unit_half(unit, semester)
        if fingerprint(unit.code, str(semester), self.store.catalog.version, half.raw, half.explanations) != row.fingerprint:
            return None
        signature = keys.Signature(row.signature, row.public_key or "", keys.fingerprint(row.public_key or ""))
        return SignOff(row.version, row.fingerprint or "", row.prepared_by or "", row.signed_by or "", row.people or "{}",
                       row.changelog or "[]", signature)  # fmt: skip

    # --- the one place a status changes -------------------------------------------------------
    def _transition(self, s: Session, action: Action, unit: Unit, semester: Semester, actor: Actor,
                    reason: str | None = None, *, imported_by: str | None = None,
                    row: SubmissionRow | None = None, at: datetime | None = None) -> tuple[SubmissionRow, Transition]:  # fmt: skip
        """`at`: when the step was taken, for one taken elsewhere and brought in by file (else now)."""
        if row is None:
            row = self.store._submission(s, unit.code, semester)
        if row is None:
            row = SubmissionRow(unit_code=unit.code, semester=str(semester), status=Status.DRAFT, updated_by=actor.name)
        step, at = self._step(s, action, unit, semester, actor, row.status, reason, imported_by, at)
        row.status, row.updated_by, row.updated_at = step.new.value, actor.name, at
        if action is Action.RECEIVE:
            row.received_at = at
        s.add(row)
        return row, step

    @staticmethod
    def _step(s: Session, action: Action, unit: Unit, semester: Semester, actor: Actor, status: str,
              reason: str | None, imported_by: str | None = None, at: datetime | None = None) -> tuple[Transition, datetime]:  # fmt: skip
        """What the workflow allows from `status`, and its audit entry; the caller writes the row."""
        step = decide(action, status, actor, unit, reason)
        at = at or utcnow()
        audit.append(s, [{"at": at, "user": actor.name, "action": f"status.{action.value}", "unit_code": unit.code,
                          "semester": str(semester), "old": step.old.value, "new": step.new.value,
                          "reason": (reason or "").strip() or None, "imported_by": imported_by}])  # fmt: skip
        return step, at

    def act(self, actor_name: str, unit: Unit, semester: Semester, action: Action, reason: str | None = None) -> Status:
        """Takes a plain action (withdraw, start review, return, reopen); accept and sign-off have their own guards."""
        if action in (Action.SUBMIT, Action.RECEIVE, Action.ACCEPT):
            raise ValueError(f"{action} has its own method")
        with self.store.session() as s:
            actor = self.acting(s, users.require(s, actor_name))
            row, step = self._transition(s, action, unit, semester, actor, reason)
            s.commit()
            return step.new

    def accept(self, actor_name: str, unit: Unit, semester: Semester, comment: str | None = None) -> None:
        with self.store.session() as s:
            actor = self.acting(s, users.require(s, actor_name))
            self._transition(s, Action.ACCEPT, unit, semester, actor, comment, row=self._existing(s, unit, semester))
            count = open_count(s, unit, semester)
            if count:
                raise UserError(Text(f"还有{count}个问题未解决，不能审核通过", f"{count} queries are still open"))
            s.commit()

    def return_half(self, actor_name: str, unit: Unit, semester: Semester, reason: str) -> None:
        with self.store.session() as s:
            actor = self.acting(s, users.require(s, actor_name))
            self._transition(s, Action.RETURN, unit, semester, actor, reason, row=self._existing(s, unit, semester))
            s.commit()

    def reopen(self, actor_name: str, unit: Unit, semester: Semester, reason: str) -> None:
        with self.store.session() as s:
            actor = self.acting(s, users.require(s, actor_name))
            self._transition(s, Action.REOPEN, unit, semester, actor, reason, row=self._existing(s, unit, semester))
            s.commit()

    def withdraw(self, actor_name: str, unit: Unit, semester: Semester, reason: str) -> None:
        self.act(actor_name, unit, semester, Action.WITHDRAW, reason)

    def _existing(self, s: Session, unit: Unit, semester: Semester) -> SubmissionRow:
        row = self.store._submission(s, unit.code, semester)
        if row is None:
            raise UserError(Text(f"{unit.name.zh}尚未报送{semester.label('zh')}数据", f"{unit.name.en} has not submitted {semester}"))
        return row

    # --- the district -------------------------------------------------------------------------
    def sign_off(self, preparer: str, approver: str, password: str, unit: Unit, semester: Semester,
                 people: Mapping[str, str] | None = None) -> int:  # fmt: skip
        """Sign-off: an approver of the unit, not the preparer, confirms with their password and signs the version.

        Refused while any check blocks (an error, or a warning without explanation). Returns the version.
        """
        from desktop.store.passwords import verify_password

        # The checks read in sessions of their own: run them before this one takes the write lock.
        blocking = [r for r in self.store.checks(unit, semester) if r.blocking]
        with self.store.session() as s:
            clerk = users.require(s, preparer)
            row = self.store._submission(s, unit.code, semester)
            refusal = may_edit(self.acting(s, clerk), unit, row.status if row else Status.DRAFT)
            if refusal:
                raise UserError(refusal)
            signer = users.find(s, approver)
            if signer is None or not verify_password(signer.password_hash, password):
                raise UserError(Text("审核人或密码错误", "Wrong approver or password"))
            if signer.must_change_password:  # the signing key is sealed with the approver's own password only
                raise UserError(Text(f"审核人 {approver} 须先登录并修改市局给的一次性密码，才能签发",
                                     f"{approver} must first log in and change the one-time password before signing"))  # fmt: skip
            refusal = sign_off_refusal(actor_of(clerk), actor_of(signer), unit)
            if refusal:
                raise UserError(refusal)
            if blocking:
                listed = "".join(f"\n  • {r.message('zh')}" for r in blocking[:20])
                listed_en = "".join(f"\n  • {r.message('en')}" for r in blocking[:20])
                more = (f"\n  …另有{len(blocking) - 20}项", f"\n  … and {len(blocking) - 20} more") if len(blocking) > 20 else ("", "")
                raise UserError(Text(f"还有{len(blocking)}项错误或未说明的警告，不能报送：{listed}{more[0]}",
                                     f"{len(blocking)} errors or unexplained warnings remain; cannot submit:{listed_en}{more[1]}"))  # fmt: skip
            values, notes, digest = self._held_here(s, unit, semester)
            # After a restore of an older backup the database's count is behind what this computer signed and sent.
            version = max(row.version if row else 0, self.store.db.witness.signed_version(unit.code, str(semester))) + 1
            names = {"preparer": clerk.display_name or clerk.name, "approver": signer.display_name or signer.name,
                     **{k: v for k, v in (people or {}).items() if v}}  # fmt: skip
            people_json = json.dumps(names, ensure_ascii=False, sort_keys=True)
            changelog = json.dumps(self._changelog(s, unit, semester), ensure_ascii=False)
            message = keys.signed_message(unit.code, str(semester), version, digest, Status.SUBMITTED, clerk.name,
                                          signer.name, people_json, changelog)  # fmt: skip
            signature = keys.sign_in_session(s, unit, signer.name, password, message)
            # Kept as the bureau keeps what it receives: one installation for both sides then shows what the next
            # version changed. Its receipt as a file, later, records the receipt (see `receive`).
            self._keep(s, unit, semester, version, (values, notes, digest), signer.name, SIGNED_HERE)
            row, _ = self._transition(s, Action.SUBMIT, unit, semester, self.acting(s, signer),
                                      f"填报人 {clerk.name}，审核人 {signer.name} 确认 / prepared by {clerk.name}, approved by {signer.name}",
                                      row=row)  # fmt: skip
            row.version, row.prepared_by, row.signed_by, row.signed_at = version, clerk.name, signer.name, utcnow()
            row.fingerprint, row.people, row.changelog = digest, people_json, changelog
            row.signature, row.public_key = signature.signature, signature.public_key
            s.add(row)
            s.commit()
        self.store.db.witness.record_version(unit.code, str(semester), version)
        return version

    def _changelog(self, s: Session, unit: Unit, semester: Semester) -> list[dict]:
        """The unit-half's value changes since its previous sign-off, as the audit log holds them."""
        query = select(AuditRow).where(AuditRow.unit_code == unit.code, AuditRow.semester == str(semester))
        last = s.exec(select(AuditRow.id).where(AuditRow.unit_code == unit.code, AuditRow.semester == str(semester),
                      col(AuditRow.action).in_(("status.submit", "status")), AuditRow.new == Status.SUBMITTED)
                      .order_by(col(AuditRow.id).desc())).first()  # fmt: skip
        if last is not None:
            query = query.where(col(AuditRow.id) > last)
        rows = s.exec(query.where(col(AuditRow.action).in_(CHANGELOG_ACTIONS)).order_by(col(AuditRow.id)))
        return [{"at": r.at.isoformat(), "user": r.user, "action": r.action, "code": r.code, "old": r.old, "new": r.new,
                 "reason": r.reason} for r in rows]  # fmt: skip

    def apply_review(self, actor_name: str, unit: Unit, semester: Semester, decision: str, reason: str | None,
                     threads: list[dict], source: FileSource, reviewer: str = "", version: int | None = None,
                     decided_at: datetime | None = None) -> list[Change]:  # fmt: skip
        """The district receives the bureau's review by file: its decision (taken by the named reviewer at
        `decided_at`, brought in by `actor_name`) and the queries to answer. `version`: the submission it reviews; a
        review of an earlier one than this unit has since sent is refused as out of date."""
        action = {Status.RETURNED: Action.RETURN, Status.ACCEPTED: Action.ACCEPT, Status.REOPENED: Action.REOPEN,
                  Status.IN_REVIEW: Action.START_REVIEW}.get(decision)  # fmt: skip
        with self.store.session() as s:
            user = users.require(s, actor_name)
            if user.role != "admin" and user.unit_code != unit.code:
                raise UserError(Text(f"该审核意见属于{unit.name.zh}，用户 {actor_name} 不属于该单位",
                                     f"This review is for {unit.name.en}; user {actor_name} does not belong to it"))  # fmt: skip
            changes: list[Change] = []
            row = self.store._submission(s, unit.code, semester)
            if version is not None and row is not None and version < row.version:
                raise UserError(Text(f"这是对第{version}版的审核意见，本单位此后已报送第{row.version}版；此文件已过时，未作任何修改",
                                     f"This review is of version {version}; this unit has since sent version {row.version}. "
                                     "The file is out of date; nothing was changed"))  # fmt: skip
            moves = action is not None and (row is None or row.status != decision)
            if moves and (row is None or row.status not in SIGNED_OFF):
                raise UserError(Text("本单位该半年度没有待审核的报送，不能接收此审核意见",
                                     "This half has no submission awaiting review here; the review does not apply"))  # fmt: skip
            # The queries first: the bureau asked, answered or closed them before it decided (a query closed, then the
            # half accepted), and the log keeps that order.
            if merge_threads(s, threads, actor_name):
                changes.append(Change("", None, None, "queries"))
            if moves:
                if decided_at is not None and row.signed_at is not None and decided_at < aware(row.signed_at):
                    decided_at = None  # before the version it decides on was signed: not believed, the import's time kept
                old = row.status
                self._transition(s, action, unit, semester, Actor(reviewer or "市局审核员", "reviewer", None), reason,
                                 imported_by=actor_name, row=row, at=decided_at)  # fmt: skip
                changes.insert(0, Change("", old, decision, "status"))
            if changes:
                source.record(s, actor_name, unit, semester, len(changes))
            s.commit()
            return changes

    # --- the bureau ---------------------------------------------------------------------------
    def receive(self, actor_name: str, unit: Unit, semester: Semester, values: Mapping[str, object],
                explanations: Mapping[str, str], signed: SignOff, source: FileSource,
                threads: list[dict] = (), checks: list[dict] = ()) -> list[Change]:  # fmt: skip
        """The bureau takes in a signed-off version: its values replace the half's, as one step.

        An older version than the one held, or another file with the same version, is refused; the same
        file again changes nothing, but a version signed off here (one installation for both sides) is received
        once. The district's change log is recorded under its authors.
        """
        version = signed.version
        half = {"unit": unit.code, "semester": str(semester)}
        with self.store.session() as s:  # plain statements: a batch receives one file after another through here
            actor = self._actor(s, actor_name)
            row = s.execute(_HALF_ROW, half).first()
            if row is not None and row.version > version:
                raise UserError(Text(f"已接收过更新的版本（第{row.version}版），此文件为第{version}版，不能用旧版本覆盖",
                                     f"A newer version ({row.version}) was already received; this file is version {version}"))  # fmt: skip
            held = s.execute(_KEPT_FINGERPRINT, {**half, "version": version}).first()
            if held is not None and (held.origin != SIGNED_HERE or held.fingerprint != signed.fingerprint):
                if held.fingerprint != signed.fingerprint:
                    raise UserError(Text(f"已接收过{unit.name.zh}的第{version}版，而此文件的第{version}版内容不同；同一版本不能有两份不同的报送，请区县核实",
                                         f"Version {version} of {unit.name.en} was already received with other content; "
                                         "one version cannot have two different files — ask the district"))  # fmt: skip
                added = merge_threads(s, list(threads), actor_name)
                if added:  # the file that brought the answers, in the log as any import that changed something
                    source.record(s, actor_name, unit, semester, 1)
                s.commit()
                return [Change("", None, None, "queries")] if added else []
            previous = row.status if row else None
            step, at = self._step(s, Action.RECEIVE, unit, semester, actor, row.status if row else Status.DRAFT.value,
                                  signed_off_by(signed))  # fmt: skip
            parsed, problems = self.store._validate(unit, semester, values, explanations)
            if problems:
                raise ValuesRefused(problems)
            existing = {r.code: r for r in self.store._rows(s, semester, [unit.code])}
            for code, value_row in existing.items():  # what the new version no longer holds is cleared
                if code not in parsed and value_row.value is not None:
                    parsed[code] = None
            cleared = {c: "" for c, r in existing.items() if c not in explanations and r.explanation}
            changes = self.store._apply(s, actor_name, unit, semester, existing, parsed, {**cleared, **explanations},
                                        None, trail=False)  # fmt: skip
            self._record_changelog(s, unit, semester, signed, changes, actor_name)
            fields = {"status": step.new.value, "updated_by": actor.name, "updated_at": at, "received_at": at,
                      "version": version, "prepared_by": signed.prepared_by, "signed_by": signed.signed_by,
                      "signed_at": utcnow(), "fingerprint": signed.fingerprint, "people": signed.people,
                      "changelog": signed.changelog, "signature": signed.signature.signature,
                      "public_key": signed.signature.public_key}  # fmt: skip
            if row is None:
                s.execute(_NEW_HALF, columns_of(_HALF, {"unit_code": unit.code, "semester": str(semester), **fields}))
            else:
                s.execute(_UPDATE_HALF, {"row_id": row.id, **columns_of(_HALF, fields)})
            if previous != Status.SUBMITTED:
                changes.append(Change("", previous, Status.SUBMITTED, "status"))
            elif row.version != version:  # a later version while the earlier waited: the status stays 已报送
                changes.append(Change("", row.version, version, "version"))
            else:  # one database playing both sides (the demo): the district's own sign-off, received as it stands
                changes.append(Change("", None, None, "received"))
            kept = {"received_by": actor_name, "received_at": utcnow(), "origin": RECEIVED,
                    "snapshot": snapshot(parsed, explanations, checks)}  # fmt: skip
            if held is not None:  # this installation's own sign-off, now received as a file
                s.execute(_UPDATE_KEPT, {"kept_id": held.id, **columns_of(_KEPT, kept)})
            else:
                s.execute(_KEEP_VERSION, columns_of(_KEPT, {"unit_code": unit.code, "semester": str(semester),
                                                            "version": version, "fingerprint": signed.fingerprint, **kept}))  # fmt: skip
            if merge_threads(s, list(threads), actor_name):
                changes.append(Change("", None, None, "queries"))
            source.record(s, actor_name, unit, semester, len(changes))
            s.commit()
            return changes

    def _record_changelog(self, s: Session, unit: Unit, semester: Semester, signed: SignOff, changes: list[Change],
                          importer: str) -> None:  # fmt: skip
        """The district's own entries, under its authors; what they do not explain, under the version's signer."""
        try:
            entries = json.loads(signed.changelog or "[]")
        except ValueError:
            entries = []
        rows, last = [], {}
        entries = entries if isinstance(entries, list) else []
        held = self._held_entries(s, unit, semester) if entries and self._signed_here(s, unit, signed) else set()
        for e in entries:
            if not isinstance(e, dict) or e.get("action") not in CHANGELOG_ACTIONS:
                continue
            try:
                at = datetime.fromisoformat(str(e.get("at")))
            except ValueError:
                continue
            last[(e["action"], e.get("code"))] = e.get("new")
            if (aware(at), str(e.get("user") or ""), e["action"], e.get("code"), e.get("new")) in held:
                continue  # written here in the first place: one database playing both sides (the demo)
            rows.append({"at": at, "user": str(e.get("user") or ""), "action": e["action"], "unit_code": unit.code,
                         "semester": str(semester), "code": e.get("code"), "old": e.get("old"), "new": e.get("new"),
                         "reason": e.get("reason"), "imported_by": importer})  # fmt: skip
        now = utcnow()
        reason = f"第{signed.version}版报送，区县修改记录未涵盖 / version {signed.version}, not in the district's change log"
        for change in changes:
            action = "value.set" if change.what == "value" else "value.explain"
            if last.get((action, change.code), object()) != change.new:
                rows.append({"at": now, "user": signed.signed_by, "action": action, "unit_code": unit.code,
                             "semester": str(semester), "code": change.code, "old": change.old, "new": change.new,
                             "reason": reason, "imported_by": importer})  # fmt: skip
        audit.append(s, rows)

    def _signed_here(self, s: Session, unit: Unit, signed: SignOff) -> bool:
        """Whether this installation signed the version itself: only then can it hold the change log's entries (a
        bureau holds no district's signing key)."""
        if self._own_keys is None or not self._batch:
            found = s.execute(select_columns(InstallationKey.unit_code, InstallationKey.public_key))
            self._own_keys = {code: key for code, key in found}
        return self._own_keys.get(unit.code) == signed.signature.public_key

    @staticmethod
    def _held_entries(s: Session, unit: Unit, semester: Semester) -> set[tuple]:
        """This database's own value entries of the unit-half (not brought in from a file), as a change log names them."""
        found = s.execute(_OWN_EDITS, {"unit": unit.code, "semester": str(semester)})
        return {(aware(at), user, action, code, new) for at, user, action, code, new in found}

    def start_review(self, s: Session, actor: Actor, unit: Unit, semester: Semester, row: SubmissionRow) -> None:
        """A first query moves a received submission into review, in the query's transaction."""
        if row.status == Status.SUBMITTED:
            self._transition(s, Action.START_REVIEW, unit, semester, actor, row=row)

    def _held_here(self, s: Session, unit: Unit, semester: Semester) -> tuple[dict, dict, str]:
        """The unit-half as this database holds it: its values, its explanations and their fingerprint."""
        values, notes = self.store._decode(self.store._values(s, semester, [unit.code])).get(unit.code, ({}, {}))
        return values, notes, fingerprint(unit.code, str(semester), self.store.catalog.version, values, notes)

    @staticmethod
    def _keep(s: Session, unit: Unit, semester: Semester, version: int, held: tuple[dict, dict, str], by: str,
              origin: str) -> None:  # fmt: skip
        """Keeps a version as this database holds it (`held`, from _held_here), as received (or signed off) by `by`."""
        values, notes, digest = held
        s.execute(_KEEP_VERSION, columns_of(_KEPT, {
            "unit_code": unit.code, "semester": str(semester), "version": version, "fingerprint": digest,
            "received_by": by, "received_at": utcnow(), "origin": origin,
            "snapshot": snapshot({c: to_storage(v) for c, v in values.items()}, notes)}))  # fmt: skip

    def record_demo(self, actor_name: str, unit: Unit, semester: Semester, accepted: bool) -> None:
        """The demo's history: the bureau received version 1 (and accepted it). Only the demo calls this."""
        with self.store.session() as s:
            actor = self.acting(s, users.require(s, actor_name))
            row, _ = self._transition(s, Action.RECEIVE, unit, semester, actor, "演示数据 demo data")
            row.version = 1
            self._keep(s, unit, semester, 1, self._held_here(s, unit, semester), actor.name, RECEIVED)
            if accepted:
                self._transition(s, Action.ACCEPT, unit, semester, actor, "演示数据 demo data", row=row)
            s.commit()

    # The form's people who stay from one sign-off to the next; the preparer and the date are each sign-off's own.
    LASTING = ("head", "stats", "phone")

    def last_people(self, unit: Unit) -> tuple[dict[str, str], Semester | None, int]:
        """The lasting people on this unit's most recent sign-off, any half: (people, its half, its version)."""
        with self.store.session() as s:
            query = (select_columns(SubmissionRow.people, SubmissionRow.semester, SubmissionRow.version)
                     .where(SubmissionRow.unit_code == unit.code, col(SubmissionRow.people).is_not(None),
                            col(SubmissionRow.signed_at).is_not(None))
                     .order_by(col(SubmissionRow.signed_at).desc()).limit(1))  # fmt: skip
            row = s.exec(query).first()
        if row is None:
            return {}, None, 0
        try:
            people = json.loads(row.people)
        except ValueError:
            return {}, None, 0
        kept = {k: str(people[k]) for k in self.LASTING if isinstance(people, dict) and people.get(k)}
        return kept, Semester.parse(row.semester), row.version

    def approvers(self, unit: Unit) -> list[tuple[str, str]]:
        """The unit's active approvers: (user name, full name), for a person to choose from by name."""
        with self.store.session() as s:
            query = select(UserRow.name, UserRow.display_name).where(UserRow.unit_code == unit.code,
                                                                    UserRow.role == "approver", UserRow.active)  # fmt: skip
            return [(name, display or name) for name, display in s.exec(query)]

    def may_edit(self, user_name: str, unit: Unit, semester: Semester) -> Text | None:
        """Why `user_name` may not change the half's values now, or None: the GUI's read-only rule."""
        with self.store.session() as s:
            user = users.find(s, user_name)
            if user is None:
                return Text(f"没有用户“{user_name}”", f"No user '{user_name}'")
            row = self.store._submission(s, unit.code, semester)
            return may_edit(self.acting(s, user), unit, row.status if row else Status.DRAFT)

