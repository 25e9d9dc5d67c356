"""Imports workbooks into the store: a file is taken whole or not at all, and says why when refused."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from string import ascii_uppercase

from desktop.core.fingerprint import fingerprint
from desktop.core.semester import Semester
from desktop.core.text import Text, UserError
from desktop.core.units import Unit
from desktop.core.workflow import SIGNED_OFF
from desktop.exchange.claims import decided_at, sign_off_of, signed_checks
from desktop.exchange.meta import unchunked
from desktop.exchange.reader import BookRefused, ImportedBook, Problem, read_book
from desktop.store.service import Change, FileSource, Store, ValuesRefused
from desktop.store.submissions import Submissions

IMPORTED, UNCHANGED, REFUSED = "imported", "unchanged", "refused"


@dataclass(slots=True)
class ImportResult:
    path: Path
    status: str
    kind: str | None = None
    unit: str | None = None
    semester: str | None = None
    changes: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)  # taken, but worth a look (e.g. made with an older set-up)
    changed: list[Change] = field(default_factory=list)  # what the file changed, one per value, explanation, status

    def to_json(self, lang: str = "zh") -> list[dict]:
        """`{file, sheet, cell, code, message}` per problem; one summary object when it was taken."""
        if self.problems:
            return [{"file": str(self.path), "sheet": p.sheet, "cell": p.cell, "code": p.code, "message": p.text(lang),
                     "level": "error"} for p in self.problems]  # fmt: skip
        message = Text(f"已导入，{self.changes}项变化", f"imported, {self.changes} changes") if self.status == IMPORTED \
            else Text("内容与数据库一致，未作修改", "same as the database; nothing changed")  # fmt: skip
        notes = [{"file": str(self.path), "sheet": None, "cell": None, "code": None, "message": n(lang), "level": "notice"}
                 for n in self.notes]  # fmt: skip
        return [{"file": str(self.path), "sheet": None, "cell": None, "code": None, "message": message(lang),
                 "level": self.status, "unit": self.unit, "semester": self.semester, "kind": self.kind,
                 "changes": self.changes, "changed": [{"code": c.code or None, "what": c.what, "old": _plain(c.old),
                                                       "new": _plain(c.new)} for c in self.changed]}] + notes  # fmt: skip


def _plain(stored) -> str | None:
    return None if stored is None else str(stored)  # a status is an enum; a value its stored text, as stored


def _refused(path: Path, text: Text, book: ImportedBook | None = None) -> ImportResult:
    return ImportResult(path, REFUSED, book.kind if book else None, book.unit_code if book else None,
                        str(book.semester) if book else None, 0, [Problem(None, None, None, text)])  # fmt: skip


def import_file(store: Store, path: Path, actor: str, expect_unit: Unit | None = None,
                expect_semester: Semester | None = None, memo: dict | None = None) -> ImportResult:  # fmt: skip
    """`memo`: what a batch learns once for all its files (who the actor is, the keys, how a set-up package
    differs) and the heads its files carried, which the batch keeps at its end."""
    path = Path(path)
    alone = memo is None
    memo = {} if alone else memo
    try:
        book = read_book(path, store.catalog)
    except BookRefused as exc:
        return ImportResult(path, REFUSED, problems=exc.problems)
    except UserError as exc:
        return _refused(path, exc.text)
    if book.problems:
        return ImportResult(path, REFUSED, book.kind, book.unit_code, str(book.semester), 0, book.problems)
    if "bureau" not in memo:
        memo["bureau"] = _bureau(store, actor)
    if book.kind == "submission" and not memo["bureau"]:
        return _refused(path, Text("这是报送件，由市局审核员导入；区县请导入填报模板或市局的审核意见",
                                   "This is a submission, imported by the bureau's reviewer; a district imports "
                                   "templates or the bureau's review"), book)  # fmt: skip
    refusal = _identity_problem(store, book, expect_unit, expect_semester, memo)
    if refusal:
        refused = _refused(path, refusal, book)
        refused.problems += _changed_cells(store, book) if book.kind == "submission" else []
        return refused
    unit = store.units.get(book.unit_code)
    source = FileSource(path.name, book.sha256, book.kind)
    checked = _own_chain(store, book, unit)  # before this import adds to the log
    if "submissions" not in memo:
        memo["submissions"] = Submissions(store, batch=True)
    try:
        if book.kind == "submission":
            changes = memo["submissions"].receive(actor, unit, book.semester, book.values, book.explanations,
                                                 sign_off_of(book), source, book.threads, signed_checks(book, store.catalog))  # fmt: skip
        elif book.kind == "review":
            reviewed = book.meta.get("version", "")
            changes = memo["submissions"].apply_review(actor, unit, book.semester, book.meta["decision"],
                                                      book.meta.get("reason") or None, book.threads, source,
                                                      book.meta.get("reviewer", ""),
                                                      int(reviewed) if reviewed.isdigit() else None, decided_at(book))  # fmt: skip
        else:
            against = _against_database(store, book, unit)
            if against.clashes:
                return ImportResult(path, REFUSED, book.kind, unit.code, str(book.semester), 0, against.clashes)
            changes = store.set_values(actor, unit, book.semester, against.values, against.explanations, _brought_by(book),
                                       source=source, expected=against.expected)  # nothing changed since this reading  # fmt: skip
    except ValuesRefused as exc:
        problems = [Problem(*book.cells.get(code, (None, None)), code, text) for code, text in exc.problems]
        return ImportResult(path, REFUSED, book.kind, unit.code, str(book.semester), 0, problems)
    except UserError as exc:
        return _refused(path, exc.text, book)
    status = IMPORTED if changes else UNCHANGED
    notes = []
    if book.kind == "submission":
        key = ("package", book.meta.get("package_version", ""), str(book.semester))
        if key not in memo:
            memo[key] = _package_notes(store, book)
        notes = list(memo[key])
    if book.kind == "review" and changes:
        notes.insert(0, _review_note(book))  # the decision and its reason, the moment the district imports it
    notes += [Text(f.message("zh"), f.message("en")) for f in book.formulas]  # each formula whose result was taken
    if book.kind == "template":
        notes += against.kept + _blanks_kept(store, book, unit) + _not_taken(store, book, unit)
    memo.setdefault("heads", []).extend(_carried_head(store, book, unit))
    if alone:
        _keep_heads(store, actor, memo)
    notes += checked
    return ImportResult(path, status, book.kind, unit.code, str(book.semester), len(changes), [], notes, list(changes))


@dataclass
class _Against:
    """A template's cells weighed against what the database holds now: what to write, what stays newer, what clashes."""

    values: dict[str, object]
    explanations: dict[str, str]
    expected: dict[str, int] = field(default_factory=dict)  # the versions read: the write checks them again
    kept: list[Text] = field(default_factory=list)  # left as exported while the program moved on: the newer stays
    clashes: list[Problem] = field(default_factory=list)  # changed in the file and, since the export, in the program


