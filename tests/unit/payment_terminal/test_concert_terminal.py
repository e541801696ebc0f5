"""The Concert driver against the simulator: real sockets on 127.0.0.1, every mode."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from hardware.payment_terminal import (
    ConcertTerminal,
    TerminalConfig,
    TerminalError,
    open_terminal,
)
from hardware.payment_terminal import concert_frames as cf
from tests.support.tpe_simulator import TpeSimulator


@pytest.fixture
def simulator():
    started: list[TpeSimulator] = []

    def start(mode: str) -> TpeSimulator:
        sim = TpeSimulator(0, mode).start()
        started.append(sim)
        return sim

    yield start
    for sim in started:
        sim.stop()


def _terminal(sim: TpeSimulator, timeout_s: float = 5.0) -> ConcertTerminal:
    host, port = sim.server_address[:2]
    return ConcertTerminal(host, port, timeout_s=timeout_s, frame_timeout_s=1.0)


def test_frame_lrc_is_the_xor_after_stx_through_etx():
    framed = cf.frame("0100001234" + "1" * 24)
    assert framed[0:1] == cf.STX and framed[-2:-1] == cf.ETX
    assert framed[-1] == cf.lrc(framed[1:-1])
    message = cf.request_message("credit", 1234)
    assert message[2:10] == "00001234" and message[12] == "1" and message[13:16] == "978"
    with pytest.raises(ValueError):
        cf.request_message("debit", 0)


def test_approved_debit_carries_the_reference_and_only_the_last_four_digits(simulator):
    sim = simulator("approve")
    answer = _terminal(sim).transact("debit", 2350)
    assert answer.approved and answer.amount_cents == 2350
    assert answer.reference == "A1B2C3" and answer.masked_pan == "****1234"
    assert answer.tender_reference == "A1B2C3 ****1234"
    assert [(r.operation, r.amount_cents, r.currency) for r in sim.requests] == [("0", 2350, "978")]


def test_credit_is_sent_as_type_one(simulator):
    sim = simulator("approve")
    assert _terminal(sim).transact("credit", 990).approved
    assert sim.requests[0].operation == "1" and sim.requests[0].amount_cents == 990


def test_declined_is_an_answer_not_an_error(simulator):
    answer = _terminal(simulator("decline")).transact("debit", 500)
    assert not answer.approved and answer.status == "7" and answer.reference == ""


@pytest.mark.parametrize(
    ("mode", "code"),
    [("slow", "timeout"), ("disconnect", "closed"), ("garbage", "garbled"),
     ("wrong_lrc", "bad_lrc")],
)  # fmt: skip
def test_a_bad_terminal_is_a_coded_error_within_the_timeout(simulator, mode, code):
    sim = simulator(mode)
    began = time.monotonic()
    with pytest.raises(TerminalError) as failure:
        _terminal(sim, timeout_s=0.5).transact("debit", 1000)
    assert failure.value.code == code
    assert time.monotonic() - began < 4


def test_nobody_listening_is_unreachable():
    with socket.socket() as probe:  # a port just freed: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(TerminalError) as failure:
        ConcertTerminal("127.0.0.1", port, frame_timeout_s=0.5).transact("debit", 100)
    assert failure.value.code == "unreachable"


def test_cancel_stops_the_wait_for_the_card(simulator):
    sim = simulator("slow")
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    with pytest.raises(TerminalError) as failure:
        _terminal(sim, timeout_s=30).transact("debit", 1000, cancel)
    assert failure.value.code == "cancelled"


def test_open_terminal_reads_the_settings():
    assert open_terminal(TerminalConfig()) is None
    terminal = open_terminal(TerminalConfig("concert", "10.0.0.5:8888", 60))
    assert isinstance(terminal, ConcertTerminal) and terminal.port == 8888
    with pytest.raises(ValueError):
        open_terminal(TerminalConfig("concert", "10.0.0.5"))
