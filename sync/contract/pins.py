"""Staff PINs: 4 to 8 digits, stored and carried only as an argon2id hash.

Central hashes a PIN when an operator sets it and serves the hash in the ``staff`` feed;
the till verifies PINs against it offline. Both sides read this module, so the format
and the hashing parameters are one definition. argon2-cffi's defaults (RFC 9106's
low-memory profile: 64 MiB, 3 passes) make each guess cost ~0.1 s of a core and the
memory to match: a stolen store file does not give the PINs away cheaply.
"""

from __future__ import annotations

import re
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

PIN_PATTERN = re.compile(r"^[0-9]{4,8}$")
#: What a pin_hash on the wire looks like (an argon2id PHC string).
PIN_HASH_PATTERN = r"^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$"


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


def is_valid_pin(pin: str) -> bool:
    return isinstance(pin, str) and PIN_PATTERN.match(pin) is not None


def hash_pin(pin: str) -> str:
    """The argon2id hash of a well-formed PIN (ValueError otherwise: never hash junk)."""
    if not is_valid_pin(pin):
        raise ValueError("A PIN is 4 to 8 digits.")
    return _hasher().hash(pin)


def verify_pin(pin_hash: str, pin: str) -> bool:
    """Whether ``pin`` matches; a malformed hash or PIN is simply no match."""
    if not is_valid_pin(pin):
        return False
    try:
        return _hasher().verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False
