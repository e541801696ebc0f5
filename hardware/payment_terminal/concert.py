"""A Concert V2 payment terminal over TCP/IP: the till's side of the exchange.

What is implemented (from the public descriptions of the protocol: the Association du
Paiement's "protocole caisse Concert", PayXpert's "Concert V2" pages and the open
drivers built on it, pyTeliumManager and Akretion's pypostelium):

1. the till sends ENQ, the terminal answers ACK;
2. the till sends its request frame; ACK, or NAK and the till sends it again (at most
   three times); then the till sends EOT;
3. the customer presents the card; when the transaction is over the terminal sends
   ENQ, the till ACKs, the terminal sends its answer frame; the till ACKs a frame whose
   LRC is right and NAKs one whose LRC is wrong (at most three times), then the
   terminal sends EOT (waited for briefly, not required).

Every wait is bounded: the connection and each handshake byte or frame by
``frame_timeout_s`` (short), the customer's card by ``timeout_s`` (about 90 s). A
``cancel`` event stops the wait within ``_SLICE_S``.

Not confirmed against a real terminal: the exact TCP port and whether every terminal
keeps the ENQ/ACK handshake over TCP (some Concert-over-IP set-ups drop it; we keep it,
as over serial); what the 10-character private field carries back (we read it as the
terminal's transaction reference); the report's layout (we keep only the last four
digits of a card number found in it). Concert V3 (TLV messages) is not implemented,
nor serial (a ``serial`` link would reuse the same exchange over pyserial).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass

from hardware.payment_terminal import concert_frames as cf
from hardware.payment_terminal.ports import (
    Operation,
    TerminalAnswer,
    TerminalError,
    TerminalErrorCode,
)

_SLICE_S = 0.1  # how often a long wait looks at the cancel event
_RETRIES = 3


@dataclass(frozen=True, slots=True)
class ConcertTerminal:
    """One terminal at ``host:port``; a connection per transaction, so a terminal
    restarted between sales is never stuck behind a stale socket."""

    host: str
    port: int
    timeout_s: float = 90.0
    frame_timeout_s: float = 3.0
    pos_number: int = 1

    def transact(
        self, operation: Operation, amount_cents: int, cancel: threading.Event | None = None
    ) -> TerminalAnswer:
        message = cf.request_message(operation, amount_cents, pos_number=self.pos_number)
        link = _Link(self._connect(), self.frame_timeout_s, cancel or threading.Event())
        try:
            link.send_request(message)
            raw = link.receive_answer(self.timeout_s)
        finally:
            link.close()
        return _answer(operation, amount_cents, raw)

    def _connect(self) -> socket.socket:
        try:
            return socket.create_connection((self.host, self.port), timeout=self.frame_timeout_s)
        except OSError as exc:
            raise TerminalError(
                TerminalErrorCode.UNREACHABLE,
                f"The payment terminal at {self.host}:{self.port} cannot be reached ({exc}).",
            ) from None


def _answer(operation: Operation, amount_cents: int, message: str) -> TerminalAnswer:
    try:
        answer = cf.read_answer(message)
    except ValueError as exc:
        raise TerminalError(
            TerminalErrorCode.GARBLED, f"The payment terminal's answer is unreadable ({exc})."
        ) from None
    approved = answer.status == cf.APPROVED
    if approved and (answer.amount_cents != amount_cents or answer.currency != cf.EURO):
        raise TerminalError(
            TerminalErrorCode.MISMATCH,
            f"The payment terminal approved {answer.amount_cents} cents in currency "
            f"{answer.currency}, not the {amount_cents} cents in euros asked: check its receipt.",
        )
    return TerminalAnswer(
        approved=approved,
        operation=operation,
        amount_cents=answer.amount_cents,
        status=answer.status,
        reference=answer.private.strip() if approved else "",
        masked_pan=cf.masked_pan(answer.report) if approved else "",
    )


class _Link:
    """The byte-level exchange on one socket; every read bounded and cancellable."""

    def __init__(self, sock: socket.socket, frame_timeout_s: float, cancel: threading.Event):
        self.sock = sock
        self.frame_timeout_s = frame_timeout_s
        self.cancel = cancel
        self.buffer = b""

    def close(self) -> None:
        self.sock.close()

    def send(self, data: bytes) -> None:
        try:
            self.sock.sendall(data)
        except OSError as exc:
            raise TerminalError(
                TerminalErrorCode.CLOSED, f"The payment terminal closed the connection ({exc})."
            ) from None

    def send_request(self, message: str) -> None:
        self.send(cf.ENQ)
        if self.read_byte(self.frame_timeout_s, "its readiness") != cf.ACK:
            raise TerminalError(
                TerminalErrorCode.NOT_READY,
                "The payment terminal is not ready for the till: check it is idle and in "
                "till-connected mode.",
            )
        request = cf.frame(message)
        for _ in range(_RETRIES):
            self.send(request)
            if self.read_byte(self.frame_timeout_s, "the request's receipt") == cf.ACK:
                self.send(cf.EOT)
                return
        raise TerminalError(
            TerminalErrorCode.NOT_READY, "The payment terminal refused the request three times."
        )

    def receive_answer(self, timeout_s: float) -> str:
        while self.read_byte(timeout_s, "the card") != cf.ENQ:
            pass  # anything else before the terminal's ENQ is line noise
        self.send(cf.ACK)
        for _ in range(_RETRIES):
            raw = self.read_frame()
            try:
                message, good = cf.split_frame(raw)
            except ValueError as exc:
                raise TerminalError(
                    TerminalErrorCode.GARBLED,
                    f"The payment terminal's answer is unreadable ({exc}).",
                ) from None
            if good:
                self.send(cf.ACK)
                self.read_eot()
                return message
            self.send(cf.NAK)
        raise TerminalError(
            TerminalErrorCode.BAD_LRC,
            "The payment terminal's answer kept a wrong checksum: check its receipt.",
        )

    def read_frame(self) -> bytes:
        """STX … ETX LRC, within one frame timeout; what comes first must be STX."""
        deadline = time.monotonic() + self.frame_timeout_s
        first = self.read_byte(self.frame_timeout_s, "the answer")
        if first != cf.STX:
            raise TerminalError(
                TerminalErrorCode.GARBLED,
                f"The payment terminal's answer does not start a frame ({first!r}).",
            )
        data = first
        while not (len(data) >= 3 and data[-2:-1] == cf.ETX):
            if len(data) > 512:
                raise TerminalError(TerminalErrorCode.GARBLED, "The terminal's answer has no end.")
            data += self.read_byte(deadline - time.monotonic(), "the rest of the answer")
        return data

    def read_eot(self) -> None:
        with contextlib.suppress(TerminalError):  # the answer is in: a missing EOT is fine
            self.read_byte(min(self.frame_timeout_s, 1.0), "the end")

    def read_byte(self, timeout_s: float, waiting_for: str) -> bytes:
        deadline = time.monotonic() + max(timeout_s, 0.0)
        while not self.buffer:
            if self.cancel.is_set():
                raise TerminalError(
                    TerminalErrorCode.CANCELLED,
                    "The till stopped waiting for the payment terminal: check what it shows.",
                )
            left = deadline - time.monotonic()
            if left <= 0:
                raise TerminalError(
                    TerminalErrorCode.TIMEOUT,
                    f"The payment terminal did not answer in time (waiting for {waiting_for}).",
                )
            self.sock.settimeout(min(left, _SLICE_S))
            try:
                chunk = self.sock.recv(256)
            except TimeoutError:
                continue
            except OSError as exc:
                raise TerminalError(
                    TerminalErrorCode.CLOSED,
                    f"The payment terminal's connection failed ({exc}).",
                ) from None
            if not chunk:
                raise TerminalError(
                    TerminalErrorCode.CLOSED,
                    f"The payment terminal closed the connection (waiting for {waiting_for}).",
                )
            self.buffer = chunk
        byte, self.buffer = self.buffer[:1], self.buffer[1:]
        return byte
