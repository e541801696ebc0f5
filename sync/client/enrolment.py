"""Enrolment: trade the store's enrolment code for this terminal's own token.

The code is typed once by the store manager; the token that comes back goes straight to
``TokenStore`` and is never shown, logged or put in a message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
from pydantic import ValidationError

from sync.client.wire import Wire, parse
from sync.contract import EnrolmentRequest, EnrolmentResponse
from sync.contract.chains import TerminalKey

#: A terminal key as the till keeps it: key_id, public_pem, introduced_by, introduction.
KeyFields = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Enrolment:
    store_id: str
    store_name: str
    terminal_id: str
    token: str
    registered_key_id: str = ""  # the key central registered ("" if none was sent)

    def __repr__(self) -> str:  # the token stays out of logs and tracebacks
        return (
            f"Enrolment(store_id={self.store_id!r}, store_name={self.store_name!r}, "
            f"terminal_id={self.terminal_id!r}, token=<hidden>)"
        )


def enrol(
    base_url: str,
    store_id: str,
    terminal_id: str,
    enrolment_code: str,
    *,
    ca_file: str | Path | None = None,
    transport: httpx.BaseTransport | None = None,
    terminal_key: KeyFields | None = None,
    earlier_keys: Sequence[KeyFields] = (),
) -> Enrolment:
    """Enrol this terminal; enrolling again revokes its previous token. ``terminal_key``
    is the key the terminal signs with from now on, ``earlier_keys`` those that signed
    before it (oldest first), for central to register.

    Raises ValueError (malformed details), CentralUnavailable (try again), NotAuthorised
    (wrong store or code) or CentralRejected."""
    try:
        request = EnrolmentRequest(
            store_id=store_id,
            terminal_id=terminal_id,
            enrolment_code=enrolment_code,
            terminal_key=_key(terminal_key) if terminal_key else None,
            earlier_keys=[_key(key) for key in earlier_keys],
        )
    except ValidationError as exc:
        where = ", ".join(str(e["loc"][0]) for e in exc.errors(include_input=False))
        raise ValueError(f"Check the enrolment details: {where} is not valid.") from None
    wire = Wire(base_url, ca_file=ca_file, transport=transport)
    try:
        data = wire.call(
            "POST", "/v1/enrolments", body=request.model_dump_json().encode(), expect=(201,)
        )
    finally:
        wire.close()
    reply = parse(EnrolmentResponse, data, "an enrolment reply")
    return Enrolment(
        reply.store_id, reply.store_name, reply.terminal_id, reply.token, reply.registered_key_id
    )


def _key(fields: KeyFields) -> TerminalKey:
    return TerminalKey(
        key_id=fields["key_id"],
        public_pem=fields["public_pem"],
        introduced_by=fields.get("introduced_by", ""),
        introduction=fields.get("introduction", ""),
    )
