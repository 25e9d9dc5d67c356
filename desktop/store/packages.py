"""Set-up packages: the bureau's catalog, units, targets, deadlines, form and narrative in one file.

The bureau's administrator changes targets and deadlines in the app (or edits the data files, e.g. to
add an indicator) and exports a package; each district imports it, sees what changes, and applies it in
one transaction. The active package stands in for the data files shipped with the program; it is read
through a cache folder so that one loader — with its precise errors — serves both.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlmodel import select

from desktop.core.loading import CatalogError, Resources, load_resources
from desktop.core.semester import Semester
from desktop.core.text import Text, UserError
from desktop.store import audit, installation, users
from desktop.store.models import ResourcePackage

FORMAT = "ecoreport-package/1"
MAX_BYTES = 5 * 1024 * 1024
BUILTIN = "builtin"
ACCOUNTS_FILE = "accounts.toml"  # only in a package exported for one district: its prepared accounts
DEMO_FILE = "demo.toml"  # present only in the demo's set-up: its targets are invented examples
DEMO_MARKER = (
    "# The demo's set-up: its targets are examples (示例), invented for trying the program.\n"
    "# A production database refuses a package that carries this file.\n"
    "demo = true\n"
)


SETTING_UP = Text("设定目标、截止日期和指标目录", "setting targets, deadlines and the catalog")  # the bureau's
EDITED_HERE = "edited here"  # the source of a set-up edited on this installation (targets, deadlines, the catalog)


def _allowed(rel: str) -> bool:
    parts = rel.split("/")
    if ".." in parts or rel.startswith("/") or not rel.endswith(".toml"):
        return False
    return rel in ("units.toml", "form.toml", "narrative.toml", DEMO_FILE, ACCOUNTS_FILE) or (len(parts) == 2 and parts[0] in ("catalog", "targets"))


def collect(root: Path) -> dict[str, str]:
    """The package content of a resources folder: every data file a package carries."""
    content = {}
    for path in sorted(root.rglob("*.toml")):
        rel = path.relative_to(root).as_posix()
        if _allowed(rel):
            content[rel] = path.read_text(encoding="utf-8")
    return content


def digest(content: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def cache_dir(sha: str) -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("EcoReport", appauthor=False)) / "packages" / sha


def materialise(content: dict[str, str], sha: str | None = None) -> Path:
    """Writes the content to its cache folder (once) and returns the folder.

    The folder appears whole or not at all: written beside it and renamed into place, so the window and a command
    line opening the same set-up at once never read a file the other is still writing."""
    sha = sha or digest(content)
    folder = cache_dir(sha)
    marker = folder / ".complete"
    if marker.exists():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{sha[:16]}-", dir=folder.parent))
    try:
        for rel, text in content.items():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        (staging / ".complete").write_text(sha)
        try:
            os.rename(staging, folder)
        except OSError:  # there already: another process's whole copy, or one left half-written before this rule
            if not marker.exists():
                shutil.rmtree(folder, ignore_errors=True)
                with contextlib.suppress(OSError):  # another process put its whole copy there meanwhile
                    os.rename(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def demo_content(root: Path | None = None) -> dict[str, str]:
    """The demo's set-up: the shipped data files with the example targets of resources/demo/targets."""
    from desktop.resources import resources_dir

    root = root or resources_dir()
    content = {rel: text for rel, text in collect(root).items() if not rel.startswith("targets/")}
    for file in sorted((root / "demo" / "targets").glob("*.toml")):
        content[f"targets/{file.name}"] = file.read_text(encoding="utf-8")
    content[DEMO_FILE] = DEMO_MARKER
    return content


def is_demo(store) -> bool:
    """Whether this database runs the demo's set-up (created by `init --demo`)."""
    return DEMO_FILE in effective_content(store)


