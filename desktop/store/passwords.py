"""Password hashing with argon2 (argon2-cffi); only hashes are ever stored."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# Argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 20 ms of one core per sign-in.
# argon2-cffi's default (64 MiB, 3 passes, 4 lanes) cost 170 ms of CPU on every command a clerk or script
# runs. Hashes carry their own parameters, so those made before still verify, at their own cost.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