def _against_database(store: Store, book: ImportedBook, unit: Unit) -> _Against:
    """A template is filled in from a reading of this database: a cell the clerk left as it was exported must not undo
    what the program stored since, and a cell changed on both sides is not decided for the clerk. A template from
    another database (or made before templates kept their reading) is taken as it stands, as before."""
    from datetime import UTC

    from desktop.core.values import to_storage
    from desktop.exchange.meta import exported_from, note_digest

    reading = exported_from(book.meta, store.identity())
    if reading is None:
        return _Against(dict(book.values), dict(book.explanations))
    half = store.entered(unit, book.semester)
    ours_by_file = {key for key, reason in store.latest_reasons(unit, book.semester).items()
                    if reason and reason == _brought_by(book)}  # what this template itself last brought in  # fmt: skip
    out = _Against(dict(book.values), dict(book.explanations))
    for code in {**book.values, **book.explanations}:
        held = half.raw.get(code)
        ind, (sheet, cell) = store.catalog[code], book.cells.get(code, (None, None))
        version, by, at = half.versions.get(code, (0, "", None))
        at = at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at  # SQLite hands back UTC, naive
        for what, ours, theirs, original, drop in (
            (Text("数值", "value"), None if held is None else to_storage(held),
             to_storage(book.values[code]) if code in book.values else None,
             reading[0].get(code), out.values),
            (Text("说明", "explanation"), half.explanations.get(code) or None, book.explanations.get(code),
             reading[1].get(code), out.explanations),
        ):  # fmt: skip
            if code not in drop or theirs == ours:
                continue
            out.expected[code] = version
            if (("value.set" if what.en == "value" else "value.explain"), code) in ours_by_file:
                continue  # the program holds what an earlier import of this same file brought: the clerk filled in more
            digest = (lambda t: t) if what.en == "value" else (lambda t: note_digest(t) if t else None)  # noqa: E731
            if digest(ours) == original:
                continue  # the program holds what was exported: the clerk's change
            if digest(theirs) == original:  # the file as exported; the program moved on: the newer stays
                del drop[code]
                out.kept.append(Text(f"{ind.name.zh}的{what.zh}：文件中仍是导出模板时的“{_short(theirs)}”，此后程序中已由 {by} 改为“{_short(ours)}”，保留后者",
                                     f"{ind.name.en}, {what.en}: the file still has '{_short(theirs)}' as exported; {by} has since "
                                     f"changed it to '{_short(ours)}' in the program, which stays"))  # fmt: skip
                continue
            when = at.astimezone().strftime("%Y-%m-%d %H:%M") if at else ""
            out.clashes.append(Problem(sheet, cell, code, Text(
                f"“{ind.name.zh}”的{what.zh}在导出模板之后已由 {by} 于 {when} 在程序中改为“{_short(ours) or '空'}”，"
                f"文件中为“{_short(theirs)}”；两处都改过，不替您取舍，整个文件未导入。请重新导出模板填写，或在程序中修改",
                f"the {what.en} of '{ind.name.en}' was changed in the program by {by} at {when}, after the template was "
                f"exported, to '{_short(ours) or 'empty'}'; the file has '{_short(theirs)}'. Changed on both sides: nothing was "
                "imported. Export the template again, or change it in the program")))  # fmt: skip
    return out


