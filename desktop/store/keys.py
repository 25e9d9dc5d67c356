"""Signed submissions: each installation's Ed25519 key pair, and the districts' keys the bureau trusts.

A district reads its key's fingerprint (five groups of four, short enough for the phone) to the
bureau, which registers the key file for that district. Submissions are signed at export; at import
the signature must check out and the key must be registered to the district the workbook names.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import select

from desktop.core.text import Text, UserError
from desktop.core.units import Unit
from desktop.store import audit, users
from desktop.store.models import InstallationKey, UnitKey

KEY_FILE_HEADER = "# EcoReport public key — 生态环境半年报填报审核系统 公钥文件"


def fingerprint(public_key_b64: str) -> str:
    digest = hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest().upper()
    return "-".join(digest[i : i + 4] for i in range(0, 20, 4))


def signed_message(unit: str, semester: str, version: int | str, content_fingerprint: str) -> bytes:
    return f"ecoreport-submission\n{unit}\n{semester}\n{version}\n{content_fingerprint}".encode()


@dataclass(frozen=True, slots=True)
class Signature:
    signature: str  # base64
    public_key: str  # base64, raw 32 bytes
    fingerprint: str


def _own(store, unit: Unit) -> InstallationKey:
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


def own_public_key(store, unit: Unit) -> tuple[str, str]:
    key = _own(store, unit)
    return key.public_key, key.fingerprint


def sign(store, unit: Unit, message: bytes) -> Signature:
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


def registered(store) -> list[UnitKey]:
    with store.session() as s:
        return list(s.exec(select(UnitKey).order_by(UnitKey.unit_code)))


def signature_problem(store, unit: Unit, meta: dict[str, str], message: bytes) -> Text | None:
    """Why a submission's signature is not acceptable here, or None."""
    signature, public = meta.get("signature", ""), meta.get("public_key", "")
    if not signature or not public:
        return Text("报送文件没有签名，不能接收；请区县用本系统重新导出", "The submission is not signed; ask the district to export it again")
    if not verify(public, signature, message):
        return Text("报送文件的签名无效：文件在签名后被修改过", "The submission's signature is invalid: it was changed after signing")
    with store.session() as s:
        own = s.exec(select(InstallationKey.public_key).where(InstallationKey.unit_code == unit.code)).first()
        key = s.exec(select(UnitKey).where(UnitKey.public_key == public)).first()
    if public == own:
        return None  # made on this very installation
    if key is None:
        print_ = fingerprint(public)
        return Text(f"签名公钥（指纹 {print_}）尚未登记，不能确认文件来自{unit.name.zh}；请先登记该区县的公钥",
                    f"The signing key (fingerprint {print_}) is not registered; register {unit.name.en}'s key first")  # fmt: skip
    if key.unit_code != unit.code:
        other = store.units.get(key.unit_code)
        return Text(f"签名公钥登记给了{other.name.zh}，而文件属于{unit.name.zh}",
                    f"The signing key is registered to {other.name.en}, but the file is for {unit.name.en}")  # fmt: skip
    return None


def register_trusted(store, actor: str, unit: Unit, public_key: str) -> None:
    """Registers the bureau's key on a district PC when its first set-up package arrives (trust on first use)."""
    with store.session() as s:
        s.add(UnitKey(unit_code=unit.code, public_key=public_key, fingerprint=fingerprint(public_key), registered_by=actor))
        audit.record(s, actor, "key.register", unit=unit.code, new=fingerprint(public_key), reason="first set-up package")
        s.commit()
