"""Test-wide settings: Qt renders offscreen, hypothesis is deterministic and bounded."""

import os

import pytest
from hypothesis import HealthCheck, settings

from pos.domain import _native
from tests.support.qt_signal_wait import make_wait_signal_thread_safe

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Terminal signing keys go to the data folder, never to the developer's own keyring.
os.environ.setdefault("COMPTOIR_KEY_STORE", "file")

settings.register_profile(
    "comptoir",
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("comptoir")
# qtbot.waitSignal on a worker thread's signal could wait for ever (see the module).
make_wait_signal_thread_safe()

WHITE_BOX_ELSEWHERE = (
    "white box of the Python build: run by tests/unit/domain/test_native.py with COMPTOIR_NATIVE=0"
)


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under ``pytest -n`` (scripts/test.sh), every test that needs the real Medusa runs on
    one worker: one Medusa + PostgreSQL per run, and its plugin built once."""
    compiled = _native.active()
    for item in items:
        if compiled and item.get_closest_marker("white_box"):
            # they replace the engine's own functions to count its paths: a compiled
            # module calls its functions directly, so they run as Python, in a child
            item.add_marker(pytest.mark.skip(reason=WHITE_BOX_ELSEWHERE))
        fixtures = getattr(item, "fixturenames", ())
        needs_medusa = "medusa_peer" in fixtures or item.get_closest_marker("medusa")
        if needs_medusa or "medusa" in item.nodeid:
            item.add_marker(pytest.mark.xdist_group("medusa"))