def _not_taken(store: Store, book: ImportedBook, unit: Unit) -> list[Text]:
    """A template's calculated rows and its 上期 and 上年同期 columns are shown, not imported: a figure typed there that
    differs from the program's is said, so that "nothing changed" is never taken for the file being the same."""
    from decimal import Decimal, InvalidOperation

    from desktop.core.values import normalise_number_text, round_half_up
    from desktop.exchange.headings import NOT_APPLICABLE

    figures = {"derived": book.semester, "previous": book.semester.previous(), "last_year": book.semester.same_last_year()}
    held, found = {}, []
    for code, row, which, content in book.shown_only:
        ind = store.catalog[code]
        if which not in held:
            held[which] = store.figures(unit, figures[which])
        ours, text = held[which].get(code), str(content).strip()
        if not ind.numeric:
            same = text == ("" if ours is None else str(ours))
        elif text in (NOT_APPLICABLE.zh, NOT_APPLICABLE.en):
            same = held[which].is_not_applicable(code)
        else:
            try:
                theirs = Decimal(f"{content:.15g}") if isinstance(content, float) else Decimal(normalise_number_text(text))
                same = ours is not None and round_half_up(theirs, ind.places) == round_half_up(Decimal(ours), ind.places)
            except (InvalidOperation, ValueError, TypeError):
                same = False
        if not same:
            found.append((row, ind, which, f"{content:.15g}" if isinstance(content, float) else str(content).strip(), ours))
    if not found:
        return []
    column = {"derived": Text("计算行", "calculated row"), "previous": Text("上期列", "previous-half column"),
              "last_year": Text("上年同期列", "same-half-last-year column")}  # fmt: skip
    shown = found[:8]
    zh = "；".join(f"第{row}行{ind.name.zh}（{column[w].zh}）为“{_short(v)}”，程序中为“{'空' if o is None else o}”"
                  for row, ind, w, v, o in shown)  # fmt: skip
    en = "; ".join(f"row {row}, {ind.name.en} ({column[w].en}): '{_short(v)}', the program has '{'empty' if o is None else o}'"
                   for row, ind, w, v, o in shown)  # fmt: skip
    more = (f"等{len(found)}处", f" and {len(found) - len(shown)} more") if len(found) > len(shown) else ("", "")
    return [Text(f"计算行和上期、上年同期列只供对照，不会导入；以下{len(found)}处与程序中不同，未采用：{zh}{more[0]}。计算指标由其分子分母算出；上期数据请在该半年度中修改",
                 f"Calculated rows and the previous-half and last-year columns are shown for comparison and never imported; "
                 f"{len(found)} differ from the program's and were not taken: {en}{more[1]}. A calculated figure comes from its "
                 "inputs; change an earlier half's data in that half")]  # fmt: skip


