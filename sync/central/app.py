"""The HTTP layer: routes of API v1, authentication, and errors in the contract's shape.

Handlers are async only to read bodies; database work runs in Starlette's thread pool
(``run_in_threadpool``), so a page being serialised never stalls other connections.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import from_json
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp

from sync.central import (
    admin,
    auth,
    carts,
    catalog,
    feeds,
    pickup_orders,
    promotions,
    pushes,
    snapshot,
    staff,
    terminal_keys,
    till_acts,
    till_days,
    web,
)
from sync.central.bodies import parse, parse_optional, read_body
from sync.central.coupons import COUPON_HOLD_HOURS
from sync.central.coupons_api import CouponsApi
from sync.central.customers_api import CustomersApi
from sync.central.db import Database
from sync.central.deliveries_api import DeliveriesApi
from sync.central.errors import ApiError, bad_request, describe, not_found
from sync.central.faults import FaultInjector
from sync.central.loyalty_api import LoyaltyApi
from sync.central.network_api import NetworkApi
from sync.central.page_set_api import PageSetApi
from sync.central.pricing_api import PricingApi
from sync.central.returns_api import ReturnsApi
from sync.contract.admin import PriceChange, ProductUpsert, PromotionUpsert, StockCount
from sync.contract.carts import CartConvertRequest, CartRequest
from sync.contract.enrolment import EnrolmentRequest
from sync.contract.faults import FaultSettings
from sync.contract.operations import PushRequest, PushResponse
from sync.contract.pickups import ExpireRequest, PickupCancelRequest, PickupOrderRequest
from sync.contract.scalars import OrderId, ReservationId, Sku, StoreId, TerminalId
from sync.contract.staff import StaffId, StaffUpsert
from sync.contract.web import ReservationRequest

_JSON = "application/json"


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line decides: the tokens, and whether faults can be injected."""

    admin_token: str | None = None
    web_token: str | None = None
    faults: bool = False
    coupon_hold_hours: float = COUPON_HOLD_HOURS  # a coupon reservation no push consumed


def json_response(model: BaseModel, status: int = 200) -> Response:
    return Response(model.model_dump_json(), status_code=status, media_type=_JSON)


def error_response(
    status: int, code: str, message: str, details: dict[str, object] | None = None
) -> Response:
    body = {"error": {"code": code, "message": message, **(details or {})}}
    return Response(json.dumps(body, ensure_ascii=False), status_code=status, media_type=_JSON)


def _checked(adapter: TypeAdapter[str], value: str, what: str) -> str:
    """A path parameter against the contract's pattern: 404 for one that cannot exist."""
    try:
        return adapter.validate_python(value)
    except ValidationError:
        raise not_found(f"There is no {what} {value!r}.") from None


_STORE_ID: TypeAdapter[str] = TypeAdapter(StoreId)
_TERMINAL_ID: TypeAdapter[str] = TypeAdapter(TerminalId)
_SKU: TypeAdapter[str] = TypeAdapter(Sku)
_STAFF_ID: TypeAdapter[str] = TypeAdapter(StaffId)
_RESERVATION_ID: TypeAdapter[str] = TypeAdapter(ReservationId)
_ORDER_ID: TypeAdapter[str] = TypeAdapter(OrderId)
_MAX_CODE_TEXT = 200
_MAX_PROMOTION_ID = 10**18 - 1


def _code_text(request: Request) -> str:
    """The ``{code}`` path part: a typed code or a whole QR text, read by the contract."""
    text = request.path_params["code"]
    if not 0 < len(text) <= _MAX_CODE_TEXT:
        raise not_found("There is no such code.")
    return str(text)


def _promotion_id(request: Request) -> int:
    raw = request.path_params["promotion_id"]
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= _MAX_PROMOTION_ID:
        raise not_found(f"There is no promotion {raw!r}.")
    return int(raw)


