"""The routes of loyalty (issue 15): the rule and a customer's account for tills and the
web shop, redemptions spent and given back, and the operator's rule. Database work runs in
the thread pool, as for every route.
"""

from __future__ import annotations

from pydantic import BaseModel, TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from sync.central import auth, loyalty
from sync.central.bodies import parse
from sync.central.db import Database
from sync.central.errors import not_found
from sync.contract.loyalty import LoyaltyRedemption, LoyaltyRuleUpsert
from sync.contract.scalars import CustomerId, OpId

_CUSTOMER_ID: TypeAdapter[str] = TypeAdapter(CustomerId)
_OP_ID: TypeAdapter[str] = TypeAdapter(OpId)


def _json(model: BaseModel) -> Response:
    return Response(model.model_dump_json(), media_type="application/json")


def _param(request: Request, name: str, adapter: TypeAdapter[str]) -> str:
    try:
        return adapter.validate_python(request.path_params[name])
    except ValidationError:
        raise not_found(f"There is no {name.replace('_', ' ')} like this.") from None


class LoyaltyApi:
    """Handlers bound to one database and the channel tokens."""

    def __init__(self, db: Database, web_token: str | None, admin_token: str | None) -> None:
        self.db, self.web_token, self.admin_token = db, web_token, admin_token

    def _caller(self, request: Request) -> None:
        """A till of the path's store, or the web shop (paths under ``/v1/web``)."""
        if "store_id" in request.path_params:
            auth.terminal(self.db, request, request.path_params["store_id"], None)
        else:
            auth.check_secret(request, self.web_token, "web channel")

    async def rule(self, request: Request) -> Response:
        self._caller(request)
        return _json(await run_in_threadpool(loyalty.rule, self.db))

    async def account(self, request: Request) -> Response:
        self._caller(request)
        customer_id = _param(request, "customer_id", _CUSTOMER_ID)
        return _json(await run_in_threadpool(loyalty.account, self.db, customer_id))

    async def redeem(self, request: Request) -> Response:
        self._caller(request)
        customer_id = _param(request, "customer_id", _CUSTOMER_ID)
        body = await parse(request, LoyaltyRedemption)
        return _json(await run_in_threadpool(loyalty.redeem, self.db, customer_id, body))

    async def reverse(self, request: Request) -> Response:
        self._caller(request)
        customer_id = _param(request, "customer_id", _CUSTOMER_ID)
        op_id = _param(request, "op_id", _OP_ID)
        return _json(await run_in_threadpool(loyalty.reverse, self.db, customer_id, op_id))

    async def put_rule(self, request: Request) -> Response:
        auth.check_secret(request, self.admin_token, "operator")
        body = await parse(request, LoyaltyRuleUpsert)
        return _json(await run_in_threadpool(loyalty.put_rule, self.db, body))

    def routes(self) -> list[Route]:
        routes = [Route("/v1/admin/loyalty/rule", self.put_rule, methods=["PUT"])]
        for base in ("/v1/stores/{store_id}", "/v1/web"):
            account = f"{base}/customers/{{customer_id}}/loyalty"
            routes += [
                Route(f"{base}/loyalty/rule", self.rule, methods=["GET"]),
                Route(account, self.account, methods=["GET"]),
                Route(f"{account}/redemptions", self.redeem, methods=["POST"]),
                Route(f"{account}/redemptions/{{op_id}}", self.reverse, methods=["DELETE"]),
            ]
        return routes