def _brought_by(book: ImportedBook) -> str | None:
    """The reason logged with each change a template brings in: its identity, so a later import of the same template,
    filled in further, knows its own earlier changes from the program's."""
    template_id = book.meta.get("template_id", "")
    return f"导入填报模板 template:{template_id}" if template_id else None


def _short(text: str | None) -> str:
    text = text or ""
    return text if len(text) <= 40 else text[:39] + "…"


def _blanks_kept(store: Store, book: ImportedBook, unit: Unit) -> list[Text]:
    """A blank cell clears nothing (a template filled in part keeps what the database holds): said where the
    database holds a value or an explanation the file leaves blank, so a cleared cell is not taken for cleared."""
    half = store.unit_half(unit, book.semester)
    kept = []
    for code, (sheet, cell) in book.cells.items():
        ind = store.catalog.indicators.get(code)
        if ind is None:
            continue
        value = not ind.derived and code not in book.values and half.raw.get(code) is not None
        note = code not in book.explanations and bool(half.explanations.get(code))
        if value or note:
            row = cell.lstrip(ascii_uppercase)  # E51 → 51
            what = ((Text("数值", "value"),) if value else ()) + ((Text("说明", "explanation"),) if note else ())
            kept.append((sheet, row, ind, what))
    if not kept:
        return []
    shown = kept[:8]
    zh = "、".join(f"{ind.name.zh}（{sheet}第{row}行，{'和'.join(w.zh for w in what)}）" for sheet, row, ind, what in shown)
    en = "; ".join(f"{ind.name.en} ({sheet} row {row}, {' and '.join(w.en for w in what)})" for sheet, row, ind, what in shown)
    more = (f"等{len(kept)}处", f" and {len(kept) - len(shown)} more") if len(kept) > len(shown) else ("", "")
    return [Text(f"文件中的空白格不清除数据库中已有的内容，以下{len(kept)}处保留原值：{zh}{more[0]}。如需清除，请在程序中删除",
                 f"A blank cell clears nothing: {len(kept)} kept what the database holds: {en}{more[1]}. To clear one, "
                 "delete it in the program")]  # fmt: skip


def _review_note(book) -> Text:
    """What the bureau decided, who, why, and how many queries wait for an answer."""
    from desktop.core.workflow import STATUS_NAMES, Status

    try:
        decision = STATUS_NAMES[Status(book.meta["decision"])]
    except (KeyError, ValueError):
        decision = Text(str(book.meta.get("decision", "")), str(book.meta.get("decision", "")))
    reviewer = book.meta.get("reviewer_name") or book.meta.get("reviewer") or ""  # by full name, once files carry it
    reason = (book.meta.get("reason") or "").strip()
    waiting = sum(t["status"] != "resolved" for t in book.threads)
    zh = f"市局审核意见：{decision.zh}" + (f"（{reviewer}）" if reviewer else "") + (f"。原因：{reason}" if reason else "")
    en = f"The bureau's review: {decision.en}" + (f" ({reviewer})" if reviewer else "") + (f". Reason: {reason}" if reason else "")
    if waiting:
        zh += f"。有{waiting}个问题待答复，请在“问题”页查看并答复"
        en += f". {waiting} query(ies) await your answer on the Queries tab"
    return Text(zh + "。", en + ".")


class ImportStopped(Exception):
    """The person stopped a batch import: nothing of it was kept."""


