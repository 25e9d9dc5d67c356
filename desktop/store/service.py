"""The store: what the command line and the GUI ask of the database, with permissions and audit.

Every operation opens a short session and commits or rolls back as one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import bindparam, insert, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from desktop.core.checks import CheckInput, CheckResult, run_checks
from desktop.core.consolidation import consolidate_counted
from desktop.core.derived import Figures, compute
from desktop.core.loading import Resources
from desktop.core.report import UnitHalf
from desktop.core.semester import Semester
from desktop.core.text import Text, UserError
from desktop.core.units import Unit
from desktop.core.values import Value, ValueRefused, from_storage, parse_value, to_storage
from desktop.core.workflow import Actor, Status, may_edit
from desktop.store import audit, installation, users
from desktop.store.database import Database
from desktop.store.models import AuditRow, SubmissionRow, UnitRow, ValueRow, columns_of, utcnow
from desktop.store.permissions import may_set_indicator

_NEWEST_AUDIT_ID = core_select(AuditRow.id).order_by(col(AuditRow.id).desc()).limit(1)


class StaleWrite(UserError):
    """Someone else changed the value since this window loaded it; nothing was overwritten."""


class ValuesRefused(UserError):
    """One or more values were refused; nothing was stored. `problems` lists (code, reason)."""

    def __init__(self, problems: list[tuple[str, Text]]):
        self.problems = problems
        lines_zh = [f"{code}: {text.zh}" for code, text in problems]
        lines_en = [f"{code}: {text.en}" for code, text in problems]
        super().__init__(
            Text("以下数据未保存：\n" + "\n".join(lines_zh), "Nothing was saved:\n" + "\n".join(lines_en))
        )


@dataclass(frozen=True, slots=True)
class FileSource:
    """The workbook a change came from: its name and SHA-256 go into the audit log."""

    name: str
    sha256: str
    kind: str

    def record(self, s: Session, actor: str, unit: Unit, semester: Semester, changes: int) -> None:
        audit.record_many(s, actor, unit.code, str(semester), f"sha256:{self.sha256} changes:{changes}",
                          [(f"import.{self.kind}", None, None, self.name)], utcnow())  # fmt: skip


@dataclass(frozen=True, slots=True)
class Change:
    code: str
    old: str | None
    new: str | None
    what: str  # value | explanation | status


def _typed(values: Mapping[str, object], explanations: Mapping[str, str], code: str) -> Text:
    """What a refused write would have stored, said back so that it is not lost from sight."""
    if code in values:
        typed = "" if values[code] is None else str(values[code]).strip()
        return Text(f"您输入的“{typed}”未保存", f"your '{typed}' was not stored") if typed else \
            Text("您的清除未执行", "your clearing was not done")
    return Text(f"您写的说明“{explanations.get(code, '').strip()}”未保存", f"your explanation '{explanations.get(code, '').strip()}' was not stored")


def _fetch(s: Session, query) -> list[tuple]:
    """The driver's own rows of a select of plain columns (no type conversions): a city's half is some 2,000 rows,
    read many times over by the checks and reports, and SQLAlchemy's row objects cost a fifth of that read."""
    conn = s.connection()
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = [compiled.params[k] for k in compiled.positiontup] if compiled.positional else compiled.params
    try:
        cursor = _cursor(conn)
        try:
            cursor.execute(str(compiled), params)
            return cursor.fetchall()
        finally:
            cursor.close()
    except conn.dialect.loaded_dbapi.Error:
        # Read again through SQLAlchemy: a failure then says what it is (a full or unreadable disk: StorageError).
        return conn.execute(query).all()


def _cursor(conn):
    return conn.connection.dbapi_connection.cursor()


# The writes' statements, built once: an import runs them once per file, and building one costs more than running it.
_VALUE = ValueRow.__table__
_ROWS = core_select(_VALUE.c.id, _VALUE.c.code, _VALUE.c.value, _VALUE.c.explanation, _VALUE.c.version,
                    _VALUE.c.updated_by, _VALUE.c.updated_at).where(_VALUE.c.semester == bindparam("semester"))  # fmt: skip
_ROWS_OF_UNITS = _ROWS.where(_VALUE.c.unit_code.in_(bindparam("units", expanding=True)))
_NEW_VALUES = insert(_VALUE)
_UPDATE_VALUES = update(_VALUE).where(_VALUE.c.id == bindparam("row_id")).values(
    value=bindparam("value"), explanation=bindparam("explanation"), updated_by=bindparam("updated_by"),
    updated_at=bindparam("updated_at"), version=bindparam("next_version"))  # fmt: skip


