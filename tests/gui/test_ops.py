import threading

import shiboken6
from pytestqt.qtbot import QtBot

from pos.ui.ops import run_op, run_op_for
from pos.ui.qt import QCoreApplication, QObject, QThreadPool


def test_run_op_works_off_the_gui_thread_and_answers_on_it(qtbot: QtBot) -> None:
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"], seen["callback"] = value, threading.get_ident()

    run_op(work, done, lambda exc: seen.setdefault("error", exc))
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42 and seen["worker"] != gui and seen["callback"] == gui


def test_run_op_reports_failures(qtbot: QtBot) -> None:
    errors: list[Exception] = []

    def boom() -> None:
        raise ValueError("printer on fire")

    run_op(boom, lambda _: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "printer on fire"


def test_run_op_for_drops_the_answer_once_its_dialog_is_gone(qtbot: QtBot) -> None:
    """A dialog closed (or the till locked) while its call runs: the work is done, the
    answer is not delivered to a deleted widget."""
    owner, other = QObject(), QObject()
    release, answers, done = threading.Event(), [], []

    def work() -> str:
        release.wait(5)
        done.append(True)
        return "read"

    run_op_for(owner, work, answers.append, answers.append)
    run_op_for(other, lambda: "kept", answers.append, answers.append)
    qtbot.waitUntil(lambda: answers == ["kept"], timeout=5000)
    shiboken6.delete(owner)  # what deleteLater does once the dialog closed
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    QThreadPool.globalInstance().waitForDone(5000)
    for _ in range(3):
        QCoreApplication.processEvents()
    assert answers == ["kept"]
