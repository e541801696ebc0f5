"""Before a return ticket commits: central's claim of what it takes back, or the offline
rules (``ReturnDesk.complete``).

Online, the quantities are claimed centrally (the claim's id is the ticket's sale id), so
two tills cannot both hand the money out; a refused claim commits nothing. When central
cannot be reached, keeps no returns (Medusa without Comptoir's plugin) or is not linked,
the offline rules apply instead: only sales this till holds, and at most the offline
limit given back; the push checks the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING

from pos.domain.basket import Basket
from pos.domain.errors import PosError
from pos.domain.money import format_eur
from pos.domain.returns import OriginSale
from pos.services.checkout import Checkout
from pos.services.return_calls import ReturnCalls
from sync.contract.refusals import NOT_FOUND, NOT_RETURNABLE, NOT_SUPPORTED
from sync.ports import CentralRejected, CentralUnavailable

if TYPE_CHECKING:
    from sync.contract.returns import ClaimLine


class Claim(Enum):
    CLAIMED = "claimed"  # central holds the quantities for this ticket
    MAYBE = "maybe"  # no answer: central may hold them (released if the ticket is cancelled)
    NONE = "none"  # nothing claimed: the offline rules decide


def claim(
    checkout: Checkout, calls: ReturnCalls | None, origins: Mapping[str, OriginSale]
) -> Claim:
    """Claim the ticket's returned lines centrally; refusals that must stop the ticket
    (``not_returnable``, any other refusal) are raised as ``PosError``."""
    from sync.contract.returns import ClaimLine, ReturnClaim  # not at start: pydantic

    lines = [
        ClaimLine(
            origin_sale_id=line.returned.ref.origin_sale_id,
            origin_line_no=line.returned.ref.origin_line_no,
            quantity=-line.quantity,
        )
        for line in checkout.basket.active_lines()
        if line.returned is not None and line.returned.ref.origin_line_no > 0
    ]
    if calls is None or not lines:
        return Claim.NONE
    ticket = ReturnClaim(return_id=checkout.sale_id, terminal_id=checkout.terminal_id,
                         lines=lines)  # fmt: skip
    try:
        calls.claim_return(ticket)
    except CentralUnavailable:
        return Claim.MAYBE
    except CentralRejected as exc:
        if exc.code == NOT_FOUND and _only_local(lines, origins):
            return Claim.NONE  # this till's sale, not pushed yet: the push checks it after
        if exc.code == NOT_SUPPORTED:
            return Claim.NONE  # central keeps no claims (Medusa without the plugin)
        if exc.code == NOT_RETURNABLE:
            raise PosError(
                f"Another till or channel has already taken this back: {exc.message} "
                "Nothing was refunded.",
                code="not_returnable",
            ) from exc
        raise PosError(exc.message, code=exc.code or "central_refused") from exc
    return Claim.CLAIMED


def _only_local(lines: list[ClaimLine], origins: Mapping[str, OriginSale]) -> bool:
    """Every sale claimed from is one this till holds (central may not have it yet)."""
    return all(
        (origin := origins.get(line.origin_sale_id)) is not None and origin.source == "local"
        for line in lines
    )


def check_offline(basket: Basket, origins: Mapping[str, OriginSale], limit_cents: int) -> None:
    """Without central confirmation: only this till's sales, within ``limit_cents``."""
    for line in basket.active_lines():
        ref = line.returned.ref if line.returned else None
        origin = origins.get(ref.origin_sale_id) if ref else None
        if origin is not None and origin.source != "local":
            raise PosError(
                f"{origin.label} was not made at this till and the central server cannot "
                "confirm the return now: try again once online.",
                code="offline_unknown_sale",
            )
    given_back = -basket.totals().returned_cents
    if given_back > limit_cents:
        raise PosError(
            f"Offline, a return may give back at most {format_eur(limit_cents)}: this one "
            f"gives back {format_eur(given_back)}. Try again once online.",
            code="offline_return_limit",
            limit_cents=limit_cents,
        )
