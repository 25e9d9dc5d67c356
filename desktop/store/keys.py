"""Signed submissions: each installation's Ed25519 key pair, and the districts' keys the bureau trusts.

A district reads its key's fingerprint (five groups of four, short enough for the phone) to the
bureau, which registers the key file for that district. Submissions are signed at export; at import
the signature must check out and the key must be registered to the district the workbook names.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select as core_select
from sqlmodel import select

from desktop.core.text import Text, UserError
from desktop.core.units import Unit
from desktop.store import audit, users
from desktop.store.models import InstallationKey, KeySlot, UnitKey

KEY_FILE_HEADER = "# EcoReport public key — 生态环境半年报填报审核系统 公钥文件"


def fingerprint(public_key_b64: str) -> str:
    digest = hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest().upper()
    return "-".join(digest[i : i + 4] for i in range(0, 20, 4))


def signed_message(unit: str, semester: str, version: int | str, content_fingerprint: str, status: str = "",
                   prepared_by: str = "", signed_by: str = "", people: str = "", changelog: str = "") -> bytes:  # fmt: skip
    """What a submission's signature covers: its identity, content, status, sign-off names and change log."""
    digest = lambda text: hashlib.sha256(text.encode("utf-8")).hexdigest()  # noqa: E731
    return (f"ecoreport-submission/2\n{unit}\n{semester}\n{version}\n{content_fingerprint}\nstatus={status}\n"
            f"prepared_by={prepared_by}\nsigned_by={signed_by}\npeople={digest(people)}\nchangelog={digest(changelog)}").encode()  # fmt: skip


@dataclass(frozen=True, slots=True)
class Signature:
    signature: str  # base64
    public_key: str  # base64, raw 32 bytes
    fingerprint: str


class KeyLocked(UserError):
    """The installation key cannot be used by this user: no slot, or a wrong password."""


