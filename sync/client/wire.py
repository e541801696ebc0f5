"""One HTTP exchange with the central API, and every way it can go wrong sorted into
``CentralUnavailable`` (retry later) or ``CentralRejected`` (a reason, no hammering).

Rules every call follows:
* explicit timeouts (connect 3 s, read 15 s between bytes) and one deadline (60 s) for the
  whole exchange, connect, headers and body (``call_budget``): headers or a body trickled
  one byte at a time never trip a read timeout; ``interrupt`` aborts it from any thread;
* the reply is streamed, decoded by us and capped after decoding (32 MiB, or less per
  call; ``reply_body``): a huge, endless or compressed-bomb reply is cut off, not
  swallowed into memory;
* a 429 or 503 is the server asking us to wait: its ``Retry-After`` goes with the error;
  an error body in the contract's shape is quoted whatever its code;
* TLS is verified, always; a CA file may be given (a test or in-store dev server), never
  "verify=False". Plain ``http://`` is refused except to this machine (loopback);
* the bearer token goes in a default header and nowhere else: never in a URL, a log line
  or an exception message (httpx's own messages carry neither headers nor bodies).
"""

from __future__ import annotations

import ipaddress
import json
import logging
import ssl
import time
from collections.abc import Mapping
from datetime import UTC
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from sync.client.call_budget import BoundedTransport, CallBudget
from sync.client.reply_body import ACCEPT_ENCODING, read_response, size_text
from sync.ports import (
    BadCursor,
    CentralRejected,
    CentralUnavailable,
    NotAuthorised,
    PayloadTooLarge,
)

log = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(connect=3.0, read=15.0, write=15.0, pool=5.0)
REPLY_DEADLINE_S = 60.0
MAX_REPLY_BYTES = 32 * 1024 * 1024
_MAX_SERVER_TEXT = 300  # of a server's error message quoted in ours
_RETRY_LATER = {408, 425}
_ASKS_TO_WAIT = {429, 503}
_MAX_ERROR_BODY = 64 * 1024
_LOOPBACK_NAMES = {"localhost"}

Model = TypeVar("Model", bound=BaseModel)


class Wire:
    """An ``httpx.Client`` bound to one base URL and, optionally, one bearer token.

    Thread-safe as httpx's Client is; the engine uses it from one thread at a time."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        ca_file: str | Path | None = None,
        timeout: httpx.Timeout = TIMEOUT,
        deadline_s: float = REPLY_DEADLINE_S,
        max_reply_bytes: int = MAX_REPLY_BYTES,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        url = httpx.URL(base_url)
        if url.scheme not in ("https", "http") or (url.scheme == "http" and not _loopback(url)):
            raise ValueError(
                f"The central API address must start with https:// ({url.scheme}:// is only "
                "accepted for this machine)."
            )
        headers = {
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,
            "User-Agent": "comptoir-terminal",
        }
        if token:
            headers["Authorization"] = f"Bearer {token}"
        verify: ssl.SSLContext | bool = True
        if ca_file is not None:
            verify = ssl.create_default_context(cafile=str(ca_file))
        self._deadline_s = deadline_s
        self._max_reply_bytes = max_reply_bytes
        self._budget = CallBudget()
        if transport is None:
            transport = BoundedTransport(self._budget, verify=verify)
        self._client = httpx.Client(
            base_url=url,
            headers=headers,
            timeout=timeout,
            verify=verify,
            transport=transport,
            follow_redirects=False,
            trust_env=False,  # no proxy or CA settings picked up from the environment
        )

    def __repr__(self) -> str:  # never show the headers (the token)
        return f"Wire({str(self._client.base_url)!r})"

    def close(self) -> None:
        self._client.close()

    def interrupt(self) -> None:
        """Abort the exchange in flight (from any thread) and fail calls fast until
        ``resume``: the sync engine's ``stop`` never waits on a trickling server."""
        self._budget.interrupt()

    def resume(self) -> None:
        self._budget.resume()

    def call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        body: bytes | None = None,
        expect: tuple[int, ...] = (200,),
        max_bytes: int | None = None,
    ) -> bytes:
        """The reply body of a successful call; a CentralError otherwise. The whole
        exchange (connect, headers, body) ends within the deadline; the decoded body is
        cut at ``max_bytes`` (default: the Wire's cap, never above it)."""
        limit = min(max_bytes or self._max_reply_bytes, self._max_reply_bytes)
        headers = {"Content-Type": "application/json"} if body is not None else None
        if self._budget.interrupted:
            raise _interrupted()
        with self._budget.opened(self._deadline_s):  # the except clauses see the deadline
            try:
                with self._client.stream(
                    method, path, params=params, content=body, headers=headers
                ) as response:
                    data = self._read(response, limit)
            except httpx.TransportError as exc:
                raise self._transport_error(exc) from None
            except httpx.HTTPError as exc:
                raise CentralRejected(
                    f"The request could not be sent ({type(exc).__name__})."
                ) from None
        if response.status_code in expect:
            return data
        raise _http_error(response.status_code, data, response.headers.get("retry-after"))

    def _transport_error(self, exc: httpx.TransportError) -> CentralUnavailable:
        if self._budget.interrupted:
            return _interrupted()
        if self._budget.expired() or isinstance(exc, httpx.TimeoutException):
            if self._budget.expired():
                return CentralUnavailable(
                    f"The central API's reply took over {self._deadline_s:.0f} s to arrive."
                )
            return CentralUnavailable(
                f"The central API did not answer in time ({type(exc).__name__})."
            )
        what = "cannot be reached" if isinstance(exc, httpx.ConnectError) else "broke off"
        return CentralUnavailable(
            f"The central API {what} ({type(exc).__name__}: {_short(str(exc))})."
        )

    def _read(self, response: httpx.Response, limit: int) -> bytes:
        def check() -> None:
            if self._budget.interrupted:
                raise _interrupted()
            if self._budget.expired():
                raise CentralUnavailable(
                    f"The central API's reply took over {self._deadline_s:.0f} s to arrive."
                )

        return read_response(response, limit, lambda: _too_large(limit), check)


