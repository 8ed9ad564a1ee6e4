"""Passwords, API tokens and who is asking: standard library only.

Passwords are hashed with ``hashlib.scrypt`` and a random salt and compared in
constant time. API tokens are random strings shown once; the store keeps only their
SHA-256 (a token has 256 random bits, so a fast hash is enough and allows a lookup).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Optional

from ..store import Store

#: scrypt cost parameters (n=2**14, r=8, p=1: ~16 MiB, tens of ms).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
TOKEN_PREFIX = "dt_"
_DUMMY = None


def hash_password(password: str, *, salt: Optional[bytes] = None) -> str:
    """``scrypt$n$r$p$salt$hash`` (hex) for ``password``."""
    salt = salt or secrets.token_bytes(16)
    dk = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${dk.hex()}"


def verify_password(password: str, stored: Optional[str]) -> bool:
    """Whether ``password`` matches ``stored`` (constant-time; works the same when ``stored`` is None)."""
    global _DUMMY
    if not stored:
        _DUMMY = _DUMMY or hash_password("not a password")
        stored, ok_user = _DUMMY, False
    else:
        ok_user = True
    try:
        algo, n, r, p, salt_hex, hash_hex = stored.split("$")
        if algo != "scrypt":
            return False
        dk = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p),
                            dklen=len(hash_hex) // 2)
    except ValueError:
        return False
    return hmac.compare_digest(dk.hex(), hash_hex) and ok_user


def token_hash(token: str) -> str:
    """What the store keeps of an API token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_user(store: Store, name: str, password: str) -> None:
    """Add an analyst account (name 1-64 printable characters, password at least 8)."""
    name = name.strip()
    if not name or len(name) > 64 or not name.isprintable():
        raise ValueError("a user name is 1 to 64 printable characters")
    if len(password) < 8:
        raise ValueError("a password needs at least 8 characters")
    store.add_user(name, hash_password(password))


def create_token(store: Store, user: str) -> str:
    """A new API token for ``user``; returned once, only its hash is stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    store.add_api_token(user, token_hash(token))
    return token


def check_login(store: Store, name: str, password: str) -> bool:
    """Whether ``name``/``password`` is a valid account."""
    return verify_password(password, store.password_hash(name))


def bearer_user(store: Store, authorization: Optional[str]) -> Optional[str]:
    """The user of an ``Authorization: Bearer <token>`` header, else ``None``."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return store.token_user(token_hash(token.strip()))


def new_csrf_token() -> str:
    """A random per-session token every form must echo."""
    return secrets.token_urlsafe(24)


def same_token(a: Optional[str], b: Optional[str]) -> bool:
    """Constant-time comparison of two tokens (``False`` if either is missing)."""
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))
