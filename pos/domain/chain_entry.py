"""One entry of a terminal's signed chains, and the exact bytes its signature covers.

The fiscal record (article 286 of the French tax code, NF525) is kept as separate chains
per terminal: ``ticket`` (sales, later returns), ``duplicate`` (each reprint), ``closure``
(daily, monthly, annual), ``event`` (the technical event journal, JET) and ``training``
(tickets made in training mode, outside every total). Each entry is signed with the
terminal's ECDSA P-256 key over a plain-text rendering of the entry that includes the
previous entry's signature, so an entry cannot be edited, dropped, reordered or inserted
without a signature that only the key can make::

    comptoir-chain/1 NL terminal NL chain NL seq NL kind NL ref NL at NL key_id NL prev NL body

``body`` is canonical JSON (sorted keys, no spaces, so never a raw newline); ``prev`` is
the previous entry's signature, ``GENESIS`` for a chain's first entry, or
``sha256:<hash>`` when the ticket chain continues the unsigned journal of earlier
versions (its head hash, kept and referenced). The rendering is deliberately trivial to
rebuild in any language, so an auditor can check one entry with ``openssl dgst``.

Pure: the till signs and checks with it, and the reference server checks pushed entries
with the same code.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, replace
from functools import lru_cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

FORMAT = "comptoir-chain/1"
GENESIS = "GENESIS"
LEGACY_PREFIX = "sha256:"
TICKET, DUPLICATE, CLOSURE, EVENT, TRAINING = "ticket", "duplicate", "closure", "event", "training"
CHAINS = (TICKET, DUPLICATE, CLOSURE, EVENT, TRAINING)
KEY_FORMAT = "comptoir-key/1"


@dataclass(frozen=True, slots=True)
class ChainEntry:
    """One signed entry; ``sig`` is the base64 DER ECDSA-SHA256 signature ('' unsigned)."""

    terminal_id: str
    chain: str
    seq: int
    kind: str
    ref: str
    at: str
    key_id: str
    prev: str
    body: str
    sig: str = ""

    def signed_bytes(self) -> bytes:
        """What the signature covers. Refuses a field that would make it ambiguous."""
        fields = (self.terminal_id, self.chain, self.kind, self.ref, self.at, self.key_id)
        if any("\n" in field for field in (*fields, self.prev, self.body)):
            raise ValueError("a chain entry field may not contain a newline")
        if self.chain not in CHAINS:
            raise ValueError(f"unknown chain {self.chain!r}")
        return "\n".join(
            (FORMAT, self.terminal_id, self.chain, str(self.seq), self.kind, self.ref, self.at,
             self.key_id, self.prev, self.body)
        ).encode("utf-8")  # fmt: skip

    def signed(self, sig: str) -> ChainEntry:
        return replace(self, sig=sig)

    @property
    def excerpt(self) -> str:
        """The short signature excerpt printed on a ticket (8 characters, NF525 style)."""
        return signature_excerpt(self.sig)


def signature_excerpt(sig: str) -> str:
    """Characters 1, 7, 13… of the signature: short to print, still tied to the entry."""
    compact = sig.replace("+", "").replace("/", "").replace("=", "")
    return compact[::6][:8]


def key_id_of(public_pem: str) -> str:
    """A key's short name: the first 16 hex digits of SHA-256 over its DER public key."""
    der = load_public_key(public_pem).public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()[:16]


@lru_cache(maxsize=64)
def load_public_key(public_pem: str) -> ec.EllipticCurvePublicKey:
    """Parse a PEM public key; ValueError unless it is an EC P-256 key."""
    key = serialization.load_pem_public_key(public_pem.encode("ascii"))
    if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name != "secp256r1":
        raise ValueError("a terminal key must be an ECDSA P-256 public key")
    return key


def verify_bytes(public_pem: str, data: bytes, sig: str) -> bool:
    """Whether ``sig`` (base64 DER) is a valid ECDSA-SHA256 signature of ``data``."""
    try:
        raw = base64.b64decode(sig, validate=True)
        load_public_key(public_pem).verify(raw, data, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def verify_entry(public_pem: str, entry: ChainEntry) -> bool:
    """Whether the entry's signature is valid under this public key."""
    try:
        data = entry.signed_bytes()
    except ValueError:
        return False
    return verify_bytes(public_pem, data, entry.sig)


def key_introduction_bytes(key_id: str, public_pem: str) -> bytes:
    """What a terminal's previous key signs to hand the chains over to a new key."""
    return f"{KEY_FORMAT}\n{key_id}\n{public_pem.strip()}\n".encode("ascii")
