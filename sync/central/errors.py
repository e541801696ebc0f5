"""The server's one exception: an HTTP status with a stable contract error code."""

from __future__ import annotations

from pydantic import ValidationError

from sync.contract.errors import ErrorCode

_MAX_REASONS = 5


class ApiError(Exception):
    """Raised anywhere in a request; rendered as ``{"error": {"code", "message"}}``."""

    def __init__(
        self,
        status: int,
        code: ErrorCode,
        message: str,
        headers: dict[str, str] | None = None,
        details: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}
        self.details = details or {}  # more fields of the error body (``remaining``)


def bad_request(message: str) -> ApiError:
    return ApiError(400, "bad_request", message)


def not_found(message: str) -> ApiError:
    return ApiError(404, "not_found", message)


def conflict(message: str) -> ApiError:
    return ApiError(409, "conflict", message)


def describe(error: ValidationError) -> str:
    """Pydantic's reasons in one line: ``where: what`` for the first few problems."""
    parts = []
    for item in error.errors(include_url=False)[:_MAX_REASONS]:
        where = ".".join(str(part) for part in item["loc"]) or "body"
        parts.append(f"{where}: {item['msg']}")
    more = error.error_count() - len(parts)
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)[:1900]