def parse(model: type[Model], data: bytes, what: str) -> Model:
    """Validate a reply with the contract's model; CentralRejected, with a reason, if not."""
    if not data.strip():
        raise CentralRejected(f"The central API sent an empty reply instead of {what}.")
    try:
        return model.model_validate_json(data)
    except ValidationError as exc:
        raise CentralRejected(
            f"The central API sent {what} this till cannot read ({_describe(exc, data)}).",
            code="bad_reply",
        ) from None


def _http_error(
    status: int, data: bytes, retry_after: str | None
) -> CentralUnavailable | CentralRejected:
    code, message = _error_body(data)
    detail = f"HTTP {status}" + (f" {code}" if code else "")
    said = f": {message}" if message else ("" if code else _body_kind(data))
    wait = retry_after_seconds(retry_after) if status in _ASKS_TO_WAIT else None
    if status in _ASKS_TO_WAIT:
        return CentralUnavailable(
            f"The central API asks us to wait ({detail}){said}.",
            code=code,
            http_status=status,
            retry_after_s=wait,
        )
    if status >= 500 or status in _RETRY_LATER:
        return CentralUnavailable(
            f"The central API failed ({detail}){said}; retrying later.",
            code=code,
            http_status=status,
        )
    text = f"The central API refused the request ({detail}){said}"
    if code == "bad_cursor":
        return BadCursor(text, code=code, http_status=status)
    if status in (401, 403):
        return NotAuthorised(
            text + ". Enrol this till again.", code=code or "unauthorized", http_status=status
        )
    if status == 413:
        return PayloadTooLarge(text, code=code or "payload_too_large", http_status=status)
    return CentralRejected(text, code=code, http_status=status)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` (delta-seconds or an HTTP date) as seconds from now; None if absent
    or unreadable. Never negative; the engine caps it."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(min(int(value[:12]), 10**9))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _error_body(data: bytes) -> tuple[str, str]:
    """(code, message) of an error body in the contract's shape, whatever its code (a
    proxy's or a newer server's ``rate_limited`` too), or ("", "") for anything else."""
    if len(data) > _MAX_ERROR_BODY:
        return "", ""
    try:
        error = json.loads(data).get("error")
        code, message = error.get("code"), error.get("message")
    except (ValueError, AttributeError, RecursionError):
        return "", ""
    if not isinstance(code, str) or not isinstance(message, str):
        return "", ""
    return _short(code)[:64], _short(message)


def _body_kind(data: bytes) -> str:
    head = data[:200].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return " (an HTML page, not the API)"
    return " (no readable error)" if data.strip() else " (empty reply)"


def _describe(error: ValidationError, data: bytes) -> str:
    if data.lstrip()[:1] == b"<":
        return "an HTML page, not JSON"
    first = error.errors(include_url=False, include_input=False)[0]
    where = ".".join(str(part) for part in first["loc"]) or "reply"
    more = error.error_count() - 1
    return f"{where}: {first['msg']}" + (f", and {more} more problems" if more > 0 else "")


def _interrupted() -> CentralUnavailable:
    return CentralUnavailable("The request to the central API was interrupted (sync stopping).")


def _too_large(limit: int) -> CentralRejected:
    return CentralRejected(
        f"The central API's reply is larger than {size_text(limit)}; it was refused.",
        code="reply_too_large",
    )


def _short(text: str) -> str:
    """A server- or OS-made text made safe for a status line: printable, bounded."""
    clean = "".join(ch if ch.isprintable() else " " for ch in text).strip()
    return clean if len(clean) <= _MAX_SERVER_TEXT else clean[: _MAX_SERVER_TEXT - 1] + "…"


def _loopback(url: httpx.URL) -> bool:
    host = url.host
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
