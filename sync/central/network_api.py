"""The routes of stock across the network (issue 16): a till's live lookup of a product
in every location, and the orders it places for a customer. Both are the till's own
(terminal token): the till never holds the web shop's token."""

from __future__ import annotations

from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from sync.central import auth, customer_orders, network_stock
from sync.central.bodies import parse
from sync.central.db import Database
from sync.central.errors import not_found
from sync.contract.network import CustomerOrderRequest
from sync.contract.scalars import MAX_PRODUCT_ID


def _json(model: BaseModel, status: int = 200) -> Response:
    return Response(model.model_dump_json(), status_code=status, media_type="application/json")


def _product_id(request: Request) -> int:
    raw = request.path_params["product_id"]
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_PRODUCT_ID:
        raise not_found(f"There is no product {raw!r}.")
    return int(raw)


class NetworkApi:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _store(self, request: Request) -> str:
        store_id = request.path_params["store_id"]
        auth.terminal(self.db, request, store_id, None)
        return str(store_id)

    async def lookup(self, request: Request) -> Response:
        self._store(request)
        product_id = _product_id(request)
        return _json(await run_in_threadpool(network_stock.lookup, self.db, product_id))

    async def order(self, request: Request) -> Response:
        store_id = self._store(request)
        body = await parse(request, CustomerOrderRequest)
        return _json(await run_in_threadpool(customer_orders.place, self.db, store_id, body))

    def routes(self) -> list[Route]:
        base = "/v1/stores/{store_id}"
        return [
            Route(f"{base}/network-stock/{{product_id}}", self.lookup, methods=["GET"]),
            Route(f"{base}/customer-orders", self.order, methods=["POST"]),
        ]
