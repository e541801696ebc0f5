"""Enrolment: a terminal trades its store's enrolment code for its own bearer token."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, StrictStr

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
    #: The keys that signed this terminal's chains before ``terminal_key``, oldest first,
    #: each introduced by the one before it (entries made before enrolment, e.g. a demo
    #: store's, are pushed afterwards and checked against them).
    earlier_keys: Annotated[list[TerminalKey], Field(max_length=100, default_factory=list)]


class EnrolmentResponse(BaseModel):
    """``token`` is shown once: the server keeps only its hash."""

    model_config = WIRE

    store_id: StoreId
    store_name: Name
    terminal_id: TerminalId
    token: Secret
    #: The key central registered for this terminal's signatures ("" when none was sent).
    registered_key_id: Annotated[StrictStr, Field(pattern=r"^([0-9a-f]{16})?$")] = ""
