"""Sync tests: real SQLite files, a real central server on 127.0.0.1 (subprocess)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.store.local_store import LocalStore
from tests.support.central_server import CentralServer

STORE = "lyon-part-dieu"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    """An empty till database at schema head."""
    with LocalStore(tmp_path / "store.db") as opened:
        yield opened


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    """A fresh central server per test (3,000 demo products): tests change its state."""
    with CentralServer(tmp_path / "central.db", products=3000) as server:
        yield server
