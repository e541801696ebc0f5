"""A keyring backend in memory: the real ``keyring`` API, no OS secret service."""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.errors


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 5  # type: ignore[assignment]

    def __init__(self, *, broken: bool = False) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}
        self.broken = broken
        self.asked = 0  # get_password calls

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.broken:
            raise keyring.errors.PasswordSetError("locked")
        self.saved[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        self.asked += 1
        return self.saved.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)