def _kek(password: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(password.encode("utf-8"))


def _seal(key: bytes, data: bytes) -> str:
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return base64.b64encode(nonce + AESGCM(key).encrypt(nonce, data, None)).decode()


def _open(key: bytes, sealed: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    raw = base64.b64decode(sealed)
    try:
        return AESGCM(key).decrypt(raw[:12], raw[12:], None)
    except InvalidTag:
        raise KeyLocked(Text("密码错误，无法使用本机签名密钥", "Wrong password; the signing key stays locked")) from None


def _add_slot(s, key: InstallationKey, user_name: str, password: str, data_key: bytes) -> None:
    import os

    salt = os.urandom(16)
    s.add(KeySlot(key_id=key.id, user_name=user_name, salt=base64.b64encode(salt).decode(),
                  wrapped=_seal(_kek(password, salt), data_key)))  # fmt: skip


def _data_key(s, key: InstallationKey, user_name: str, password: str, unit: Unit) -> bytes:
    slot = s.exec(select(KeySlot).where(KeySlot.key_id == key.id, KeySlot.user_name == user_name)).first()
    if slot is None:
        holders = "、".join(s.exec(select(KeySlot.user_name).where(KeySlot.key_id == key.id))) or "—"
        raise KeyLocked(Text(f"本机{unit.name.zh}的签名密钥尚未授权给 {user_name}；请由已授权的审核人（{holders}）授权："
                             f"ecoreport key grant {unit.code} --user 已授权者 --to {user_name}",
                             f"{unit.name.en}'s signing key is not yet granted to {user_name}; a holder ({holders}) grants it: "
                             f"ecoreport key grant {unit.code} --user HOLDER --to {user_name}"))  # fmt: skip
    return _open(_kek(password, base64.b64decode(slot.salt)), slot.wrapped)


def rewrap_slots(s, user_name: str, old_password: str, new_password: str) -> int:
    """A user who changes their own password keeps the signing keys they hold: each of their slots is opened with
    the old password and sealed again with the new one, in the password change's transaction."""
    slots = list(s.exec(select(KeySlot).where(KeySlot.user_name == user_name)))
    for slot in slots:
        data_key = _open(_kek(old_password, base64.b64decode(slot.salt)), slot.wrapped)
        salt = os.urandom(16)
        slot.salt, slot.wrapped = base64.b64encode(salt).decode(), _seal(_kek(new_password, salt), data_key)
        s.add(slot)
    return len(slots)


def unlock(s, unit: Unit, user_name: str, password: str):
    """The unit's private key, opened with `user_name`'s password (the caller checked that password and role).

    The first signer creates the key; a key from before key slots is sealed now, and its clear copy erased.
    """
    import os

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = s.exec(select(InstallationKey).where(InstallationKey.unit_code == unit.code)).first()
    if key is None or not key.sealed:
        if key is None:
            private = Ed25519PrivateKey.generate()
            raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
            public = base64.b64encode(raw).decode()
            key = InstallationKey(unit_code=unit.code, private_key="", public_key=public, fingerprint=fingerprint(public))
        else:
            private = serialization.load_pem_private_key(key.private_key.encode(), password=None)
        pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        data_key = os.urandom(32)
        key.sealed, key.private_key = _seal(data_key, pem), ""
        s.add(key)
        s.flush()
        _add_slot(s, key, user_name, password, data_key)
        audit.record(s, user_name, "key.seal", unit=unit.code, new=key.fingerprint)
        return private, key
    pem = _open(_data_key(s, key, user_name, password, unit), key.sealed)
    return serialization.load_pem_private_key(pem, password=None), key


def sign_in_session(s, unit: Unit, user_name: str, password: str, message: bytes) -> Signature:
    private, key = unlock(s, unit, user_name, password)
    return Signature(base64.b64encode(private.sign(message)).decode(), key.public_key, key.fingerprint)


def grant(store, unit: Unit, holder: str, holder_password: str, to: str, to_password: str) -> None:
    """A slot holder lets another approver of the unit sign: both type their passwords."""
    from desktop.store.passwords import verify_password

    with store.session() as s:
        users_ = {u: users.require(s, u) for u in (holder, to)}
        for name, password in ((holder, holder_password), (to, to_password)):
            if not verify_password(users_[name].password_hash, password):
                raise KeyLocked(Text(f"{name} 的密码错误", f"Wrong password for {name}"))
        target = users_[to]
        if target.role != "approver" or target.unit_code != unit.code:
            raise UserError(Text(f"只能授权给{unit.name.zh}的审核人", f"Only an approver of {unit.name.en} can be granted the key"))
        key = s.exec(select(InstallationKey).where(InstallationKey.unit_code == unit.code)).first()
        if key is None or not key.sealed:
            raise UserError(Text("本机还没有该单位的签名密钥；第一次报送时自动生成", "No signing key yet; the first sign-off creates it"))
        if s.exec(select(KeySlot.id).where(KeySlot.key_id == key.id, KeySlot.user_name == to)).first() is None:
            _add_slot(s, key, to, to_password, _data_key(s, key, holder, holder_password, unit))
            audit.record(s, holder, "key.grant", unit=unit.code, new=to)
        s.commit()


def _own(store, unit: Unit) -> InstallationKey:
    """The bureau's own key (set-up packages): created on first use, not yet protected by slots."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    with store.session() as s:
        key = s.exec(select(InstallationKey).where(InstallationKey.unit_code == unit.code)).first()
        if key is not None:
            return key
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        public = base64.b64encode(raw).decode()
        key = InstallationKey(unit_code=unit.code, private_key=pem.decode(), public_key=public, fingerprint=fingerprint(public))
        s.add(key)
        s.commit()
        s.refresh(key)
        return key


def public_key(store, unit: Unit) -> tuple[str, str] | None:
    """(public key, fingerprint) of this installation's key for `unit`, if it has one."""
    with store.session() as s:
        key = s.exec(select(InstallationKey).where(InstallationKey.unit_code == unit.code)).first()
        return (key.public_key, key.fingerprint) if key else None


def create_for(store, unit: Unit, user_name: str, password: str) -> tuple[str, str]:
    """Makes (or opens) the unit's key with an approver's password; returns (public key, fingerprint)."""
    from desktop.store.passwords import verify_password

    with store.session() as s:
        user = users.require(s, user_name)
        if not verify_password(user.password_hash, password):
            raise KeyLocked(Text(f"{user_name} 的密码错误", f"Wrong password for {user_name}"))
        if user.must_change_password:  # a key is sealed with the approver's own password only
            raise UserError(Text(f"{user_name} 须先登录并修改市局给的一次性密码", f"{user_name} must first log in and change the one-time password"))
        if unit.is_municipality:
            if user.role != "admin":
                raise UserError(Text("市局密钥由管理员管理", "The bureau's key is managed by an administrator"))
        elif user.role != "approver" or user.unit_code != unit.code:
            raise UserError(Text(f"签名密钥须由{unit.name.zh}的审核人生成", f"An approver of {unit.name.en} makes the signing key"))
        if unit.is_municipality:
            key = None
        else:
            _, key = unlock(s, unit, user_name, password)
            s.commit()
    if key is None:
        key = _own(store, unit)
    return key.public_key, key.fingerprint


def own_public_key(store, unit: Unit) -> tuple[str, str]:
    """The bureau's key; a district's key must exist already (made at its first sign-off or key export)."""
    if unit.is_municipality:
        key = _own(store, unit)
        return key.public_key, key.fingerprint
    found = public_key(store, unit)
    if found is None:
        raise UserError(Text(f"本机还没有{unit.name.zh}的签名密钥；请由本单位审核人输入密码生成",
                             f"No signing key for {unit.name.en} yet; an approver of the unit makes it with their password"))  # fmt: skip
    return found


def sign(store, unit: Unit, message: bytes) -> Signature:
    """Signs with the bureau's own key (set-up packages)."""
    from cryptography.hazmat.primitives import serialization

    key = _own(store, unit)
    private = serialization.load_pem_private_key(key.private_key.encode(), password=None)
    return Signature(base64.b64encode(private.sign(message)).decode(), key.public_key, key.fingerprint)


def verify(public_key_b64: str, signature_b64: str, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64, validate=True)).verify(
            base64.b64decode(signature_b64, validate=True), message
        )
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def key_file(store, unit: Unit) -> str:
    public, print_ = own_public_key(store, unit)
    return (f'{KEY_FILE_HEADER}\nunit = "{unit.code}"\nunit_name = "{unit.name.zh}"\n'
            f'fingerprint = "{print_}"\npublic_key = "{public}"\n')  # fmt: skip


def read_key_file(path: Path) -> tuple[str, str]:
    """(unit code, public key) from a key file; refuses anything else."""
    import tomllib

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8")[:4096])
        unit, public = str(data["unit"]), str(data["public_key"])
        if len(base64.b64decode(public, validate=True)) != 32:
            raise ValueError("not an Ed25519 key")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, ValueError):
        raise UserError(Text("不是有效的公钥文件", "Not a public key file")) from None
    return unit, public


