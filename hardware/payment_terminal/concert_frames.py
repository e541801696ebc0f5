"""Concert V2 ("protocole caisse", E+ message) frames: building the till's request and
reading the terminal's answer. Pure bytes, no I/O.

A frame is ``STX <message> ETX LRC``; the LRC is the XOR of every byte after STX up to
and including ETX. Fields are ASCII digits or spaces, fixed width:

request (34 characters): POS number (2) · amount in cents (8) · answer indicator (1,
"1": with the card report) · payment method (1, "1": card) · transaction type (1, "0"
debit, "1" credit) · currency (3, ISO 4217 numeric, "978" euro) · private data (10) ·
response delay (4, "A010": answer once the transaction is over) · authorisation (4,
"B010": the terminal decides).

answer (80 or 25 characters): POS number (2) · status (1, "0" approved, "7" declined,
"9" not verified) · amount (8) · payment method (1) · card report (55, only in the long
answer) · currency (3) · private data (10).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import reduce
from operator import xor

STX, ETX, EOT, ENQ, ACK, NAK = b"\x02", b"\x03", b"\x04", b"\x05", b"\x06", b"\x15"
EURO = "978"
OPERATION_TYPES = {"debit": "0", "credit": "1"}
REQUEST_LENGTH = 34
LONG_ANSWER = 80
SHORT_ANSWER = 25
MAX_CENTS = 99_999_999  # eight digits
APPROVED = "0"


def lrc(data: bytes) -> int:
    return reduce(xor, data, 0)


def frame(message: str) -> bytes:
    body = message.encode("ascii") + ETX
    return STX + body + bytes([lrc(body)])


def request_message(
    operation: str, amount_cents: int, *, pos_number: int = 1, private: str = ""
) -> str:
    """The 34-character request; ``ValueError`` for an amount Concert cannot carry."""
    if isinstance(amount_cents, bool) or not isinstance(amount_cents, int):
        raise ValueError("The amount must be whole cents.")
    if not 0 < amount_cents <= MAX_CENTS:
        raise ValueError(f"The amount must be between 1 and {MAX_CENTS} cents.")
    if not 0 <= pos_number <= 99:
        raise ValueError("The POS number must be between 0 and 99.")
    message = (
        f"{pos_number:02d}{amount_cents:08d}1"
        f"1{OPERATION_TYPES[operation]}{EURO}{private[:10]:<10}A010B010"
    )
    assert len(message) == REQUEST_LENGTH
    return message


@dataclass(frozen=True, slots=True)
class Answer:
    pos_number: str
    status: str
    amount_cents: int
    method: str
    report: str
    currency: str
    private: str


def split_frame(raw: bytes) -> tuple[str, bool]:
    """The message of ``STX … ETX LRC`` and whether its LRC is right; ``ValueError``
    when ``raw`` is not framed or not ASCII."""
    if len(raw) < 3 or raw[:1] != STX or raw[-2:-1] != ETX:
        raise ValueError("not a framed message")
    body = raw[1:-1]
    try:
        message = body[:-1].decode("ascii")
    except UnicodeDecodeError:
        raise ValueError("not ASCII") from None
    return message, lrc(body) == raw[-1]


def read_answer(message: str) -> Answer:
    """The terminal's answer; ``ValueError`` for a length or field it cannot be."""
    if len(message) == LONG_ANSWER:
        report, rest = message[12:67], message[67:]
    elif len(message) == SHORT_ANSWER:
        report, rest = "", message[12:]
    else:
        raise ValueError(f"an answer of {len(message)} characters")
    amount = message[3:11]
    if not amount.isdigit() or not rest[:3].isdigit():
        raise ValueError("an amount or currency that is not digits")
    return Answer(message[0:2], message[2], int(amount), message[11], report, rest[:3], rest[3:13])


def masked_pan(report: str) -> str:
    """At most the last four digits of the card number in the report ("****1234")."""
    match = re.search(r"[0-9*Xx]{8,19}", report)
    if match is None:
        return ""
    digits = match.group()[-4:]
    return f"****{digits}" if digits.isdigit() else ""