def import_files(store: Store, paths: list[Path], actor: str, expect_unit: Unit | None = None,
                 expect_semester: Semester | None = None, progress: Callable[[int, str], bool] | None = None,
                 ) -> list[ImportResult]:  # fmt: skip
    """Imports many files in one transaction: each is taken whole or not at all, as alone, and the batch is written
    together at the end. `progress(done, file name)` is called before each file and once more at the end ("");
    when it returns False the import stops and nothing at all is kept (ImportStopped)."""
    results, memo = [], {}
    with store.db.batch() as batch:
        for index, path in enumerate(map(Path, paths)):
            if progress is not None and progress(index, path.name) is False:
                raise ImportStopped
            with batch.part() as undo:
                result = import_file(store, path, actor, expect_unit, expect_semester, memo)
                if result.status == REFUSED:
                    undo()
            results.append(result)
        if "submissions" in memo:
            memo["submissions"].confirm_actors()
        _keep_heads(store, actor, memo)
        if progress is not None and progress(len(results), "") is False:
            raise ImportStopped
    return results


def _carried_head(store: Store, book: ImportedBook, unit: Unit) -> list[dict]:
    """The sender's signed head, which this installation keeps as an independent copy and sends back with its own
    files; none when the file carries none."""
    import json

    from desktop.store.witness import head_signed

    if book.kind not in ("submission", "review"):
        return []
    try:
        head = json.loads(book.meta.get("audit_head") or "null")
    except ValueError:
        return []
    if not (isinstance(head, dict) and head_signed(head)):
        return []
    sender = store.units.municipality.code if book.kind == "review" else unit.code
    return [{"unit_code": sender, "kind": book.kind, "semester": str(book.semester),
             "version": int(book.meta.get("version") or 0), "head": head, "file_sha256": book.sha256}]  # fmt: skip


def _keep_heads(store: Store, actor: str, memo: dict) -> None:
    from desktop.store import heads

    heads.hold(store, actor, memo.pop("heads", []))


def _own_chain(store: Store, book: ImportedBook, unit: Unit) -> list[Text]:
    """This installation's chain against the heads the sender holds of it: a chain that no longer holds them is
    said, not hidden (the file is taken all the same)."""
    import json

    from desktop.store import heads
    from desktop.store.witness import head_signed

    if book.kind not in ("submission", "review"):
        return []
    try:
        held = json.loads(book.meta.get("held_heads") or "[]")
    except ValueError:
        return [Text("文件中的审计签名头已损坏，未能对照", "The file's audit heads are damaged and could not be compared")]
    held = [h for h in held if isinstance(h, dict) and head_signed(h)] if isinstance(held, list) else []
    holder = Text("市局", "the bureau") if book.kind == "review" else Text(unit.name.zh, unit.name.en)
    problem = heads.own_chain_problem(store, held, holder)
    return [problem] if problem else []


def _bureau(store: Store, actor: str) -> bool:
    from desktop.core.workflow import BUREAU_ROLES
    from desktop.store.users import Users

    user = Users(store).find(actor)
    return user is not None and user.role in BUREAU_ROLES


def _package_notes(store: Store, book: ImportedBook) -> list[Text]:
    """Flags a submission made with another set-up package than the bureau's, and the targets that differed."""
    from desktop.store import packages

    theirs, ours = book.meta.get("package_version", ""), packages.active_version(store)
    if not theirs or theirs == ours:
        return []
    head = Text(f"该报送按设置包 {theirs} 制作，市局现行为 {ours}", f"Made with set-up package {theirs}; the bureau's is {ours}")
    content = packages.content_of(store, theirs)
    if content is None and theirs.startswith(packages.BUILTIN):
        from desktop.resources import resources_dir

        content = packages.collect(resources_dir())  # the data files shipped with the program
    if content is None:
        return [Text(head.zh + "（市局无该版本记录）", head.en + " (unknown here)")]
    old = packages.validate(content, demo=True, written_before=True)  # only compared, never applied
    return [head] + [change.text for change in packages.target_differences(old, store.resources, book.semester)]