class CentralApp:
    """Route handlers bound to one database and one set of options."""

    def __init__(self, db: Database, options: Options) -> None:
        self.db, self.options = db, options
        self.injector: FaultInjector | None = None

    # -- terminals ------------------------------------------------------------------

    async def enrol(self, request: Request) -> Response:
        body = await parse(request, EnrolmentRequest)
        return json_response(await run_in_threadpool(auth.enrol, self.db, body), 201)

    async def feed(self, request: Request) -> Response:
        store_id = request.path_params["store_id"]
        auth.terminal(self.db, request, store_id, None)
        limit = feeds.parse_limit(request.query_params.get("limit"))
        cursor = request.query_params.get("cursor")
        feed = request.path_params["feed"]
        body = await run_in_threadpool(feeds.page, self.db, feed, store_id, cursor, limit)
        return Response(body, media_type=_JSON)

    async def snapshot(self, request: Request) -> Response:
        """A first-sync chunk (``sync.central.snapshot``), gzipped when the client takes it."""
        store_id = request.path_params["store_id"]
        auth.terminal(self.db, request, store_id, None)
        limit = snapshot.parse_rows(request.query_params.get("limit"))
        cursor = request.query_params.get("cursor")
        body = await run_in_threadpool(snapshot.chunk, self.db, store_id, cursor, limit)
        if "gzip" not in request.headers.get("accept-encoding", ""):
            return Response(body, media_type=_JSON)
        packed = await run_in_threadpool(snapshot.gzipped, body)
        return Response(packed, media_type=_JSON, headers={"Content-Encoding": "gzip"})

    async def push(self, request: Request) -> Response:
        store_id = request.path_params["store_id"]
        terminal_id = request.path_params["terminal_id"]
        auth.terminal(self.db, request, store_id, terminal_id)
        body = await parse(request, PushRequest)
        results = await run_in_threadpool(
            pushes.push, self.db, store_id, terminal_id, body.operations
        )
        return json_response(PushResponse(results=results))

    async def pickup_by_code(self, request: Request) -> Response:
        store_id = request.path_params["store_id"]
        auth.terminal(self.db, request, store_id, None)
        text = _code_text(request)
        order = await run_in_threadpool(pickup_orders.find_by_code, self.db, store_id, text)
        return json_response(order)

    async def cart(self, request: Request) -> Response:
        auth.terminal(self.db, request, request.path_params["store_id"], None)
        return json_response(await run_in_threadpool(carts.find, self.db, _code_text(request)))

    async def convert_cart(self, request: Request) -> Response:
        terminal = auth.terminal(self.db, request, request.path_params["store_id"], None)
        text = _code_text(request)
        body = await parse(request, CartConvertRequest)
        return json_response(await run_in_threadpool(carts.convert, self.db, terminal, text, body))

    # -- the web channel --------------------------------------------------------------

    def _web(self, request: Request) -> None:
        auth.check_secret(request, self.options.web_token, "web channel")

    async def availability(self, request: Request) -> Response:
        self._web(request)
        sku = _checked(_SKU, request.query_params.get("sku", ""), "product")
        return json_response(await run_in_threadpool(web.availability, self.db, sku))

    async def reserve(self, request: Request) -> Response:
        self._web(request)
        body = await parse(request, ReservationRequest)
        return json_response(await run_in_threadpool(web.reserve, self.db, body), 201)

    async def release(self, request: Request) -> Response:
        self._web(request)
        reservation = _checked(
            _RESERVATION_ID, request.path_params["reservation_id"], "reservation"
        )
        return json_response(await run_in_threadpool(web.release, self.db, reservation))

    async def place_pickup_order(self, request: Request) -> Response:
        self._web(request)
        body = await parse(request, PickupOrderRequest)
        return json_response(await run_in_threadpool(pickup_orders.place, self.db, body), 201)

    async def pickup_order(self, request: Request) -> Response:
        self._web(request)
        order_id = _checked(_ORDER_ID, request.path_params["order_id"], "pickup order")
        return json_response(await run_in_threadpool(pickup_orders.get, self.db, order_id))

    async def cancel_pickup_order(self, request: Request) -> Response:
        self._web(request)
        order_id = _checked(_ORDER_ID, request.path_params["order_id"], "pickup order")
        body = await parse_optional(request, PickupCancelRequest)
        order = await run_in_threadpool(pickup_orders.cancel, self.db, order_id, body)
        return json_response(order)

    async def put_cart(self, request: Request) -> Response:
        self._web(request)
        body = await parse(request, CartRequest)
        cart, created = await run_in_threadpool(carts.put, self.db, body)
        return json_response(cart, 201 if created else 200)

    # -- the operator -----------------------------------------------------------------

    def _admin(self, request: Request) -> None:
        auth.check_secret(request, self.options.admin_token, "operator")

    async def put_product(self, request: Request) -> Response:
        self._admin(request)
        sku = _checked(_SKU, request.path_params["sku"], "product")
        body = _product_change(await read_body(request))
        item, created = await run_in_threadpool(catalog.put_product, self.db, sku, body)
        return json_response(item, 201 if created else 200)

    async def put_promotion(self, request: Request) -> Response:
        self._admin(request)
        promotion_id = _promotion_id(request)
        body = await parse(request, PromotionUpsert)
        item, created = await run_in_threadpool(
            promotions.put_promotion, self.db, promotion_id, body
        )
        return json_response(item, 201 if created else 200)

    async def expire_pickups(self, request: Request) -> Response:
        self._admin(request)
        body = await parse_optional(request, ExpireRequest)
        return json_response(await run_in_threadpool(pickup_orders.expire, self.db, body.now))

    async def stock_count(self, request: Request) -> Response:
        self._admin(request)
        store_id = _checked(_STORE_ID, request.path_params["store_id"], "store")
        body = await parse(request, StockCount)
        return json_response(await run_in_threadpool(admin.stock_count, self.db, store_id, body))

    async def put_staff(self, request: Request) -> Response:
        self._admin(request)
        store_id = _checked(_STORE_ID, request.path_params["store_id"], "store")
        staff_id = _checked(_STAFF_ID, request.path_params["staff_id"], "staff member")
        body = await parse(request, StaffUpsert)
        item, created = await run_in_threadpool(staff.put_staff, self.db, store_id, staff_id, body)
        return json_response(item, 201 if created else 200)

    async def approvals(self, request: Request) -> Response:
        self._admin(request)
        store_id = _checked(_STORE_ID, request.path_params["store_id"], "store")
        return json_response(await run_in_threadpool(staff.approvals, self.db, store_id))

    async def chain(self, request: Request) -> Response:
        self._admin(request)
        store_id, terminal_id = self._terminal_path(request)
        return json_response(await run_in_threadpool(admin.chain, self.db, store_id, terminal_id))

    async def terminal_keys(self, request: Request) -> Response:
        self._admin(request)
        store_id, terminal_id = self._terminal_path(request)
        view = await run_in_threadpool(terminal_keys.served, self.db, store_id, terminal_id)
        return json_response(view)

    async def witness(self, request: Request) -> Response:
        self._admin(request)
        store_id, terminal_id = self._terminal_path(request)
        view = await run_in_threadpool(admin.witness, self.db, store_id, terminal_id)
        return json_response(view)

    def _terminal_path(self, request: Request) -> tuple[str, str]:
        store_id = _checked(_STORE_ID, request.path_params["store_id"], "store")
        return store_id, _checked(_TERMINAL_ID, request.path_params["terminal_id"], "terminal")

    async def till_sessions(self, request: Request) -> Response:
        self._admin(request)
        store_id, terminal_id = self._terminal_path(request)
        view = await run_in_threadpool(till_days.sessions, self.db, store_id, terminal_id)
        return json_response(view)

    async def till_acts(self, request: Request) -> Response:
        self._admin(request)
        store_id, terminal_id = self._terminal_path(request)
        view = await run_in_threadpool(till_acts.acts, self.db, store_id, terminal_id)
        return json_response(view)

    async def enrolment_attempts(self, request: Request) -> Response:
        self._admin(request)
        return json_response(await run_in_threadpool(auth.attempts, self.db))

    async def stats(self, request: Request) -> Response:
        self._admin(request)
        return json_response(await run_in_threadpool(admin.stats, self.db))

    async def set_faults(self, request: Request) -> Response:
        self._admin(request)
        if self.injector is None:
            raise not_found("Fault injection is off: start the server with --faults.")
        settings = await parse(request, FaultSettings)
        self.injector.configure(settings)
        return json_response(settings)

    def routes(self) -> list[Route]:
        return [
            Route("/v1/enrolments", self.enrol, methods=["POST"]),
            Route("/v1/stores/{store_id}/feeds/{feed}", self.feed, methods=["GET"]),
            Route("/v1/stores/{store_id}/snapshot", self.snapshot, methods=["GET"]),
            Route(
                "/v1/stores/{store_id}/terminals/{terminal_id}/operations",
                self.push,
                methods=["POST"],
            ),
            Route(
                "/v1/stores/{store_id}/pickup-codes/{code}", self.pickup_by_code, methods=["GET"]
            ),
            Route("/v1/stores/{store_id}/carts/{code}", self.cart, methods=["GET"]),
            Route(
                "/v1/stores/{store_id}/carts/{code}/convert", self.convert_cart, methods=["POST"]
            ),
            Route("/v1/web/availability", self.availability, methods=["GET"]),
            Route("/v1/web/reservations", self.reserve, methods=["POST"]),
            Route("/v1/web/reservations/{reservation_id}", self.release, methods=["DELETE"]),
            Route("/v1/web/pickup-orders", self.place_pickup_order, methods=["POST"]),
            Route("/v1/web/pickup-orders/{order_id}", self.pickup_order, methods=["GET"]),
            Route(
                "/v1/web/pickup-orders/{order_id}/cancel",
                self.cancel_pickup_order,
                methods=["POST"],
            ),
            Route("/v1/web/carts", self.put_cart, methods=["POST"]),
            Route("/v1/admin/products/{sku}", self.put_product, methods=["PUT"]),
            Route("/v1/admin/promotions/{promotion_id}", self.put_promotion, methods=["PUT"]),
            Route("/v1/admin/pickups/expire", self.expire_pickups, methods=["POST"]),
            Route("/v1/admin/stores/{store_id}/stock", self.stock_count, methods=["POST"]),
            Route("/v1/admin/stores/{store_id}/staff/{staff_id}", self.put_staff, methods=["PUT"]),
            Route("/v1/admin/stores/{store_id}/approvals", self.approvals, methods=["GET"]),
            Route(
                "/v1/admin/terminals/{store_id}/{terminal_id}/chain", self.chain, methods=["GET"]
            ),
            Route(
                "/v1/admin/stores/{store_id}/terminals/{terminal_id}/keys",
                self.terminal_keys,
                methods=["GET"],
            ),
            Route(
                "/v1/admin/stores/{store_id}/terminals/{terminal_id}/witness",
                self.witness,
                methods=["GET"],
            ),
            Route(
                "/v1/admin/terminals/{store_id}/{terminal_id}/sessions",
                self.till_sessions,
                methods=["GET"],
            ),
            Route(
                "/v1/admin/terminals/{store_id}/{terminal_id}/till-acts",
                self.till_acts,
                methods=["GET"],
            ),
            Route("/v1/admin/stats", self.stats, methods=["GET"]),
            Route("/v1/admin/enrolment-attempts", self.enrolment_attempts, methods=["GET"]),
            Route("/v1/_faults", self.set_faults, methods=["PUT"]),
            *ReturnsApi(self.db, self.options.web_token, self.options.admin_token).routes(),
            *LoyaltyApi(self.db, self.options.web_token, self.options.admin_token).routes(),
            *PricingApi(self.db).routes(),
            *CouponsApi(self.db, self.options.admin_token, self.options.coupon_hold_hours).routes(),
            *CustomersApi(self.db, self.options.admin_token).routes(),
            *NetworkApi(self.db).routes(),
            *DeliveriesApi(self.db, self.options.admin_token).routes(),
            *PageSetApi(self.db).routes(),
        ]


