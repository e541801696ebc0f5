"""The till's coupon calls of API v1 (issue 15), over the same ``Wire`` as every call: a
code checked and, single-use, reserved for the till's sale; a reservation given back.

Failures are the port's: ``CentralUnavailable`` (offline, timeout, 5xx: a single-use code
cannot be taken now) or ``CentralRejected`` whose ``code`` is the API's (``coupon_used``,
``coupon_expired``, ``coupon_not_started``, ``coupon_other_store``, ``coupon_unknown``).
Both calls are idempotent by sale: after a timeout, the till sends the same one again.
"""

from __future__ import annotations

from urllib.parse import quote

from sync.client.wire import Wire, parse
from sync.contract.coupons import (
    CouponRelease,
    CouponReservation,
    CouponReservationRequest,
    normalise_coupon,
)

SMALL_REPLY_BYTES = 16 * 1024


class HttpCouponCalls:
    """Coupon calls for one terminal of one store; the owner sets ``_wire`` and
    ``_store_path`` (``/v1/stores/<store_id>``)."""

    _wire: Wire
    _store_path: str

    def reserve_coupon(self, code: str, sale_id: str) -> CouponReservation:
        body = CouponReservationRequest(code=code, sale_id=sale_id).model_dump_json()
        data = self._wire.call(
            "POST", f"{self._store_path}/coupons/reservations",
            body=body.encode("utf-8"), max_bytes=SMALL_REPLY_BYTES,
        )  # fmt: skip
        return parse(CouponReservation, data, "a coupon reservation")

    def release_coupon(self, sale_id: str, code: str) -> CouponRelease:
        path = (
            f"{self._store_path}/coupons/reservations/{quote(sale_id, safe='')}/"
            f"{quote(normalise_coupon(code), safe='')}"
        )
        data = self._wire.call("DELETE", path, max_bytes=SMALL_REPLY_BYTES)
        return parse(CouponRelease, data, "a coupon release")
