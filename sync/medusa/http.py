"""One Medusa v2 server seen through two doors: its admin API (secret key) and its store
API (publishable key of the POS sales channel). Every failure becomes one of the port's
errors (``sync.ports``): the engine never sees an httpx exception or a Medusa body.

* network failures, timeouts, 5xx, 408/425 -> ``CentralUnavailable`` (retry later);
* 429/503 -> ``CentralUnavailable`` with the server's ``Retry-After`` as ``retry_after_s``
  (the engine waits that long, capped, instead of its backoff);
* 401/403 -> ``NotAuthorised`` (the key is wrong or revoked: the settings must change);
* any other 4xx, or a reply that is not a JSON object -> ``CentralRejected``.

Bounded as our own central client is (``sync.client.wire``; ``NOTES.md`` says how): one
deadline per call for connect, headers and body (``call_budget``), a cap on the decoded
reply as it streams (``reply_body``: huge or gzip-bomb replies are cut off), and
``interrupt`` to abort a call in flight from another thread (the engine's ``stop``).

The secret key travels as HTTP Basic ``base64("sk_...:")`` (Medusa's scheme for secret
keys), the publishable key as ``x-publishable-api-key``; neither appears in a message.
"""

from __future__ import annotations

import base64
import contextlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

import httpx

from sync.client.call_budget import BoundedTransport, CallBudget
from sync.client.reply_body import ACCEPT_ENCODING, read_response, size_text
from sync.client.wire import retry_after_seconds
from sync.ports import CentralRejected, CentralUnavailable, NotAuthorised

if TYPE_CHECKING:
    from sync.medusa.settings import MedusaSettings

TIMEOUT = httpx.Timeout(connect=3.0, read=30.0, write=15.0, pool=5.0)
CALL_DEADLINE_S = 60.0  # a cart completion takes ~1 s; a big catalog page a few
MAX_REPLY_BYTES = 32 * 1024 * 1024  # decoded; 500 variants with their prices is ~2 MiB
_RETRY_LATER = {408, 425}
_ASKS_TO_WAIT = {429, 503}
_MAX_TEXT = 300

Params = Mapping[str, str | int | list[str]]


