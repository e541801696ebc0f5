"""Where the terminal keeps its API token: the OS keyring, else a private file.

The keyring (Windows Credential Locker, macOS Keychain, Secret Service) is used when
``keyring`` finds a real backend. A till often has none (a Linux box without a desktop
session): ``keyring`` then answers with its ``fail`` or ``null`` backend, or raises when
used; the token then goes to ``central_token`` in the data folder, created with mode
0600 (owner only) and replaced atomically. Reading tries the keyring first, then the
file. The token is never logged and never part of an exception message.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import fail, null

from pos.store.private_file import remove_private, write_private

log = logging.getLogger(__name__)

SERVICE = "comptoir-central"
FILE_NAME = "central_token"


class TokenStore:
    """The token of one terminal (``account``, e.g. ``"lyon-part-dieu/T01"``)."""

    def __init__(
        self,
        data_dir: str | Path,
        account: str,
        *,
        backend: keyring.backend.KeyringBackend | None = None,
        service: str = SERVICE,
    ) -> None:
        self.path = Path(data_dir) / FILE_NAME
        self.account = account
        self.service = service
        self._backend = backend

    def __repr__(self) -> str:
        return f"TokenStore({str(self.path)!r}, {self.account!r})"

    @property
    def keyring_usable(self) -> bool:
        """Whether a real keyring backend is there (not keyring's fail/null stand-ins)."""
        return _usable(self._keyring())

    def save(self, token: str) -> str:
        """Keep the token; return where it went: ``"keyring"`` or ``"file"``."""
        if not token:
            raise ValueError("an empty token cannot be saved")
        backend = self._keyring()
        if _usable(backend):
            try:
                backend.set_password(self.service, self.account, token)
            except Exception as exc:  # any backend failure: DBus, locked, denied…
                log.warning("The OS keyring refused the token (%s); using a private file.",
                            type(exc).__name__)  # fmt: skip
            else:
                self._remove_file()
                return "keyring"
        self._write_file(token)
        return "file"

    def load(self) -> str | None:
        """The saved token, or None if this terminal was never enrolled."""
        backend = self._keyring()
        if _usable(backend):
            try:
                token = backend.get_password(self.service, self.account)
            except Exception as exc:
                log.warning("The OS keyring could not be read (%s).", type(exc).__name__)
                token = None
            if token:
                return token
        try:
            token = self.path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return token or None

    def delete(self) -> None:
        """Forget the token everywhere (un-enrolling the terminal)."""
        backend = self._keyring()
        if _usable(backend):
            with contextlib.suppress(Exception):
                backend.delete_password(self.service, self.account)
        self._remove_file()

    def _keyring(self) -> keyring.backend.KeyringBackend:
        if self._backend is None:
            self._backend = keyring.get_keyring()
        return self._backend

    def _write_file(self, token: str) -> None:
        write_private(self.path, token)

    def _remove_file(self) -> None:
        remove_private(self.path)


def _usable(backend: keyring.backend.KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    try:
        return float(backend.priority) > 0  # type: ignore[arg-type]
    except Exception:
        return False
