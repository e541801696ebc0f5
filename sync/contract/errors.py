"""The one error body of the API: a stable code for programs, a sentence for people."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from sync.contract.scalars import WIRE, Message

ErrorCode = Literal[
    "bad_request",
    "bad_cursor",
    "unauthorized",
    "forbidden_store",
    "not_found",
    "conflict",
    "cart_expired",
    "cart_converted",
    "payload_too_large",
    "too_many_attempts",
    "internal",
]


class ErrorBody(BaseModel):
    model_config = WIRE

    code: ErrorCode
    message: Message


class ErrorResponse(BaseModel):
    """Every non-2xx answer: ``{"error": {"code": ..., "message": ...}}``."""

    model_config = WIRE

    error: ErrorBody
