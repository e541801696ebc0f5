"""The routes of coupons (issue 15): a till reserves and releases a code for its sale, the
operator issues single-use codes. Database work runs in the thread pool, as for every
route."""

from __future__ import annotations

from pydantic import BaseModel, TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from sync.central import auth, coupons
from sync.central.bodies import parse
from sync.central.db import Database
from sync.central.errors import not_found
from sync.contract.coupons import CouponIssueRequest, CouponReservationRequest, TypedCode
from sync.contract.scalars import OpId

_SALE_ID: TypeAdapter[str] = TypeAdapter(OpId)
_CODE: TypeAdapter[str] = TypeAdapter(TypedCode)


def _json(model: BaseModel) -> Response:
    return Response(model.model_dump_json(), media_type="application/json")


class CouponsApi:
    """Handlers bound to one database, the operator's token and the reservation hold."""

    def __init__(self, db: Database, admin_token: str | None, hold_hours: float) -> None:
        self.db, self.admin_token, self.hold_hours = db, admin_token, hold_hours

    async def reserve(self, request: Request) -> Response:
        store_id = request.path_params["store_id"]
        auth.terminal(self.db, request, store_id, None)
        body = await parse(request, CouponReservationRequest)
        return _json(
            await run_in_threadpool(coupons.reserve, self.db, store_id, body, self.hold_hours)
        )

    async def release(self, request: Request) -> Response:
        store_id = request.path_params["store_id"]
        auth.terminal(self.db, request, store_id, None)
        try:
            sale_id = _SALE_ID.validate_python(request.path_params["sale_id"])
            code = _CODE.validate_python(request.path_params["code"])
        except ValidationError:
            raise not_found("There is no coupon reservation like this.") from None
        return _json(await run_in_threadpool(coupons.release, self.db, store_id, sale_id, code))

    async def issue(self, request: Request) -> Response:
        auth.check_secret(request, self.admin_token, "operator")
        raw = request.path_params["promotion_id"]
        if not raw.isdigit() or not 0 < int(raw) < 10**18:
            raise not_found("There is no promotion like this.")
        body = await parse(request, CouponIssueRequest)
        return _json(await run_in_threadpool(coupons.issue, self.db, int(raw), body))

    def routes(self) -> list[Route]:
        reservations = "/v1/stores/{store_id}/coupons/reservations"
        return [
            Route(reservations, self.reserve, methods=["POST"]),
            Route(f"{reservations}/{{sale_id}}/{{code}}", self.release, methods=["DELETE"]),
            Route("/v1/admin/promotions/{promotion_id}/coupons", self.issue, methods=["POST"]),
        ]
