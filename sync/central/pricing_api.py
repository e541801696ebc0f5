"""The quote route: ``POST /v1/stores/{store_id}/pricing`` prices a basket with the
shared engine for a till of that store (or any channel it names), as central would
charge it: what a till compares its own price with.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from sync.central import auth, instants, pricing
from sync.central.bodies import parse
from sync.central.db import Database, utc_now
from sync.contract.pricing import Quote, QuoteRequest


def _quote(db: Database, store_id: str, request: QuoteRequest) -> Quote:
    with db.read() as conn:
        return pricing.quote(conn, store_id, request, instants.parse(utc_now()))


class PricingApi:
    """Handlers bound to one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def quote(self, request: Request) -> Response:
        store_id = request.path_params["store_id"]
        auth.terminal(self.db, request, store_id, None)
        body = await parse(request, QuoteRequest)
        quote = await run_in_threadpool(_quote, self.db, store_id, body)
        return Response(quote.model_dump_json(), media_type="application/json")

    def routes(self) -> list[Route]:
        return [Route("/v1/stores/{store_id}/pricing", self.quote, methods=["POST"])]
