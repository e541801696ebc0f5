"""Enrolment: a terminal trades its store's enrolment code for its own bearer token."""

from __future__ import annotations

from pydantic import BaseModel

from sync.contract.chains import TerminalKey
from sync.contract.scalars import WIRE, Name, Secret, StoreId, TerminalId


class EnrolmentRequest(BaseModel):
    """Enrolling again issues a new token and revokes the terminal's previous one."""

    model_config = WIRE

    store_id: StoreId
    terminal_id: TerminalId
    enrolment_code: Secret
    #: The terminal's signing key (issue 13); optional for tills of earlier versions.
    terminal_key: TerminalKey | None = None


class EnrolmentResponse(BaseModel):
    """``token`` is shown once: the server keeps only its hash."""

    model_config = WIRE

    store_id: StoreId
    store_name: Name
    terminal_id: TerminalId
    token: Secret
