"""``CentralPort`` over HTTP for our own contract (``sync/CONTRACT.md``, API v1).

Every reply is validated with the ``sync.contract`` models before anything is handed to
the engine, so a page is either wholly readable or refused (never half-applied), and a
push reply must answer exactly the operations sent, in order, or it is refused (nothing
is then marked acknowledged: the batch is simply sent again, which op_ids make safe).

A page is bounded before it is validated (``page_guard``): its reply by what ``limit``
items can weigh, its items and values by a cheap count.

Pushes are written by hand around the stored payload text: the outbox's canonical JSON
goes out byte for byte, each envelope checked first with the contract's ``Operation``
model so a malformed row is caught here, with a reason, instead of failing its batch.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
from pydantic import ValidationError

from sync.client.coupon_calls import HttpCouponCalls
from sync.client.customer_calls import HttpCustomerCalls
from sync.client.loyalty_calls import HttpLoyaltyCalls
from sync.client.network_calls import HttpNetworkCalls
from sync.client.page_guard import check_page, page_bytes
from sync.client.page_set_calls import HttpPageSetCalls
from sync.client.pricing_calls import HttpPricingCalls
from sync.client.return_calls import HttpReturnCalls
from sync.client.snapshot_calls import HttpSnapshotCalls
from sync.client.wire import MAX_REPLY_BYTES, Wire, parse
from sync.contract import MAX_OPERATIONS, PAGE_MODELS, Operation, PushResponse
from sync.ports import (
    CentralRejected,
    FeedPage,
    OperationOutcome,
    OutgoingOperation,
    UnsendableOperation,
)


class HttpCentral(
    HttpReturnCalls,
    HttpLoyaltyCalls,
    HttpPricingCalls,
    HttpCouponCalls,
    HttpCustomerCalls,
    HttpNetworkCalls,
    HttpSnapshotCalls,
    HttpPageSetCalls,
):
    """One terminal of one store talking to the central API; see the module docstring.
    Its return and credit note calls (``ReturnCalls``) come from ``HttpReturnCalls``, its
    loyalty calls from ``HttpLoyaltyCalls``, its quote from ``HttpPricingCalls``, its
    coupon calls from ``HttpCouponCalls``, its customer calls from ``HttpCustomerCalls``,
    its network stock calls from ``HttpNetworkCalls``, its first-sync snapshot from
    ``HttpSnapshotCalls`` and its page set from ``HttpPageSetCalls``."""

    def __init__(
        self,
        base_url: str,
        store_id: str,
        terminal_id: str,
        token: str,
        *,
        ca_file: str | Path | None = None,
        timeout: httpx.Timeout | None = None,
        deadline_s: float | None = None,
        max_reply_bytes: int | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        options: dict[str, Any] = {"ca_file": ca_file, "transport": transport}
        if timeout is not None:
            options["timeout"] = timeout
        if deadline_s is not None:
            options["deadline_s"] = deadline_s
        if max_reply_bytes is not None:
            options["max_reply_bytes"] = max_reply_bytes
        self._wire = Wire(base_url, token=token, **options)
        self._max_reply_bytes = max_reply_bytes or MAX_REPLY_BYTES
        self.store_id, self.terminal_id = store_id, terminal_id
        self._store_path = f"/v1/stores/{quote(store_id, safe='')}"
        self._push_path = f"{self._store_path}/terminals/{quote(terminal_id, safe='')}/operations"

    def __repr__(self) -> str:
        return f"HttpCentral({self._wire!r}, {self.store_id!r}, {self.terminal_id!r})"

    def close(self) -> None:
        self._wire.close()

    def interrupt(self) -> None:
        """Abort the request in flight, fail calls fast until ``resume`` (engine stop)."""
        self._wire.interrupt()

    def resume(self) -> None:
        self._wire.resume()

    def __enter__(self) -> HttpCentral:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- pulls ------------------------------------------------------------------------

    def pull(self, feed: str, cursor: str | None, limit: int) -> FeedPage:
        model = PAGE_MODELS.get(feed)  # type: ignore[call-overload]
        if model is None:
            raise ValueError(f"unknown feed {feed!r}")
        params: dict[str, str | int] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        data = self._wire.call(
            "GET",
            f"{self._store_path}/feeds/{feed}",
            params=params,
            max_bytes=page_bytes(limit, self._max_reply_bytes),
        )
        check_page(data, feed, limit)
        page = parse(model, data, f"a {feed} page")
        return FeedPage(feed, page.items, page.next_cursor, page.has_more)

    # -- pushes -----------------------------------------------------------------------

    def push(self, operations: Sequence[OutgoingOperation]) -> list[OperationOutcome]:
        if not 1 <= len(operations) <= MAX_OPERATIONS:
            raise ValueError(f"a push carries 1 to {MAX_OPERATIONS} operations")
        body = "".join(('{"operations":[', ",".join(map(envelope, operations)), "]}")).encode(
            "utf-8"
        )
        data = self._wire.call("POST", self._push_path, body=body)
        reply = parse(PushResponse, data, "a push reply")
        sent = [op.op_id for op in operations]
        answered = [result.op_id for result in reply.results]
        if answered != sent:
            raise CentralRejected(
                f"The central API answered {len(answered)} results for {len(sent)} operations "
                "(or in another order); nothing was marked as sent, the batch will be resent.",
                code="bad_reply",
            )
        return [
            OperationOutcome(r.op_id, r.status, r.code or "", r.reason or "", tuple(r.warnings))
            for r in reply.results
        ]

    # -- click-and-collect (issue 5): not in API v1 yet ----------------------------------

    def fetch_cart(self, cart_id: str) -> dict[str, Any]:
        raise CentralRejected("Carts are not offered by central API v1.", code="not_supported")

    def move_pickup(self, pickup_id: str, status: str, *, op_id: str) -> None:
        raise CentralRejected(
            "Pickup moves are not offered by central API v1.", code="not_supported"
        )


def envelope(op: OutgoingOperation) -> str:
    """One operation as JSON text around its stored payload, checked against the
    contract's ``Operation``; UnsendableOperation (with the reason) if it never can be."""
    text = (
        f'{{"op_id":{json.dumps(op.op_id)},"seq":{int(op.seq)},'
        f'"kind":{json.dumps(op.kind)},"payload":{op.payload_json}}}'
    )
    try:
        Operation.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "operation"
        raise UnsendableOperation(op.op_id, f"{where}: {first['msg']}") from None
    return text
