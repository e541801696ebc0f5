"""One Medusa v2 server seen through two doors: its admin API (secret key) and its store
API (publishable key of the POS sales channel). Every failure becomes one of the port's
errors (``sync.ports``): the engine never sees an httpx exception or a Medusa body.

* network failures, timeouts, 5xx, 408/425/429 -> ``CentralUnavailable`` (retry later);
* 401/403 -> ``NotAuthorised`` (the key is wrong or revoked: the settings must change);
* any other 4xx, or a reply that is not a JSON object -> ``CentralRejected``.

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
from typing import Any

import httpx

from sync.ports import CentralRejected, CentralUnavailable, NotAuthorised

TIMEOUT = httpx.Timeout(connect=3.0, read=30.0, write=15.0, pool=5.0)
_RETRY_LATER = {408, 425, 429}
_MAX_TEXT = 300

Params = Mapping[str, str | int | list[str]]


class MedusaHttp:
    """Admin and store calls to one Medusa server. Thread-safe as ``httpx.Client`` is."""

    def __init__(
        self,
        base_url: str,
        secret_key: str,
        publishable_key: str,
        *,
        timeout: httpx.Timeout = TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        basic = base64.b64encode(f"{secret_key}:".encode()).decode("ascii")
        common = {"Accept": "application/json", "User-Agent": "comptoir-terminal"}
        self._admin = httpx.Client(
            base_url=base_url,
            headers={**common, "Authorization": f"Basic {basic}"},
            timeout=timeout,
            transport=transport,
            follow_redirects=False,
            trust_env=False,
        )
        self._store = httpx.Client(
            base_url=base_url,
            headers={**common, "x-publishable-api-key": publishable_key},
            timeout=timeout,
            transport=transport,
            follow_redirects=False,
            trust_env=False,
        )
        self._server_date: datetime | None = None

    def __repr__(self) -> str:  # never the keys
        return f"MedusaHttp({str(self._admin.base_url)!r})"

    def close(self) -> None:
        self._admin.close()
        self._store.close()

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
        try:
            response = client.request(method, path, params=params, json=body)
        except httpx.TimeoutException as exc:
            raise CentralUnavailable(
                f"Medusa did not answer in time ({type(exc).__name__})."
            ) from None
        except httpx.TransportError as exc:
            raise CentralUnavailable(
                f"Medusa cannot be reached ({type(exc).__name__}: {_short(str(exc))})."
            ) from None
        self._note_date(response.headers.get("date"))
        if not response.is_success:
            raise medusa_error(response.status_code, response.content, f"{method} {path}")
        try:
            data = response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            data = None
        if not isinstance(data, dict):
            raise CentralRejected(
                f"Medusa answered {method} {path} with something that is not a JSON object.",
                code="bad_reply",
            )
        return data

    def _note_date(self, header: str | None) -> None:
        if header:
            with contextlib.suppress(TypeError, ValueError):
                self._server_date = parsedate_to_datetime(header).astimezone(UTC)


def medusa_error(status: int, content: bytes, what: str) -> CentralUnavailable | CentralRejected:
    """The port's error for a Medusa error reply ``{"type", "message"}``."""
    kind, message = _error_body(content)
    said = f": {message}" if message else ""
    detail = f"HTTP {status}" + (f" {kind}" if kind else "")
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
    except (json.JSONDecodeError, UnicodeDecodeError):
        return "", ""
    if not isinstance(data, dict):
        return "", ""
    return _short(str(data.get("type") or data.get("code") or "")), _short(
        str(data.get("message") or "")
    )


def _short(text: str) -> str:
    clean = "".join(ch if ch.isprintable() else " " for ch in text).strip()
    return clean if len(clean) <= _MAX_TEXT else clean[: _MAX_TEXT - 1] + "…"
