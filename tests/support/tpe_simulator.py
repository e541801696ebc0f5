"""A payment terminal (TPE) speaking Concert V2 over TCP, for tests and by hand.

    python -m tests.support.tpe_simulator --port 8888 --mode approve

Modes: ``approve``; ``decline`` (status "7"); ``slow`` (takes the request, never
answers: the till's overall timeout must end the wait); ``disconnect`` (closes the
connection halfway through its answer); ``garbage`` (answers bytes that are no frame);
``wrong_lrc`` (every answer frame with a wrong checksum). Each request it took is kept
in ``requests`` (operation "0" debit / "1" credit, amount in cents, currency).
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import socketserver
import threading
from dataclasses import dataclass

from hardware.payment_terminal import concert_frames as cf

MODES = ("approve", "decline", "slow", "disconnect", "garbage", "wrong_lrc")


@dataclass(frozen=True, slots=True)
class SimRequest:
    operation: str  # "0" debit, "1" credit
    amount_cents: int
    currency: str


class _Handler(socketserver.BaseRequestHandler):
    server: TpeSimulator

    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.settimeout(5)
        with contextlib.suppress(OSError, ValueError):  # the till went away
            self._exchange(sock)

    def _exchange(self, sock: socket.socket) -> None:
        sim = self.server
        if sock.recv(1) != cf.ENQ:
            return
        sock.sendall(cf.ACK)
        raw = _read_frame(sock)
        message, good = cf.split_frame(raw)
        if not good:
            sock.sendall(cf.NAK)
            return
        sock.sendall(cf.ACK)
        sock.recv(1)  # EOT
        request = SimRequest(message[12], int(message[2:10]), message[13:16])
        sim.requests.append(request)
        if sim.mode == "slow":
            sim.stopping.wait(60)
            return
        sock.sendall(cf.ENQ)
        if sock.recv(1) != cf.ACK:
            return
        answer = sim.answer_frame(request)
        if sim.mode == "disconnect":
            sock.sendall(answer[: len(answer) // 2])
            return
        for _ in range(3):
            sock.sendall(answer)
            if sock.recv(1) != cf.NAK:
                break
        sock.sendall(cf.EOT)


def _read_frame(sock: socket.socket) -> bytes:
    data = b""
    while not (len(data) >= 3 and data[-2:-1] == cf.ETX):
        chunk = sock.recv(1)
        if not chunk:
            raise ValueError("closed")
        data += chunk
    return data


class TpeSimulator(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int = 0, mode: str = "approve", *, reference: str = "A1B2C3") -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.mode = mode
        self.reference = reference
        self.pan = "4970101234561234"
        self.requests: list[SimRequest] = []
        self.stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> str:
        host, port = self.server_address[:2]
        return f"{host}:{port}"

    def answer_frame(self, request: SimRequest) -> bytes:
        if self.mode == "garbage":
            return b"HELLO, THIS IS NOT CONCERT"
        status = "7" if self.mode == "decline" else "0"
        report = f"{self.pan} 2812".ljust(55)
        message = (
            f"01{status}{request.amount_cents:08d}1{report}{request.currency}{self.reference:<10}"
        )
        framed = cf.frame(message)
        if self.mode == "wrong_lrc":
            framed = framed[:-1] + bytes([framed[-1] ^ 0x5A])
        return framed

    def start(self) -> TpeSimulator:
        self._thread = threading.Thread(target=self.serve_forever, name="tpe-sim", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        if self._thread is not None:
            self._thread.join(5)


def main() -> None:
    parser = argparse.ArgumentParser(description="A Concert V2 payment terminal simulator.")
    parser.add_argument("--port", type=int, default=8888)
    parser.add_argument("--mode", choices=MODES, default="approve")
    args = parser.parse_args()
    sim = TpeSimulator(args.port, args.mode)
    print(f"Payment terminal simulator ({args.mode}) listening on {sim.address}")
    try:
        sim.serve_forever()
    except KeyboardInterrupt:
        sim.stop()


if __name__ == "__main__":
    main()