class MedusaHttp:
    """Admin and store calls to one Medusa server. Thread-safe as ``httpx.Client`` is."""

    @classmethod
    def linked(cls, settings: MedusaSettings, **options: Any) -> MedusaHttp:
        """The calls of a till linked by ``settings`` (its URL and both keys)."""
        return cls(
            settings.base_url, settings.secret_api_key, settings.publishable_api_key, **options
        )

    def __init__(
        self,
        base_url: str,
        secret_key: str,
        publishable_key: str,
        *,
        timeout: httpx.Timeout = TIMEOUT,
        deadline_s: float = CALL_DEADLINE_S,
        max_reply_bytes: int = MAX_REPLY_BYTES,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        basic = base64.b64encode(f"{secret_key}:".encode()).decode("ascii")
        common = {
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,  # what read_bounded decodes, and only that
            "User-Agent": "comptoir-terminal",
        }
        self._deadline_s = deadline_s
        self._max_reply_bytes = max_reply_bytes
        self._budget = CallBudget()
        self._admin = self._client(
            base_url, {**common, "Authorization": f"Basic {basic}"}, timeout, transport
        )
        self._store = self._client(
            base_url, {**common, "x-publishable-api-key": publishable_key}, timeout, transport
        )
        self._server_date: datetime | None = None

    def _client(
        self,
        base_url: str,
        headers: dict[str, str],
        timeout: httpx.Timeout,
        transport: httpx.BaseTransport | None,
    ) -> httpx.Client:
        """A given transport (a test's) is used as it is; ours obeys the call budget."""
        return httpx.Client(
            base_url=base_url,
            headers=headers,
            timeout=timeout,
            transport=transport or BoundedTransport(self._budget),
            follow_redirects=False,
            trust_env=False,
        )

    def __repr__(self) -> str:  # never the keys
        return f"MedusaHttp({str(self._admin.base_url)!r})"

    def close(self) -> None:
        self._admin.close()
        self._store.close()

    def interrupt(self) -> None:
        """Abort the calls in flight (from any thread) and fail further ones fast until
        ``resume``: the sync engine's ``stop`` never waits on a trickling Medusa."""
        self._budget.interrupt()

    def resume(self) -> None:
        self._budget.resume()

    def admin(
        self, method: str, path: str, *, params: Params | None = None, body: Any = None
    ) -> dict[str, Any]:
        return self._call(self._admin, method, path, params, body)

    def store(
        self, method: str, path: str, *, params: Params | None = None, body: Any = None
    ) -> dict[str, Any]:
        return self._call(self._store, method, path, params, body)

    def server_now(self) -> datetime:
        """Medusa's clock (its ``Date`` header, to the second), so that cursors made from
        "now" do not depend on the till's clock."""
        self._call(self._admin, "GET", "/admin/stores", {"fields": "id"}, None)
        return self._server_date or datetime.now(UTC)

    def _call(
        self, client: httpx.Client, method: str, path: str, params: Params | None, body: Any
    ) -> dict[str, Any]:
        """The JSON object Medusa answered, read within the deadline and the cap."""
        what = f"{method} {path}"
        if self._budget.interrupted:
            raise _interrupted(what)
        with self._budget.opened(self._deadline_s):  # the except clauses see the deadline
            try:
                with client.stream(method, path, params=params, json=body) as response:
                    self._note_date(response.headers.get("date"))
                    content = self._read(response, what)
            except httpx.TransportError as exc:
                raise self._transport_error(exc, what) from None
            except httpx.HTTPError as exc:
                raise CentralRejected(
                    f"Medusa request {what} could not be sent ({type(exc).__name__})."
                ) from None
        if not response.is_success:
            raise medusa_error(
                response.status_code, content, what, response.headers.get("retry-after")
            )
        try:
            data = json.loads(content)
        except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested absurdly deep
            data = None
        if not isinstance(data, dict):
            raise CentralRejected(
                f"Medusa answered {what} with something that is not a JSON object.",
                code="bad_reply",
            )
        return data

    def _read(self, response: httpx.Response, what: str) -> bytes:
        """The decoded body, refused past the cap, checked for the deadline and an
        interruption between chunks."""
        limit = self._max_reply_bytes

        def check() -> None:
            if self._budget.interrupted:
                raise _interrupted(what)
            if self._budget.expired():
                raise self._late(what)

        return read_response(
            response, limit, lambda: _too_large(what, limit), check, sender="Medusa"
        )

    def _transport_error(self, exc: httpx.TransportError, what: str) -> CentralUnavailable:
        if self._budget.interrupted:
            return _interrupted(what)
        if self._budget.expired():
            return self._late(what)
        if isinstance(exc, httpx.TimeoutException):
            return CentralUnavailable(
                f"Medusa did not answer {what} in time ({type(exc).__name__})."
            )
        return CentralUnavailable(
            f"Medusa cannot be reached ({type(exc).__name__}: {_short(str(exc))})."
        )

    def _late(self, what: str) -> CentralUnavailable:
        return CentralUnavailable(
            f"Medusa took over {self._deadline_s:.0f} s to answer {what}; retrying later."
        )

    def _note_date(self, header: str | None) -> None:
        if header:
            with contextlib.suppress(TypeError, ValueError):
                self._server_date = parsedate_to_datetime(header).astimezone(UTC)


def medusa_error(
    status: int, content: bytes, what: str, retry_after: str | None = None
) -> CentralUnavailable | CentralRejected:
    """The port's error for a Medusa error reply ``{"type", "message"}``; a 429 or 503
    carries its ``Retry-After`` (seconds or an HTTP date) as ``retry_after_s``."""
    kind, message = _error_body(content)
    said = f": {message}" if message else ""
    detail = f"HTTP {status}" + (f" {kind}" if kind else "")
    if status in _ASKS_TO_WAIT:
        return CentralUnavailable(
            f"Medusa asks us to wait on {what} ({detail}){said}.",
            code=kind,
            http_status=status,
            retry_after_s=retry_after_seconds(retry_after),
        )
    if status >= 500 or status in _RETRY_LATER:
        return CentralUnavailable(
            f"Medusa failed on {what} ({detail}){said}; retrying later.",
            code=kind,
            http_status=status,
        )
    if status in (401, 403):
        return NotAuthorised(
            f"Medusa refused the API key on {what} ({detail}){said}. "
            "Check the secret and publishable keys in the settings.",
            code=kind or "unauthorized",
            http_status=status,
        )
    return CentralRejected(
        f"Medusa refused {what} ({detail}){said}.", code=kind or "rejected", http_status=status
    )


def _error_body(content: bytes) -> tuple[str, str]:
    try:
        data = json.loads(content)
    except (ValueError, RecursionError):
        return "", ""
    if not isinstance(data, dict):
        return "", ""
    return _short(str(data.get("type") or data.get("code") or "")), _short(
        str(data.get("message") or "")
    )


def _short(text: str) -> str:
    clean = "".join(ch if ch.isprintable() else " " for ch in text).strip()
    return clean if len(clean) <= _MAX_TEXT else clean[: _MAX_TEXT - 1] + "…"


def _interrupted(what: str) -> CentralUnavailable:
    return CentralUnavailable(f"Medusa call {what} was interrupted (sync stopping).")


def _too_large(what: str, limit: int) -> CentralRejected:
    return CentralRejected(
        f"Medusa's reply to {what} is larger than {size_text(limit)}; it was refused.",
        code="reply_too_large",
    )
