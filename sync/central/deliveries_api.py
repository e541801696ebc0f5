"""The operator's routes for deliveries (issue 16): announce a supplier's delivery to a
store, and read one back with what was received and the differences. Tills never call
these: they read deliveries in their ``deliveries`` feed and push their receipts."""

from __future__ import annotations

from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from sync.central import auth, deliveries
from sync.central.bodies import parse
from sync.central.db import Database
from sync.contract.deliveries import DeliveryAnnouncement


def _json(model: BaseModel, status: int = 200) -> Response:
    return Response(model.model_dump_json(), status_code=status, media_type="application/json")


class DeliveriesApi:
    def __init__(self, db: Database, admin_token: str | None) -> None:
        self.db, self.admin_token = db, admin_token

    async def announce(self, request: Request) -> Response:
        auth.check_secret(request, self.admin_token, "operator")
        body = await parse(request, DeliveryAnnouncement)
        store_id = str(request.path_params["store_id"])
        return _json(await run_in_threadpool(deliveries.announce, self.db, store_id, body))

    async def read(self, request: Request) -> Response:
        auth.check_secret(request, self.admin_token, "operator")
        delivery_id = str(request.path_params["delivery_id"])
        return _json(await run_in_threadpool(deliveries.get, self.db, delivery_id))

    def routes(self) -> list[Route]:
        return [
            Route("/v1/admin/stores/{store_id}/deliveries", self.announce, methods=["POST"]),
            Route("/v1/admin/deliveries/{delivery_id}", self.read, methods=["GET"]),
        ]
