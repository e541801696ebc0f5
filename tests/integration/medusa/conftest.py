"""A real Medusa v2 for this folder's tests: one per session, started on first use.

Without node/npm or PostgreSQL the tests that need the peer are skipped with the reason,
except under CI (``CI=true``), where a missing peer is a failure: CI must run them.
``COMPTOIR_MEDUSA=0`` skips them on purpose (a developer's quick run), never under CI.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sync.medusa import MedusaBackend, MedusaSettings
from tests.medusa.helpers import settings_values
from tests.medusa.seed import MedusaAdmin, Seed
from tests.support.medusa_peer import MedusaPeer, missing_prerequisites


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "medusa: needs a real Medusa v2 server (node, npm, PostgreSQL)"
    )


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must run the Medusa integration tests, but {reason}", pytrace=False)
    pytest.skip(f"Medusa integration tests skipped: {reason}")


@pytest.fixture(scope="session")
def medusa_peer() -> Iterator[MedusaPeer]:
    if os.environ.get("COMPTOIR_MEDUSA") == "0":
        _unavailable("COMPTOIR_MEDUSA=0 asks to skip them")
    reason = missing_prerequisites()
    if reason:
        _unavailable(reason)
    peer = MedusaPeer()
    with peer:
        print(f"\n{peer.report()}", file=sys.stderr)
        yield peer


@pytest.fixture(scope="session")
def seed(medusa_peer: MedusaPeer) -> Seed:
    assert medusa_peer.seed is not None
    return medusa_peer.seed


@pytest.fixture(scope="session")
def admin(seed: Seed) -> Iterator[MedusaAdmin]:
    client = MedusaAdmin(seed.base_url, secret_key=seed.secret_key)
    yield client
    client.close()


MakeBackend = Callable[..., MedusaBackend]


@pytest.fixture
def make_backend(seed: Seed, tmp_path: Path) -> Iterator[MakeBackend]:
    """``make_backend(transport=None, state_dir=None, **settings)``: closed after the test."""
    made: list[MedusaBackend] = []

    def make(
        transport: httpx.BaseTransport | None = None,
        state_dir: Path | None = None,
        **overrides: Any,
    ) -> MedusaBackend:
        settings = MedusaSettings.from_mapping(
            settings_values(seed, **overrides), data_dir=state_dir or tmp_path
        )
        backend = MedusaBackend(settings, transport=transport)
        made.append(backend)
        return backend

    yield make
    for backend in made:
        backend.close()


@pytest.fixture
def backend(make_backend: MakeBackend) -> MedusaBackend:
    return make_backend()