class Store:
    def __init__(self, db: Database, resources: Resources):
        self.db = db
        self.use(resources)

    def use(self, resources: Resources) -> None:
        """The set-up this store checks and consolidates with: the active package's (see context.reload_resources)."""
        self.resources = resources
        self.catalog = resources.catalog
        self.units = resources.units

    def session(self) -> Session:
        return self.db.session()

    # --- set-up -------------------------------------------------------------------------------
    def sync_units(self) -> None:
        """Mirrors resources/units.toml into the unit table (values keep pointing at their codes)."""
        wanted = {u.code: (u.name.zh, u.name.en, u.kind, u.parent) for u in self.units}
        with self.session() as s:
            existing = {u.code: u for u in s.exec(select(UnitRow))}
            if {c: (u.name_zh, u.name_en, u.kind, u.parent) for c, u in existing.items()} == wanted:
                return  # the usual case: nothing to write, no transaction at start-up
            for code, (zh, en, kind, parent) in wanted.items():
                row = existing.get(code) or UnitRow(code=code, name_zh="", name_en="", kind="")
                row.name_zh, row.name_en, row.kind, row.parent = zh, en, kind, parent
                s.add(row)
            s.commit()

    def is_empty(self) -> bool:
        with self.session() as s:
            return s.exec(select(ValueRow.id).limit(1)).first() is None

    # --- reading ------------------------------------------------------------------------------
    def status(self, unit: Unit, semester: Semester) -> Status:
        with self.session() as s:
            row = self._submission(s, unit.code, semester)
            return Status(row.status) if row else Status.DRAFT

    def _submission(self, s: Session, unit_code: str, semester: Semester) -> SubmissionRow | None:
        query = select(SubmissionRow).where(
            SubmissionRow.unit_code == unit_code, SubmissionRow.semester == str(semester)
        )
        return s.exec(query).first()

    def _rows(self, s: Session, semester: Semester, unit_codes: list[str] | None = None) -> list:
        """The rows a write compares against (id, code, value, explanation, version, updated_by, updated_at), as
        plain rows: the writes themselves are bulk statements."""
        if unit_codes is None:
            return s.connection().execute(_ROWS, {"semester": str(semester)}).all()
        return s.connection().execute(_ROWS_OF_UNITS, {"semester": str(semester), "units": list(unit_codes)}).all()

    def _values(self, s: Session, semester: Semester, unit_codes: list[str] | None = None, versions: bool = False) -> list:
        """Plain rows (unit_code, code, value, explanation[, version, updated_by, updated_at]) for reading: no ORM
        objects, which cost two thirds of a city report."""
        t = ValueRow.__table__.c  # Core columns: rows come back as tuples, without the ORM's loading
        columns = [t.unit_code, t.code, t.value, t.explanation]
        if versions:
            columns += [t.version, t.updated_by, t.updated_at]
        query = core_select(*columns).where(t.semester == str(semester))
        if unit_codes is not None:
            query = query.where(t.unit_code.in_(unit_codes))
        if versions:
            return s.connection().execute(query).all()
        return _fetch(s, query)  # plain text columns: the driver's tuples as they are

    def _decode(self, rows: list) -> dict[str, tuple[dict[str, Value], dict[str, str]]]:
        out: dict[str, tuple[dict[str, Value], dict[str, str]]] = {}
        indicators, counts, texts = self.catalog.indicators, self.catalog.counts, self.catalog.kept_as_text
        for row in rows:  # plain tuples: the hot path of every city figure
            unit_code, code, value, explanation = row[0], row[1], row[2], row[3]
            entry = out.get(unit_code)
            if entry is None:
                entry = out[unit_code] = ({}, {})
            if value is not None:
                if code in texts:
                    entry[0][code] = value
                elif code in counts and value.isascii() and value.isdigit():  # a stored count's canonical form
                    entry[0][code] = int(value)
                else:
                    ind = indicators.get(code)
                    entry[0][code] = value if ind is None else from_storage(ind, value)
            if explanation:
                entry[1][code] = explanation
        return out

    def unit_half(self, unit: Unit, semester: Semester, include: str = "accepted") -> UnitHalf:
        """A unit's half; for the city, the districts that `include` admits (core.consolidation.INCLUDE)."""
        if not unit.is_municipality:
            return self.entered(unit, semester)
        with self.session() as s:
            by_unit, merged = self._city(s, semester, include)
            own = self._values(s, semester, [unit.code], versions=True)
        # The versions of the city's own entries: what a correction of one of them is checked against.
        versions = {r.code: (r.version, r.updated_by, r.updated_at) for r in own}
        return UnitHalf(unit, semester, merged.values, by_unit[unit.code][1], merged, versions)

    def entered(self, unit: Unit, semester: Semester) -> UnitHalf:
        """What was entered for the unit itself, each value with its version, who and when (for the city, its own
        entries: no district's)."""
        with self.session() as s:
            rows = self._values(s, semester, [unit.code], versions=True)
        values, notes = self._decode(rows).get(unit.code, ({}, {}))
        versions = {r.code: (r.version, r.updated_by, r.updated_at) for r in rows}
        return UnitHalf(unit, semester, values, notes, None, versions)

    def _city(self, s: Session, semester: Semester, include: str = "accepted") -> tuple[dict, object]:
        """Every unit's raw values and explanations of one half, the city's being its consolidated figures (and its
        own explanations); and the consolidation itself."""
        by_unit = self._decode(self._values(s, semester))
        t = SubmissionRow.__table__.c
        statuses = dict(_fetch(s, core_select(t.unit_code, t.status).where(t.semester == str(semester))))
        city = self.units.municipality.code
        own, notes = by_unit.pop(city, ({}, {}))
        districts = [u.code for u in self.units.districts()]
        merged = consolidate_counted(self.catalog, {u: v for u, (v, _) in by_unit.items() if u in districts}, own,
                                     statuses, districts, include)  # fmt: skip
        by_unit[city] = (merged.values, notes)
        return by_unit, merged

    def submission(self, unit: Unit, semester: Semester) -> SubmissionRow | None:
        with self.session() as s:
            return self._submission(s, unit.code, semester)

    def last_editor(self, unit: Unit, semester: Semester) -> str | None:
        """The full name of whoever last changed a value of the half (the draft's 填表人)."""
        with self.session() as s:
            name = s.exec(select(ValueRow.updated_by).where(ValueRow.unit_code == unit.code, ValueRow.semester == str(semester))
                          .order_by(col(ValueRow.updated_at).desc())).first()  # fmt: skip
            if name is None:
                return None
            user = users.find(s, name)
            return (user.display_name or user.name) if user else name

    def all_units(self, semester: Semester) -> dict[str, tuple[dict[str, Value], dict[str, str]]]:
        """Every unit's raw values and explanations of one half, in one query."""
        with self.session() as s:
            return self._decode(self._values(s, semester))

    def statuses(self, semester: Semester) -> dict[str, SubmissionRow]:
        with self.session() as s:
            rows = s.exec(select(SubmissionRow).where(SubmissionRow.semester == str(semester)))
            return {r.unit_code: r for r in rows}

    def figures(self, unit: Unit, semester: Semester) -> Figures:
        return compute(self.catalog, self.unit_half(unit, semester).raw, semester)

    def check_input(self, unit: Unit, semester: Semester) -> CheckInput:
        now = self.unit_half(unit, semester)
        before = self.unit_half(unit, semester.same_last_year())
        return CheckInput(unit, semester, now.raw, now.explanations, before.raw, consolidated=unit.is_municipality,
                          provisional=now.consolidated is not None and now.consolidated.provisional)  # fmt: skip

    def checks(self, unit: Unit, semester: Semester) -> list[CheckResult]:
        return run_checks(self.catalog, self.resources.targets, self.check_input(unit, semester))

    def half_checks(self, semester: Semester) -> dict[str, list[CheckResult]]:
        """Every unit's checks of one half, as `checks` gives them, reading the half and the one a year before once."""
        return self.half_checks_and_values(semester)[0]

    def half_checks_and_values(self, semester: Semester) -> tuple[dict[str, list[CheckResult]], dict]:
        """The half's checks and the values they were run on ({unit: (raw, explanations)}, as `all_units`): one read."""
        with self.session() as s:
            now, merged = self._city(s, semester)
            before, _ = self._city(s, semester.same_last_year())
        catalog, targets, empty = self.catalog, self.resources.targets, ({}, {})
        checks = {u.code: run_checks(catalog, targets, CheckInput(u, semester, *now.get(u.code, empty), before.get(u.code, empty)[0],
                                                                   consolidated=u.is_municipality,
                                                                   provisional=merged.provisional and u.is_municipality))
                  for u in self.units}  # fmt: skip
        return checks, now

    def change_mark(self) -> int | None:
        """Moves with every change anyone makes (each is in the audit log): a window compares it with the one it read
        under, and reads again when another window or the command line has written since."""
        with self.session() as s:
            return s.execute(_NEWEST_AUDIT_ID).scalar()

    def semesters_with_data(self) -> list[Semester]:
        with self.session() as s:
            found = s.exec(select(ValueRow.semester).distinct())
            return sorted(Semester.parse(x) for x in found)

    def semesters_received(self) -> list[Semester]:
        """The halves for which the bureau holds a submission (received, in review, returned or accepted)."""
        with self.session() as s:
            found = s.exec(select(SubmissionRow.semester).where(SubmissionRow.status != Status.DRAFT.value).distinct())
            return sorted(Semester.parse(x) for x in found)

    # --- writing ------------------------------------------------------------------------------
    def set_values(self, actor: str, unit: Unit, semester: Semester, values: Mapping[str, object],
                   explanations: Mapping[str, str] | None = None, reason: str | None = None,
                   source: FileSource | None = None, expected: Mapping[str, int] | None = None) -> list[Change]:  # fmt: skip
        """Validates everything first; stores all of it in one transaction or nothing at all.

        A value of None or "" clears the stored value. Returns what actually changed.
        """
        explanations = explanations or {}
        with self.session() as s:
            _, status_row = self._editor(s, actor, unit, semester)
            parsed, problems = self._validate(unit, semester, values, explanations)
            if problems:
                raise ValuesRefused(problems)
            existing = {r.code: r for r in self._rows(s, semester, [unit.code])}
            if expected:
                self._check_versions(s, existing, expected, values, explanations)
            changes = self._apply(s, actor, unit, semester, existing, parsed, explanations, reason)
            if changes and status_row is None:
                s.add(SubmissionRow(unit_code=unit.code, semester=str(semester), status=Status.DRAFT, updated_by=actor))
            if changes and source is not None:
                source.record(s, actor, unit, semester, len(changes))
            s.commit()
            return changes

    def _check_versions(self, s: Session, existing: dict, expected: Mapping[str, int], values: Mapping[str, object],
                        explanations: Mapping[str, str]) -> None:  # fmt: skip
        """Refuses a write based on an old reading: two windows on one database never overwrite each other. Says who
        changed it (by name), when and to what, and what this user typed, which was not stored."""
        for code, version in expected.items():
            row = existing.get(code)
            if (row.version if row else 0) == version:
                continue
            ind = self.catalog.indicators.get(code)
            name = ind.name if ind else Text(code, code)
            typed = _typed(values, explanations, code)
            if row is None:  # a backup restored under this window
                raise StaleWrite(Text(f"“{name.zh}”在数据库中已不是本窗口读到的样子（可能已从备份恢复）；{typed.zh}；已重新载入最新数据",
                                      f"'{name.en}' is no longer as this window read it (a backup restored?); {typed.en}; "
                                      "the latest values are shown"))  # fmt: skip
            who = users.known_as(s, row.updated_by)
            when = row.updated_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            unit = (Text(f" {ind.unit.zh}", f" {ind.unit.en}") if ind and ind.unit.zh and row.value is not None else Text("", ""))
            now = Text(f"{row.value}{unit.zh}" if row.value is not None else "空", f"{row.value}{unit.en}" if row.value is not None else "empty")
            raise StaleWrite(Text(f"“{name.zh}”已被 {who} 于 {when} 修改为 {now.zh}，未覆盖；{typed.zh}；已重新载入最新数据",
                                  f"'{name.en}' was changed by {who} at {when} to {now.en}; nothing was overwritten; "
                                  f"{typed.en}; the latest values are shown"))  # fmt: skip

    def _editor(self, s: Session, actor: str, unit: Unit, semester: Semester) -> tuple:
        """The acting user and the half's status row, once it is clear that user may change the half."""
        user = users.require(s, actor)
        status_row = self._submission(s, unit.code, semester)
        serves = installation.served(s, self.units)
        refusal = may_edit(Actor(user.name, user.role, user.unit_code, user.active, serves), unit,
                           status_row.status if status_row else Status.DRAFT)  # fmt: skip
        if refusal:
            raise UserError(refusal)
        return user, status_row

    def _validate(self, unit: Unit, semester: Semester, values: Mapping[str, object],
                  explanations: Mapping[str, str]) -> tuple[dict[str, str | None], list[tuple[str, Text]]]:  # fmt: skip
        parsed: dict[str, str | None] = {}
        problems: list[tuple[str, Text]] = []
        for code in list(values) + [c for c in explanations if c not in values]:
            ind = self.catalog.indicators.get(code)
            if ind is None:
                problems.append((code, Text(f"目录中没有指标 {code}", f"no indicator {code} in the catalog")))
                continue
            refusal = may_set_indicator(unit, ind, self.catalog)
            if code not in values:
                # An explanation may be about any figure the unit shows, derived ones included.
                if refusal and (ind.aggregation == "municipal" and not unit.is_municipality):
                    problems.append((code, refusal))
                continue
            if refusal:
                problems.append((code, refusal))
                continue
            raw = values[code]
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                parsed[code] = None
                continue
            try:
                parsed[code] = to_storage(parse_value(ind, raw, semester))
            except ValueRefused as exc:
                problems.append(
                    (code, Text(f"“{ind.name.zh}”{exc.text.zh}", f"'{ind.name.en}' {exc.text.en}"))
                )
        for code, note in explanations.items():
            if len(note) > 2000:
                problems.append(
                    (code, Text("说明不能超过2000字", "an explanation may not exceed 2000 characters"))
                )
        return parsed, problems

    def _apply(self, s: Session, actor: str, unit: Unit, semester: Semester, existing: dict,
               parsed: dict[str, str | None], explanations: Mapping[str, str], reason: str | None,
               trail: bool = True) -> list[Change]:  # fmt: skip
        """Writes what differs with bulk statements (an import touches ~50 rows) and audits each change
        (unless the caller records the changes under their authors: a received submission)."""
        changes: list[Change] = []
        inserts, updates, entries = [], [], []
        now = utcnow()
        for code in dict.fromkeys(list(parsed) + list(explanations)):
            row = existing.get(code)
            value, note = (row.value, row.explanation) if row else (None, None)
            new_value = parsed.get(code, value) if code in parsed else value
            new_note = (explanations[code].strip() or None) if code in explanations else note
            if new_value != value:
                changes.append(Change(code, value, new_value, "value"))
                entries.append(("value.set", code, value, new_value))
            if new_note != note:
                changes.append(Change(code, note, new_note, "explanation"))
                entries.append(("value.explain", code, note, new_note))
            if new_value == value and new_note == note:
                continue
            fields = {"value": new_value, "explanation": new_note, "updated_by": actor, "updated_at": now}
            if row is None:
                inserts.append({"unit_code": unit.code, "semester": str(semester), "code": code, "version": 1, **fields})
            else:
                updates.append({"row_id": row.id, "next_version": row.version + 1, **fields})
        if inserts:
            columns_of(_VALUE, inserts[0])  # every insert has the same keys
            s.execute(_NEW_VALUES, inserts)
        if updates:
            s.execute(_UPDATE_VALUES, updates)
        if trail:
            audit.record_many(s, actor, unit.code, str(semester), reason, entries, now)
        return changes

    def identity(self) -> str:
        """This database's identity: the hash of its audit log's first entry ("" before it has one). A copy (a backup
        restored) is the same database, with the same history."""
        t = AuditRow.__table__.c
        with self.session() as s:
            first = s.connection().execute(core_select(t.hash).order_by(t.id).limit(1)).scalar()
        return first or ""

    def latest_reasons(self, unit: Unit, semester: Semester) -> dict[tuple[str, str], str | None]:
        """The reason given with the newest change of each value and each explanation of the unit-half, by
        (value.set | value.explain, code)."""
        t = AuditRow.__table__.c
        query = core_select(t.action, t.code, t.reason).where(
            t.unit_code == unit.code, t.semester == str(semester), t.action.in_(("value.set", "value.explain"))).order_by(t.id)  # fmt: skip
        with self.session() as s:
            return {(action, code): reason for action, code, reason in s.connection().execute(query)}

    def audit_entries(self, unit: Unit | None = None, limit: int | None = None) -> list:
        with self.session() as s:
            return audit.entries(s, unit.code if unit else None, limit)

