"""The terminal's private signing key: made on the terminal, never leaving it.

ECDSA P-256 (the ``cryptography`` package). The key is kept in the OS keyring when
``keyring`` finds a real backend (the same rule as the API token), else in
``terminal-key.pem`` in the data folder, written owner-only (0600) and atomically. It is
made the first time a chain needs it (a demo store gets its own) and again at each
enrolment (``rotate``), the new key being introduced by the old one (see ``chains``).

Whoever owns the machine can read this key: the README says what the signatures still
prove then, and what only the central witness and the archives catch.
"""

from __future__ import annotations

import base64
import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from pos.domain.chain_entry import key_id_of
from pos.store.private_file import remove_private, write_private

FILE_NAME = "terminal-key.pem"
SERVICE = "comptoir-terminal-key"
#: ``file`` keeps the key in the data folder even when a keyring is there (tests, kiosks).
STORE_ENV = "COMPTOIR_KEY_STORE"


@dataclass(frozen=True)
class SigningKey:
    """A loaded private key with its public half and short id."""

    private: ec.EllipticCurvePrivateKey
    key_id: str
    public_pem: str

    @classmethod
    def generate(cls) -> SigningKey:
        return cls.from_private(ec.generate_private_key(ec.SECP256R1()))

    @classmethod
    def from_private(cls, private: ec.EllipticCurvePrivateKey) -> SigningKey:
        public_pem = (
            private.public_key()
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            .decode("ascii")
        )
        return cls(private, key_id_of(public_pem), public_pem)

    @classmethod
    def from_pem(cls, pem: str) -> SigningKey:
        private = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
        if not isinstance(private, ec.EllipticCurvePrivateKey):
            raise ValueError("the terminal key is not an EC private key")
        return cls.from_private(private)

    def private_pem(self) -> str:
        return self.private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode("ascii")

    def sign(self, data: bytes) -> str:
        """Base64 DER ECDSA-SHA256 signature (what ``openssl dgst -sha256`` verifies).
        Deterministic (RFC 6979): the same entry signed twice gives the same bytes, and
        no random number generator can weaken the key."""
        algorithm = ec.ECDSA(hashes.SHA256(), deterministic_signing=True)
        return base64.b64encode(self.private.sign(data, algorithm)).decode()

    def __repr__(self) -> str:  # never the private half
        return f"SigningKey({self.key_id})"


class KeyStore:
    """Where one data folder's terminal key lives; ``current`` loads or makes it."""

    def __init__(self, data_dir: str | Path, *, use_keyring: bool | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / FILE_NAME
        if use_keyring is None:
            use_keyring = os.environ.get(STORE_ENV, "") != "file"
        self._use_keyring = use_keyring
        self._key: SigningKey | None = None

    @property
    def account(self) -> str:
        return str(self.data_dir.resolve())

    def current(self) -> SigningKey:
        """The terminal's key, made and kept on first use."""
        if self._key is None:
            pem = self._read()
            self._key = SigningKey.from_pem(pem) if pem else self._keep(SigningKey.generate())
        return self._key

    def rotate(self) -> tuple[SigningKey, SigningKey]:
        """(old, new): a fresh key replaces the current one."""
        old = self.current()
        return old, self.replace(SigningKey.generate())

    def replace(self, key: SigningKey) -> SigningKey:
        """Keep ``key`` as the terminal's from now on (once its introduction is on record:
        ``pos.services.terminal_keys``)."""
        self._key = self._keep(key)
        return key

    def _keep(self, key: SigningKey) -> SigningKey:
        pem = key.private_pem()
        backend = self._keyring()
        if backend is not None:
            try:
                backend.set_password(SERVICE, self.account, pem)
                self._remove_file()
                return key
            except Exception:  # a keyring that refuses: the owner-only file
                pass
        self._write_file(pem)
        return key

    def _read(self) -> str | None:
        """The owner-only file first: it exists only while the key lives there (``_keep``
        removes it once a keyring holds the key, and writes the new key to it when the
        keyring refuses), so it is never older than the keyring's copy. Reading it first
        also spares a till without a keyring the backends' probe (~0.2 s, subprocesses)
        on the way to its first basket."""
        try:
            return self.path.read_text(encoding="ascii")
        except FileNotFoundError:
            pass
        backend = self._keyring()
        if backend is not None:
            with contextlib.suppress(Exception):
                pem = backend.get_password(SERVICE, self.account)
                if pem:
                    return pem
        return None

    def _keyring(self):  # keyring is imported only when it is wanted
        if not self._use_keyring:
            return None
        try:
            import keyring
            from keyring.backends import fail, null

            backend = keyring.get_keyring()
            if isinstance(backend, fail.Keyring | null.Keyring) or float(backend.priority) <= 0:
                return None
            return backend
        except Exception:
            return None

    def _write_file(self, pem: str) -> None:
        write_private(self.path, pem)

    def _remove_file(self) -> None:
        remove_private(self.path)
