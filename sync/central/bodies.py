"""Request bodies: size-limited, strictly parsed JSON, validated with the contract models.

A body over the limit is a 413 before it is buffered; the rest of it is read and dropped
(up to a bound) so the client receives the answer instead of a reset mid-upload. JSON is
parsed by pydantic's own parser, strictly: no NaN, no floats for ints, no extra fields.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError
from starlette.requests import ClientDisconnect, Request

from sync.central.errors import ApiError, bad_request, describe

MAX_BODY_BYTES = 8 * 1024 * 1024
_DRAIN_BYTES = 64 * 1024 * 1024  # past this a huge upload is cut, not read

Model = TypeVar("Model", bound=BaseModel)


def _too_large() -> ApiError:
    return ApiError(
        413, "payload_too_large", f"The body is over {MAX_BODY_BYTES // (1024 * 1024)} MiB."
    )


async def read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > _DRAIN_BYTES:
        raise _too_large()
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                chunks.clear()
                if size > _DRAIN_BYTES:
                    break
                continue
            chunks.append(chunk)
    except ClientDisconnect:
        raise bad_request("The client went away before sending the whole body.") from None
    if size > MAX_BODY_BYTES:
        raise _too_large()
    return b"".join(chunks)


async def parse(request: Request, model: type[Model]) -> Model:
    """The body as ``model``; 400 with pydantic's reasons when it is not one."""
    body = await read_body(request)
    if not body.strip():
        raise bad_request("The body is empty: a JSON object is expected.")
    return parse_bytes(body, model)


async def parse_optional(request: Request, model: type[Model]) -> Model:
    """Like ``parse``, but an empty body stands for the model's defaults."""
    body = await read_body(request)
    return parse_bytes(body, model) if body.strip() else model()


def parse_bytes(body: bytes, model: type[Model]) -> Model:
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        raise bad_request(describe(exc)) from None
