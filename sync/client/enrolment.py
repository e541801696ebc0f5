"""Enrolment: trade the store's enrolment code for this terminal's own token.

The code is typed once by the store manager; the token that comes back goes straight to
``TokenStore`` and is never shown, logged or put in a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx
from pydantic import ValidationError

from sync.client.wire import Wire, parse
from sync.contract import EnrolmentRequest, EnrolmentResponse


@dataclass(frozen=True, slots=True)
class Enrolment:
    store_id: str
    store_name: str
    terminal_id: str
    token: str

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
) -> Enrolment:
    """Enrol this terminal; enrolling again revokes its previous token.

    Raises ValueError (malformed details), CentralUnavailable (try again), NotAuthorised
    (wrong store or code) or CentralRejected."""
    try:
        request = EnrolmentRequest(
            store_id=store_id, terminal_id=terminal_id, enrolment_code=enrolment_code
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
    return Enrolment(reply.store_id, reply.store_name, reply.terminal_id, reply.token)