def _identity_problem(store: Store, book: ImportedBook, expect_unit: Unit | None, expect_semester: Semester | None,
                      memo: dict) -> Text | None:  # fmt: skip
    unit = store.units.get(book.unit_code)
    if unit is None:
        return Text(
            f"文件中的单位代码“{book.unit_code}”不存在", f"The file names an unknown unit '{book.unit_code}'"
        )
    if expect_unit is not None and unit.code != expect_unit.code:
        return Text(
            f"该文件属于{unit.name.zh}，而不是{expect_unit.name.zh}",
            f"This file is for {unit.name.en}, not {expect_unit.name.en}",
        )
    if expect_semester is not None and book.semester != expect_semester:
        return Text(f"该文件的报告期为{book.semester.label('zh')}，而不是{expect_semester.label('zh')}",
                    f"This file is for {book.semester.label('en')}, not {expect_semester.label('en')}")  # fmt: skip
    if book.kind == "review":
        return None  # a review holds no values, so another catalog version does not matter
    if book.catalog_version != store.catalog.version:
        return Text(f"该文件按指标目录 {book.catalog_version} 版制作，本系统为 {store.catalog.version} 版；请使用新模板重新填报",
                    f"This file was made with catalog version {book.catalog_version}, this installation has "
                    f"{store.catalog.version}; fill in a new template")  # fmt: skip
    if book.kind == "submission":
        if unit.is_municipality:
            return Text(
                "全市数据不通过报送文件导入", "The city's own figures are not imported from a submission"
            )
        if book.meta.get("status") not in SIGNED_OFF or not book.meta.get("version", "").isdigit() \
                or int(book.meta["version"]) < 1:  # fmt: skip
            return Text("这是草稿，不是报送件：须经本单位审核人签署报送后导出的文件才能接收",
                        "This is a draft, not a submission: only a file exported after an approver signed it off is received")  # fmt: skip
        digest = fingerprint(
            unit.code, str(book.semester), book.catalog_version, book.values, book.explanations
        )
        if digest != book.meta.get("fingerprint"):
            return Text("报送文件在导出后被修改过（内容指纹不符），不能接收；请区县重新导出",
                        "The submission was changed after it was exported (its fingerprint does not match); ask for a new export")  # fmt: skip
        from desktop.store import keys

        if "keys" not in memo:
            memo["keys"] = keys.key_book(store)
        return keys.signature_problem(store, unit, book.meta, sign_off_of(book).message(unit, book.semester), memo["keys"])
    return None


def _changed_cells(store: Store, book: ImportedBook) -> list[Problem]:
    """Each cell changed since signing, with the signed value and the value found, when the file's copy of the signed
    content is authentic (it hashes to a fingerprint the signature covers). Nothing when it is not: then the refusal
    alone stands."""
    import json
    from dataclasses import replace

    from desktop.core.fingerprint import stored, stored_fingerprint
    from desktop.store import keys

    meta = book.meta
    try:
        copy = json.loads(unchunked(meta, "signed_copy") or "null")
        values, notes = dict(copy["values"]), dict(copy["explanations"])
    except (ValueError, TypeError, KeyError):
        return []
    digest = stored_fingerprint(book.unit_code, str(book.semester), book.catalog_version, values, notes)
    unit = store.units.get(book.unit_code)
    claimed = replace(sign_off_of(book), fingerprint=digest)
    if not keys.verify(meta.get("public_key", ""), meta.get("signature", ""), claimed.message(unit, book.semester)):
        return []
    found, found_notes = stored(book.values), book.explanations
    out = []
    for code in sorted(set(values) | set(found) | set(notes) | set(found_notes)):
        sheet, cell = book.cells.get(code, (None, None))
        name = store.catalog[code].name if code in store.catalog else Text(code, code)
        signed, now = values.get(code) or "", found.get(code) or ""
        if signed != now:
            out.append(Problem(sheet, cell, code, Text(f"“{name.zh}”签署时为“{signed or '空'}”，文件中为“{now or '空'}”",
                                                       f"'{name.en}' was “{signed or 'empty'}” when signed, the file has “{now or 'empty'}”")))  # fmt: skip
        if (notes.get(code) or "") != (found_notes.get(code) or ""):
            note_cell = _note_cell(cell, meta)
            out.append(Problem(sheet, note_cell, code, Text(f"“{name.zh}”的说明在签署后被修改", f"The explanation of '{name.en}' was changed after signing")))
    return out


def _note_cell(value_cell: str | None, meta: dict[str, str]) -> str | None:
    """The explanation's cell in the value's row."""
    from desktop.exchange.address import column_letter

    if value_cell is None or not meta.get("note_col", "").isdigit():
        return None
    row = "".join(ch for ch in value_cell if ch.isdigit())
    return f"{column_letter(int(meta['note_col']))}{row}"
