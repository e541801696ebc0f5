"""A worker's request that the store refuses (locked, read-only, full) comes back as a
refusal with the store's code and sentence, caught as the services' error type: the UI
never imports the store to recognise it."""

from __future__ import annotations

from pos.domain.errors import PosError
from pos.services.errors import StoreLocked
from pos.ui.worker_thread import RequestWorker


class Refusing(RequestWorker):
    def _do_write(self) -> None:
        raise StoreLocked("Another program is using the till's database: wait, then retry.")

    def _do_refuse(self) -> None:
        raise PosError("Not now.", code="not_now", n=1)


def test_a_store_refusal_and_a_service_refusal_both_reach_the_screen(qtbot):
    worker = Refusing()
    told: list[tuple[str, str, object]] = []
    worker.refused.connect(lambda code, message, params: told.append((code, message, params)))
    worker.run("write", ())
    worker.run("refuse", ())
    assert told == [
        ("store_locked", "Another program is using the till's database: wait, then retry.", {}),
        ("not_now", "Not now.", {"n": 1}),
    ]