def register(store, actor: str, unit: Unit, public_key: str) -> str:
    with store.session() as s:
        user = users.require(s, actor)
        if user.role not in ("reviewer", "admin"):
            raise UserError(Text("只有市局审核员或管理员可以登记公钥", "Only a bureau reviewer or administrator registers keys"))
        existing = s.exec(select(UnitKey).where(UnitKey.public_key == public_key)).first()
        if existing is not None and existing.unit_code != unit.code:
            other = store.units.get(existing.unit_code)
            raise UserError(Text(f"该公钥已登记给{other.name.zh}", f"This key is already registered to {other.name.en}"))
        print_ = fingerprint(public_key)
        if existing is None:
            s.add(UnitKey(unit_code=unit.code, public_key=public_key, fingerprint=print_, registered_by=actor))
            audit.record(s, actor, "key.register", unit=unit.code, new=print_)
            s.commit()
        return print_


def own_keys(store) -> list[InstallationKey]:
    """This installation's own signing keys (public parts and fingerprints), one per unit it signs for."""
    with store.session() as s:
        return list(s.exec(select(InstallationKey).order_by(InstallationKey.unit_code)))


def registered(store) -> list[UnitKey]:
    with store.session() as s:
        return list(s.exec(select(UnitKey).order_by(UnitKey.unit_code)))


@dataclass(frozen=True, slots=True)
class KeyBook:
    """Which public key signs for which unit here: this installation's own, and the districts' registered keys.
    Read once for a batch of files (nothing in an import registers a key)."""

    own: dict[str, str]  # unit code → this installation's public key
    registered: dict[str, str]  # public key → the unit it is registered to


def key_book(store) -> KeyBook:
    own_t, reg_t = InstallationKey.__table__.c, UnitKey.__table__.c
    with store.session() as s:
        conn = s.connection()
        own = dict(conn.execute(core_select(own_t.unit_code, own_t.public_key)).all())
        registered = {public: unit for unit, public in conn.execute(core_select(reg_t.unit_code, reg_t.public_key))}
    return KeyBook(own, registered)


def signature_problem(store, unit: Unit, meta: dict[str, str], message: bytes, book: KeyBook | None = None) -> Text | None:
    """Why a submission's signature is not acceptable here, or None. `book`: the keys, when a batch read them."""
    signature, public = meta.get("signature", ""), meta.get("public_key", "")
    if not signature or not public:
        return Text("报送文件没有签名，不能接收；请区县用本系统重新导出", "The submission is not signed; ask the district to export it again")
    if not verify(public, signature, message):
        return Text("报送文件的签名无效：文件在签名后被修改过", "The submission's signature is invalid: it was changed after signing")
    book = book or key_book(store)
    if public == book.own.get(unit.code):
        return None  # made on this very installation
    registered_to = book.registered.get(public)
    if registered_to is None:
        print_ = fingerprint(public)
        return Text(f"签名公钥（指纹 {print_}）尚未登记，不能确认文件来自{unit.name.zh}；请先登记该区县的公钥",
                    f"The signing key (fingerprint {print_}) is not registered; register {unit.name.en}'s key first")  # fmt: skip
    if registered_to != unit.code:
        other = store.units.get(registered_to)
        return Text(f"签名公钥登记给了{other.name.zh}，而文件属于{unit.name.zh}",
                    f"The signing key is registered to {other.name.en}, but the file is for {unit.name.en}")  # fmt: skip
    return None


def register_trusted(store, actor: str, unit: Unit, public_key: str) -> None:
    """Registers the bureau's key on a district PC when its first set-up package arrives (trust on first use)."""
    with store.session() as s:
        s.add(UnitKey(unit_code=unit.code, public_key=public_key, fingerprint=fingerprint(public_key), registered_by=actor))
        audit.record(s, actor, "key.register", unit=unit.code, new=fingerprint(public_key), reason="first set-up package")
        s.commit()
