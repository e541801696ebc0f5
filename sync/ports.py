"""The sync engine's view of a central commerce platform: a small port, plain results.

The engine pulls feed pages and pushes outbox batches through ``CentralPort`` and
nothing else, so another platform (a Medusa adapter, say) is one new class beside
``sync.client.HttpCentral``, with no change to the engine. Adapters turn every failure
into one of three errors the engine knows how to treat:

* ``CentralUnavailable`` - the network, a timeout, a 5xx, a 429: nothing is known about
  what happened; send the same thing again later (pushes are safe to repeat: op_ids);
* ``CentralRejected`` - a 4xx, or a reply that is not what the contract says (an HTML
  page, an empty body, wrong types, too large): retrying at once cannot help; the
  message says why, and the engine backs off longer;
* ``BadCursor`` - the feed's cursor was refused: pull that feed again from the start.

A ``retry_after_s`` on an error is the server asking us to wait that long (429, 503).

Messages are sentences for the status bar; they never contain the token.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

OutcomeStatus = Literal["accepted", "duplicate", "rejected"]


class CentralError(Exception):
    """A call to the central platform failed; ``message`` says what to do next."""

    def __init__(
        self,
        message: str,
        *,
        code: str = "",
        http_status: int | None = None,
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code  # the API's error code when it sent one ("bad_request", …)
        self.http_status = http_status
        self.retry_after_s = retry_after_s  # the server's Retry-After, in seconds


class CentralUnavailable(CentralError):
    """Network failure, timeout or server fault: retry later, with backoff."""


class CentralRejected(CentralError):
    """The request was refused or the reply is unreadable: do not hammer."""


class BadCursor(CentralRejected):
    """The feed cursor is not accepted: pull the feed again from the beginning."""


class FeedStalled(CentralRejected):
    """A feed that does not settle (a cursor seen before, or over the round's page
    budget): its pull stops, its stored cursor stays, the round's other work goes on."""


class NotAuthorised(CentralRejected):
    """The terminal's token was refused: the terminal must be enrolled again."""


class PayloadTooLarge(CentralRejected):
    """The batch is over the server's size limit: send fewer operations at once."""


class UnsendableOperation(Exception):
    """An outbox operation the platform's contract refuses as it stands (checked before
    sending): it can never be sent, so the engine sets it aside with ``reason``."""

    def __init__(self, op_id: str, reason: str) -> None:
        super().__init__(f"operation {op_id}: {reason}")
        self.op_id = op_id
        self.reason = reason


@dataclass(frozen=True, slots=True)
class FeedPage:
    """One page of a feed. ``items`` are the contract's item models (or any objects
    with the same attributes); ``next_cursor`` is stored only once they are applied."""

    feed: str
    items: Sequence[Any]
    next_cursor: str
    has_more: bool


@dataclass(frozen=True, slots=True)
class OutgoingOperation:
    """An outbox row to push: ``payload_json`` is sent byte for byte as committed."""

    op_id: str
    seq: int
    kind: str
    payload_json: str


@dataclass(frozen=True, slots=True)
class OperationOutcome:
    """The central verdict on one operation. ``rejected`` is final."""

    op_id: str
    status: OutcomeStatus
    code: str = ""
    reason: str = ""
    warnings: tuple[str, ...] = field(default=())


class CentralPort(Protocol):
    """What the sync engine needs from a central platform (one store, one terminal)."""

    def pull(self, feed: str, cursor: str | None, limit: int) -> FeedPage:
        """The page of ``feed`` after ``cursor`` (None: from the beginning)."""
        ...

    def push(self, operations: Sequence[OutgoingOperation]) -> list[OperationOutcome]:
        """Send a batch; one outcome per operation, in the same order."""
        ...

    def close(self) -> None: ...


@runtime_checkable
class Interruptible(Protocol):
    """A port whose requests in flight can be aborted from another thread (``stop``)."""

    def interrupt(self) -> None:
        """Abort what is in flight and fail further calls fast, until ``resume``."""
        ...

    def resume(self) -> None: ...


@runtime_checkable
class ClaimReleasing(Protocol):
    """A port that can give back a return claim the till abandoned (``ReturnCalls``'s
    ``release_return``): the engine sends the releases queued while central was away."""

    def release_return(self, return_id: str) -> None: ...


@runtime_checkable
class DebitReversing(Protocol):
    """A port that can give back a credit note debit (``ReturnCalls``'s
    ``reverse_credit_note_debit``): the engine sends the reversals queued while central
    was away."""

    def reverse_credit_note_debit(self, code: str, op_id: str) -> Any: ...


@runtime_checkable
class CouponReleasing(Protocol):
    """A port that can give back a single-use coupon reserved for a sale
    (``pos.services.coupons.CouponCalls``'s ``release_coupon``): the engine sends the
    releases queued while central was away."""

    def release_coupon(self, sale_id: str, code: str) -> Any: ...


@runtime_checkable
class LoyaltyOwing(Protocol):
    """A port with central's loyalty ledger (``HttpCentral``'s loyalty calls): the engine
    pulls the rule and sends the redemptions and reversals a till queued."""

    def loyalty_rule(self) -> Any: ...

    def redeem_points(self, customer_id: str, redemption: Any) -> Any: ...

    def reverse_redemption(self, customer_id: str, op_id: str) -> Any: ...


class OrderDeskPort(Protocol):
    """Click-and-collect calls (issue 5), for the pickup desk rather than the engine."""

    def fetch_cart(self, cart_id: str) -> dict[str, Any]:
        """A web cart as the platform holds it."""
        ...

    def move_pickup(self, pickup_id: str, status: str, *, op_id: str) -> None:
        """Move a pickup order forward (idempotent by ``op_id``)."""
        ...


@dataclass(frozen=True, slots=True)
class SnapshotPiece:
    """One chunk of a first-sync snapshot (``sync.contract.snapshot``), already validated:
    ``body`` is its JSON, kept as it is until the whole snapshot is in; ``columns`` its
    values by item field, for the plausibility checks."""

    part: Literal["catalog", "stock"]
    count: int
    columns: Mapping[str, Sequence[Any]]
    body: bytes
    next_cursor: str
    done: bool
    catalog_cursor: str
    stock_cursor: str


@runtime_checkable
class SnapshotServing(Protocol):
    """A platform that serves the first-sync snapshot (our reference server; Medusa does
    not, and a till then pulls its feeds page by page)."""

    def snapshot(self, cursor: str | None, limit: int) -> SnapshotPiece: ...


class PageSetNotServed(CentralRejected):
    """The platform has no page set route (an older central): take the chunked snapshot."""


@runtime_checkable
class PageSetServing(Protocol):
    """A platform that serves the first-sync page set as a file (our reference server,
    ``sync.contract.page_set``; Medusa does not and keeps its page-by-page feeds).
    ``download_page_set`` brings it whole into ``target``, resuming a partial download;
    a platform without it raises ``CentralRejected``."""

    store_id: str

    def download_page_set(self, target: Path, *, progress: Callable[[int], None]) -> None: ...