def _refuse_samples(content: dict[str, str], resources: Resources) -> None:
    if DEMO_FILE in content:
        raise UserError(Text("这是演示用的设置包（目标为示例），不能用于正式数据库；演示数据库请加 --demo",
                             "This is the demo's set-up package (its targets are examples); a production database "
                             "does not take it. For a demo database add --demo"))  # fmt: skip
    samples = [f"{semester} {t.code}（{t.basis.zh}）" for semester in resources.targets.semesters()
               for t in resources.targets.by_semester[semester] if t.sample]  # fmt: skip
    if samples:
        raise UserError(Text(f"以下目标标为示例，不能用于正式数据库（请填写真实依据并去掉示例标记）：{'、'.join(samples)}",
                             f"These targets are marked as examples, which a production database does not take "
                             f"(give the real basis and remove the mark): {', '.join(samples)}"))  # fmt: skip


def validate(content: dict[str, str], demo: bool = False, written_before: bool = False) -> Resources:
    """Loads the content exactly as start-up would; a broken file is refused with its file and key.
    Example targets (and the demo's marker) are refused unless this is for a demo database."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="ecoreport-package-") as tmp:
        root = Path(tmp)
        for rel, text in content.items():
            if not _allowed(rel):
                raise UserError(Text(f"设置包中有不允许的文件 {rel}", f"The package holds a file it may not: {rel}"))
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        try:
            resources = load_resources(root, written_before=written_before)
            from desktop.core.narrative import load_narrative

            if (root / "narrative.toml").exists():
                load_narrative(root / "narrative.toml", resources.catalog)
        except CatalogError as exc:
            rel = Path(exc.file).relative_to(root).as_posix() if exc.file.startswith(str(root)) else exc.file
            raise UserError(Text(f"设置包有误：{rel}: {exc.key}: {exc.problem}", f"The package is broken: {rel}: {exc.key}: {exc.problem}")) from None
    if not demo:
        _refuse_samples(content, resources)
    if ACCOUNTS_FILE in content:
        from desktop.store import accounts

        accounts.parse(content[ACCOUNTS_FILE], resources.units)
    return resources


def active(store) -> ResourcePackage | None:
    with store.session() as s:
        return s.exec(select(ResourcePackage).where(ResourcePackage.active)).first()


def active_version(store) -> str:
    package = active(store)
    return package.version if package else f"{BUILTIN}-{store.catalog.version}"


def effective_content(store) -> dict[str, str]:
    package = active(store)
    return json.loads(package.content) if package else collect(store.resources.root)


def same_catalog(store, content: dict[str, str]) -> bool:
    """Whether `content` keeps the catalog files of the set-up in use: then it is judged as that was when it was
    accepted (targets and deadlines change every half; the catalog's own rules only bind a changed catalog)."""
    current = effective_content(store)
    pick = lambda files: {rel: text for rel, text in files.items() if rel.startswith("catalog/")}  # noqa: E731
    return pick(current) == pick(content)


def _administrator(user) -> None:
    if user.role != "admin":
        raise UserError(Text("只有管理员可以更改设置", "Only an administrator changes the set-up"))


def require_administrator(store, actor: str) -> None:
    """Refuses anyone but an administrator, asked before a change is listed as if it were made."""
    with store.session() as s:
        _administrator(users.require(s, actor))


def activate(store, actor: str, content: dict[str, str], source: str, version: str | None = None,
             demo: bool | None = None, also=None) -> str:
    """Validates and stores a package as the active one, in one transaction; returns its version.
    Example targets only where the database already runs the demo's set-up, or `demo` says so.
    A district's accounts are not part of the set-up: `also(session)` creates them in the same transaction."""
    resources = validate(content, demo=is_demo(store) if demo is None else demo, written_before=same_catalog(store, content))
    content = {rel: text for rel, text in content.items() if rel != ACCOUNTS_FILE}
    sha = digest(content)
    version = version or f"{resources.catalog.version}+{datetime.now(UTC):%Y%m%dT%H%M%S}"
    with store.session() as s:
        _administrator(users.require(s, actor))
        if source == EDITED_HERE:
            installation.require_bureau(s, store.units, SETTING_UP)
        existing = s.exec(select(ResourcePackage).where(ResourcePackage.version == version)).first()
        base, n = version, 1
        while existing is not None and existing.sha256 != sha:  # two edits within one second: a new version
            n += 1
            version = f"{base}.{n}"
            existing = s.exec(select(ResourcePackage).where(ResourcePackage.version == version)).first()
        for package in s.exec(select(ResourcePackage).where(ResourcePackage.active)):
            package.active = False
            s.add(package)
        if existing is None:
            existing = ResourcePackage(version=version, sha256=sha, content=json.dumps(content, ensure_ascii=False),
                                       source=source, created_by=actor)  # fmt: skip
        existing.active = True
        s.add(existing)
        audit.record(s, actor, "package.activate", new=version, reason=source)
        if also is not None:
            also(s)
        s.commit()
    return version


def content_of(store, version: str) -> dict[str, str] | None:
    with store.session() as s:
        package = s.exec(select(ResourcePackage).where(ResourcePackage.version == version)).first()
        return json.loads(package.content) if package else None


# --- the file -------------------------------------------------------------------------------------
def _signed(version: str, sha: str) -> bytes:
    return f"ecoreport-package\n{version}\n{sha}".encode()


def write_file(content: dict[str, str], version: str, path: Path, created_by: str, store=None,
               accounts: str | None = None) -> Path:
    """The package file; with `store`, signed with the bureau's key (unit 500000's) so districts can trust it.
    `accounts`: the accounts.toml of the one district this copy is for (covered by the signature)."""
    if accounts is not None:
        content = content | {ACCOUNTS_FILE: accounts}
    manifest = {"format": FORMAT, "version": version, "sha256": digest(content), "created_by": created_by,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"), "files": sorted(content)}  # fmt: skip
    if store is not None:
        from desktop.store import keys

        with store.session() as s:
            installation.require_bureau(s, store.units, Text("导出设置包", "exporting a set-up package"))
        signature = keys.sign(store, store.units.municipality, _signed(version, manifest["sha256"]))
        manifest.update(signature=signature.signature, public_key=signature.public_key, key_fingerprint=signature.fingerprint)
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        for rel, text in content.items():
            z.writestr(f"resources/{rel}", text)
    tmp.replace(path)
    return path


def read_file(path: Path) -> tuple[dict, dict[str, str]]:
    """(manifest, content) of a package file; anything odd is refused before it costs memory."""
    refused = UserError(Text("不是有效的设置包文件", "Not a set-up package"))
    # Begun as a package is (a zip) and unreadable after: cut short or damaged on its way, most often in the copying.
    damaged = UserError(Text("设置包文件不完整或已损坏（可能拷贝时中断）；请从市局重新拷贝该文件后再导入",
                             "The set-up package is incomplete or damaged (perhaps cut short in copying); copy it again "
                             "from the bureau and import that"))  # fmt: skip
    try:
        if Path(path).stat().st_size > MAX_BYTES:
            raise refused
        if not zipfile.is_zipfile(path):
            with open(path, "rb") as f:
                raise damaged if f.read(4) == b"PK\x03\x04" else refused
        with zipfile.ZipFile(path) as z:
            entries = z.infolist()
            if len(entries) > 200 or sum(e.file_size for e in entries) > MAX_BYTES:
                raise refused
            manifest = json.loads(z.read("manifest.json")[:65536])
            content = {}
            for entry in entries:
                if entry.filename.startswith("resources/"):
                    rel = entry.filename.removeprefix("resources/")
                    if not _allowed(rel):
                        raise refused
                    content[rel] = z.read(entry).decode("utf-8")
    except UserError:
        raise
    except (zipfile.BadZipFile, EOFError, zlib.error):
        raise damaged from None
    except (OSError, KeyError, ValueError, UnicodeDecodeError, RuntimeError):
        raise refused from None
    if manifest.get("format") != FORMAT or manifest.get("sha256") != digest(content) or not isinstance(manifest.get("version"), str):
        raise UserError(Text("设置包文件已损坏或被修改", "The set-up package is damaged or was modified"))
    return manifest, content


# --- what changes -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # catalog | indicator+ | indicator- | target | deadline | unit+ | unit-
    text: Text


def differences(old: Resources, new: Resources, halves: list[Semester] | None = None) -> list[Change]:
    out: list[Change] = []
    if old.catalog.version != new.catalog.version:
        out.append(Change("catalog", Text(f"指标目录 {old.catalog.version} → {new.catalog.version}",
                                          f"catalog {old.catalog.version} → {new.catalog.version}")))  # fmt: skip
    for code in new.catalog.indicators.keys() - old.catalog.indicators.keys():
        ind = new.catalog[code]
        out.append(Change("indicator+", Text(f"新增指标 {code}（{ind.name.zh}）", f"new indicator {code} ({ind.name.en})")))
    for code in old.catalog.indicators.keys() - new.catalog.indicators.keys():
        ind = old.catalog[code]
        out.append(Change("indicator-", Text(f"移除指标 {ind.name.zh}（{code}，已填数据保留）",
                                             f"indicator {ind.name.en} ({code}) removed (its values are kept)")))  # fmt: skip
    for unit in {u.code for u in new.units} - {u.code for u in old.units}:
        out.append(Change("unit+", Text(f"新增单位 {new.units.get(unit).label('zh')}", f"new unit {new.units.get(unit).label('en')}")))
    semesters = halves or sorted(set(old.targets.semesters()) | set(new.targets.semesters()))
    for semester in semesters:
        out += target_differences(old, new, semester)
        before, after = old.targets.deadlines.get(semester), new.targets.deadlines.get(semester)
        if before != after:
            out.append(Change("deadline", Text(f"{semester.label('zh')}截止日期 {before or '无'} → {after or '无'}",
                                               f"{semester} deadline {before or 'none'} → {after or 'none'}")))  # fmt: skip
    return out


def target_differences(old: Resources, new: Resources, semester: Semester) -> list[Change]:
    def key(t):
        return (t.code, t.units)

    before = {key(t): t for t in old.targets.by_semester.get(semester, [])}
    after = {key(t): t for t in new.targets.by_semester.get(semester, [])}
    out = []
    for k in sorted(before.keys() | after.keys()):
        b, a = before.get(k), after.get(k)
        if b is not None and a is not None and (b.op, b.value) == (a.op, a.value):
            continue
        show = lambda t: f"{t.op} {t.value}" if t else "—"  # noqa: E731
        ind = new.catalog.indicators.get(k[0]) or old.catalog.indicators.get(k[0])
        name = ind.name if ind is not None else Text(k[0], k[0])
        where = _scope_words(new, k[1])
        out.append(Change("target", Text(f"{semester.label('zh')}目标 {name.zh}（{where.zh}）：{show(b)} → {show(a)}",
                                         f"{semester.label('en')} target {name.en} ({where.en}): {show(b)} → {show(a)}")))  # fmt: skip
    return out


def _scope_words(resources: Resources, scope: str) -> Text:
    """Whom a target applies to, in words: the city, every district, both, or one unit by name."""
    words = {"municipality": Text("全市", "the city"), "districts": Text("各区县", "every district"),
             "all": Text("全市和各区县", "the city and every district")}  # fmt: skip
    unit = resources.units.get(scope)
    return words.get(scope) or (Text(unit.name.zh, unit.name.en) if unit is not None else Text(scope, scope))


# --- editing targets and deadlines -------------------------------------------------------------------
def targets_toml(semester: Semester, targets, deadline: date | None) -> str:
    """The targets file of one half, as the data files write it."""
    lines = [f"# Targets for {semester}, edited in EcoReport.", f'semester = "{semester}"']
    if deadline is not None:
        lines.append(f'deadline = "{deadline.isoformat()}"')
    for t in targets:
        value = f'"{t.value}"' if isinstance(t.value, str) else format(t.value, "f")
        lines += ["", "[[target]]", f'code = "{t.code}"', f'units = "{t.units}"', f'op = "{t.op}"', f"value = {value}",
                  f"basis_zh = {json.dumps(t.basis.zh, ensure_ascii=False)}", f"basis_en = {json.dumps(t.basis.en, ensure_ascii=False)}"]  # fmt: skip
        if t.example:
            lines.append("example = true")
    return "\n".join(lines) + "\n"


def with_half(content: dict[str, str], semester: Semester, targets, deadline: date | None) -> dict[str, str]:
    updated = dict(content)
    updated[f"targets/{semester}.toml"] = targets_toml(semester, targets, deadline)
    return updated


def check_origin(store, actor: str, manifest: dict) -> Text:
    """Verifies the bureau's signature on a package; the first package's key is remembered (trust on first
    use, to be confirmed by phone), later ones must carry the same. Returns what to tell the user."""
    from sqlmodel import select as model_select

    from desktop.store import keys
    from desktop.store.models import UnitKey

    public, signature = manifest.get("public_key", ""), manifest.get("signature", "")
    if not public or not keys.verify(public, signature, _signed(manifest["version"], manifest["sha256"])):
        raise UserError(Text("设置包没有市局签名或签名无效，未导入", "The package is not signed by the bureau, or the signature is invalid"))
    city = store.units.municipality
    with store.session() as s:
        known = s.exec(model_select(UnitKey).where(UnitKey.unit_code == city.code)).all()
    own = (keys.public_key(store, city) or ("",))[0]  # the bureau importing its own package (never made here)
    print_ = keys.fingerprint(public)
    if public == own or any(k.public_key == public for k in known):
        return Text(f"市局签名有效（指纹 {print_}）", f"Signed by the bureau (fingerprint {print_})")
    if known:
        raise UserError(Text(f"设置包的签名公钥（指纹 {print_}）不是本机已登记的市局公钥，未导入",
                             f"The package is signed by a key (fingerprint {print_}) other than the bureau's registered one"))  # fmt: skip
    keys.register_trusted(store, actor, city, public)
    return Text(f"首次导入：已登记市局公钥，指纹 {print_}，请与市局电话核对",
                f"First package: the bureau's key is now registered, fingerprint {print_}; confirm it with the bureau by phone")  # fmt: skip


@dataclass(frozen=True)
class Incoming:
    """A package file read and checked, before anything is applied."""

    manifest: dict
    content: dict[str, str]
    changes: list  # [Change]
    accounts: list[dict]  # the district accounts it carries
    existing: frozenset[str] = frozenset()  # the names of those already here: left as they are
    first: bool = False  # no bureau key is registered yet: its fingerprint is to be compared by phone

    @property
    def version(self) -> str:
        return self.manifest["version"]

    @property
    def fingerprint(self) -> str:
        """Of the key that signed it (as the manifest says; check_origin verifies the signature)."""
        from desktop.store import keys

        public = self.manifest.get("public_key", "")
        return keys.fingerprint(public) if public else "—"


def incoming(store, path: Path, demo: bool = False) -> Incoming:
    """Reads a package file and what it would change here; refuses a broken or (unless demo) sample one."""
    from desktop.store import accounts

    manifest, content = read_file(Path(path))
    new = validate(content, demo=demo or is_demo(store), written_before=same_catalog(store, content))
    prepared = accounts.parse(content[ACCOUNTS_FILE], new.units) if ACCOUNTS_FILE in content else []
    from sqlmodel import select as model_select

    from desktop.store.models import UnitKey

    with store.session() as s:
        accounts.served_here(s, store.units, prepared)  # refused before anyone is asked to confirm it
        existing = frozenset(a["name"] for a in prepared if users.find(s, a["name"]) is not None)
        first = s.exec(model_select(UnitKey.id).where(UnitKey.unit_code == store.units.municipality.code)).first() is None
    return Incoming(manifest, content, differences(store.resources, new), prepared, existing, first)


def apply_incoming(store, actor: str, package: Incoming, source: str, demo: bool = False) -> tuple[Text, list[str], list[str]]:
    """Checks the bureau's signature, then applies the set-up and creates its accounts in one transaction.
    Returns (what the signature check says, accounts created, accounts already here)."""
    from desktop.store import accounts

    origin = check_origin(store, actor, package.manifest)
    made: list[tuple[list[str], list[str]]] = []
    activate(store, actor, package.content, source, package.version, demo=demo or is_demo(store),
             also=lambda s: made.append(accounts.create_from_package(s, store.units, actor, package.accounts)))  # fmt: skip
    created, existing = made[0]
    return origin, created, existing
