"""The payment terminal (TPE) linked to the till: Concert V2 over TCP, or none.

``open_terminal`` gives None for the "none" driver: the cashier keys the amount on a
standalone terminal and presses "Card" (the manual flow).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from hardware.payment_terminal.concert import ConcertTerminal
from hardware.payment_terminal.ports import (
    Operation,
    PaymentTerminal,
    TerminalAnswer,
    TerminalError,
    TerminalErrorCode,
)

TerminalDriver = Literal["none", "concert"]
TERMINAL_DRIVERS: tuple[str, ...] = ("none", "concert")


@dataclass(frozen=True, slots=True)
class TerminalConfig:
    """``[payment_terminal]`` in the settings: ``address`` is "host:port"; ``timeout_s``
    the longest wait for the customer's card; ``pos_number`` the till's number (00–99)
    on the terminal."""

    driver: TerminalDriver = "none"
    address: str = ""
    timeout_s: float = 90.0
    pos_number: int = 1

    def host_port(self) -> tuple[str, int]:
        """``ValueError`` for an address that is not "host:port"."""
        host, sep, port = self.address.strip().rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(f'"{self.address}" is not an address such as "192.168.1.60:8888"')
        return host, int(port)


def open_terminal(config: TerminalConfig) -> PaymentTerminal | None:
    """The terminal ``config`` names; None for "none" (the manual card flow)."""
    if config.driver == "none":
        return None
    host, port = config.host_port()
    return ConcertTerminal(host, port, timeout_s=config.timeout_s, pos_number=config.pos_number)


__all__ = [
    "TERMINAL_DRIVERS",
    "ConcertTerminal",
    "Operation",
    "PaymentTerminal",
    "TerminalAnswer",
    "TerminalConfig",
    "TerminalError",
    "TerminalErrorCode",
    "open_terminal",
]
