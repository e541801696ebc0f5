"""The routes of customers (issue 15): a till creates a customer with consent, searches
central's customers, changes a consent, reads a customer's history across channels; the
operator erases one. Database work runs in the thread pool, as for every route.
"""

from __future__ import annotations

from pydantic import BaseModel, TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from sync.central import auth, customers
from sync.central.bodies import parse
from sync.central.db import Database
from sync.central.errors import bad_request, not_found
from sync.contract.customers import (
    DEFAULT_HISTORY,
    MAX_HISTORY,
    ConsentChange,
    CustomerCreate,
)
from sync.contract.scalars import CustomerId

_CUSTOMER_ID: TypeAdapter[str] = TypeAdapter(CustomerId)


def _json(model: BaseModel, status: int = 200) -> Response:
    return Response(model.model_dump_json(), status_code=status, media_type="application/json")


def _customer_id(request: Request) -> str:
    try:
        return _CUSTOMER_ID.validate_python(request.path_params["customer_id"])
    except ValidationError:
        raise not_found("There is no customer like this.") from None


def _limit(raw: str | None) -> int:
    if raw is None:
        return DEFAULT_HISTORY
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_HISTORY:
        raise bad_request(f"limit must be a whole number from 1 to {MAX_HISTORY}.")
    return int(raw)


class CustomersApi:
    """Handlers bound to one database and the operator's token."""

    def __init__(self, db: Database, admin_token: str | None) -> None:
        self.db, self.admin_token = db, admin_token

    def _store(self, request: Request) -> str:
        store_id = request.path_params["store_id"]
        auth.terminal(self.db, request, store_id, None)
        return str(store_id)

    async def create(self, request: Request) -> Response:
        store_id = self._store(request)
        body = await parse(request, CustomerCreate)
        return _json(await run_in_threadpool(customers.create, self.db, store_id, body), 201)

    async def search(self, request: Request) -> Response:
        self._store(request)
        text = request.query_params.get("q", "")
        if len(text) > 200:
            raise bad_request("q is at most 200 characters.")
        return _json(await run_in_threadpool(customers.search, self.db, text))

    async def consent(self, request: Request) -> Response:
        store_id = self._store(request)
        customer_id = _customer_id(request)
        body = await parse(request, ConsentChange)
        result = await run_in_threadpool(
            customers.set_consent, self.db, store_id, customer_id, body.marketing_consent
        )
        return _json(result)

    async def history(self, request: Request) -> Response:
        self._store(request)
        customer_id = _customer_id(request)
        limit = _limit(request.query_params.get("limit"))
        return _json(await run_in_threadpool(customers.history, self.db, customer_id, limit))

    async def erase(self, request: Request) -> Response:
        auth.check_secret(request, self.admin_token, "operator")
        customer_id = _customer_id(request)
        return _json(await run_in_threadpool(customers.erase, self.db, customer_id))

    def routes(self) -> list[Route]:
        base = "/v1/stores/{store_id}/customers"
        return [
            Route(base, self.create, methods=["POST"]),
            Route(base, self.search, methods=["GET"]),
            Route(f"{base}/{{customer_id}}/consent", self.consent, methods=["POST"]),
            Route(f"{base}/{{customer_id}}/history", self.history, methods=["GET"]),
            Route("/v1/admin/customers/{customer_id}", self.erase, methods=["DELETE"]),
        ]