def _product_change(body: bytes) -> ProductUpsert | PriceChange:
    """``{"price_cents"}`` alone is a price change; anything else must be a full product."""
    if not body.strip():
        raise bad_request('The body is empty: a product or {"price_cents"} is expected.')
    try:
        raw = from_json(body)
        if isinstance(raw, dict) and set(raw) == {"price_cents"}:
            return PriceChange.model_validate_json(body)
        return ProductUpsert.model_validate_json(body)
    except ValidationError as exc:
        raise bad_request(describe(exc)) from None
    except ValueError as exc:  # from_json: not JSON at all
        raise bad_request(f"The body is not JSON: {exc}") from None


async def _api_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    response = error_response(exc.status, exc.code, exc.message, exc.details)
    response.headers.update(exc.headers)
    return response


async def _http_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = "not_found" if exc.status_code == 404 else "bad_request"
    return error_response(exc.status_code, code, str(exc.detail))


async def _internal(_request: Request, _exc: Exception) -> Response:
    return error_response(500, "internal", "The server failed; the request may be retried.")


def build_app(db: Database, options: Options) -> tuple[ASGIApp, CentralApp]:
    """The ASGI app to serve (wrapped for fault injection when enabled) and its handlers."""
    central = CentralApp(db, options)
    app: ASGIApp = Starlette(
        routes=central.routes(),
        exception_handlers={
            ApiError: _api_error,
            HTTPException: _http_error,
            Exception: _internal,
        },
    )
    if options.faults:
        central.injector = FaultInjector(app)
        app = central.injector
    return app, central
