"""This computer's own record of a database's audit chain: a signing key and the newest signed head, in the
user's data folder, outside the database.

Someone who edits the database directly (the sqlite3 shell, a copy opened elsewhere) can neither sign a new
head with this key nor reach this record, so a chain cut short or rewritten no longer matches it. The file
is written after each commit; a crash in between leaves it one batch behind, which is still consistent.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
from pathlib import Path

HEAD_FIELDS = ("count", "last_id", "hash", "at")
KEPT = 128  # earlier heads kept, so a rewritten stretch can be named, not only noticed


def folder() -> Path:
    from platformdirs import user_data_dir

    if os.environ.get("ECOREPORT_WITNESS_DIR"):
        return Path(os.environ["ECOREPORT_WITNESS_DIR"])
    return Path(user_data_dir("EcoReport", appauthor=False)) / "witness"


def head_message(head: dict) -> bytes:
    """What a head's signature covers."""
    return "ecoreport-audit-head\n{count}\n{last_id}\n{hash}\n{at}".format(**head).encode("utf-8")


def head_signed(head: dict) -> bool:
    """Whether the head's signature is good for its own public key (which key that is, is asked elsewhere)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(head["public_key"], validate=True))
        key.verify(base64.b64decode(head["signature"], validate=True), head_message(head))
    except (InvalidSignature, ValueError, TypeError, KeyError):
        return False
    return True


class Witness:
    """The record for one database (its file or server address), for this OS account."""

    def __init__(self, database: str):
        self.database = database
        self.path = folder() / (hashlib.sha256(database.encode("utf-8")).hexdigest()[:24] + ".json")
        self._key = None
        self._data: dict | None = None

    def _load(self) -> dict:
        if self._data is None:
            try:
                self._data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._data = {}
        return self._data

    def _private_key(self):
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        if self._key is None:
            data = self._load()
            if data.get("private_key"):
                self._key = serialization.load_pem_private_key(data["private_key"].encode(), password=None)
            else:
                self._key = Ed25519PrivateKey.generate()
                pem = self._key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption())  # fmt: skip
                data.update(database=self.database, private_key=pem.decode(), public_key=self.public_key)
                self._save()
        return self._key

    @property
    def public_key(self) -> str:
        from cryptography.hazmat.primitives import serialization

        raw = self._private_key().public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return base64.b64encode(raw).decode()

    def sign(self, head: dict) -> dict:
        """The head with this computer's public key and signature."""
        signature = base64.b64encode(self._private_key().sign(head_message(head))).decode()
        return {**{f: head[f] for f in HEAD_FIELDS}, "public_key": self.public_key, "signature": signature}

    def head(self) -> dict | None:
        """The newest head this computer signed for the database, if it kept one."""
        return self._load().get("head")

    def heads(self) -> list[dict]:
        """The heads this computer kept, oldest first, the newest last."""
        data = self._load()
        return [*data.get("earlier", []), data["head"]] if data.get("head") else []

    def record(self, head: dict) -> None:
        data = self._load()
        if data.get("head"):
            data["earlier"] = [*data.get("earlier", []), {f: data["head"][f] for f in ("count", "last_id", "hash")}][-KEPT:]
        data["head"] = head
        self._save()

    def signed_version(self, unit_code: str, semester: str) -> int:
        """The highest version of the unit-half this computer signed off for the database: a restore of an older
        backup takes the database's own count back, and this record keeps the next version from repeating one sent."""
        return int(self._load().get("versions", {}).get(f"{unit_code}/{semester}", 0))

    def record_version(self, unit_code: str, semester: str, version: int) -> None:
        data = self._load()
        versions = data.setdefault("versions", {})
        key = f"{unit_code}/{semester}"
        if version > int(versions.get(key, 0)):
            versions[key] = version
            self._save()

    def forget(self) -> None:
        """After a restore: the database is legitimately an earlier one, and its next entry (the restore) is
        signed afresh. The versions signed off are kept: they were sent, whatever the database now holds."""
        data = self._load()
        data.pop("head", None)
        data.pop("earlier", None)
        self._save()

    def _save(self) -> None:
        """Atomically, readable by this OS account only; a folder that cannot be written keeps the record in
        memory (then `audit verify` says this computer keeps none)."""
        tmp = self.path.with_name(f".{self.path.stem}.{os.getpid()}.{secrets.token_hex(4)}.tmp")  # one per writer
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self._data, fh, ensure_ascii=False)
            os.replace(tmp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
