"""The routes of returns and credit notes (issue 14): a till finds the sale a customer
brings back, claims it before handing money out, and checks and spends credit notes; the
web shop spends credit notes too (with the web channel's token); the operator lists the
return conflicts. Database work runs in the thread pool, as for every route.
"""

from __future__ import annotations

from pydantic import BaseModel, TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from sync.central import auth, credit_notes, origins, return_claims
from sync.central.bodies import parse
from sync.central.db import Database
from sync.central.errors import bad_request, not_found
from sync.contract.returns import CreditNoteDebit, ReturnClaim
from sync.contract.scalars import OpId

_OP_ID: TypeAdapter[str] = TypeAdapter(OpId)
_MAX_CODE_TEXT = 200
_MAX_TICKET_NO = 2**63 - 1


def _json(model: BaseModel, status: int = 200) -> Response:
    return Response(model.model_dump_json(), status_code=status, media_type="application/json")


def _code(request: Request) -> str:
    text = str(request.path_params["code"])
    if not 0 < len(text) <= _MAX_CODE_TEXT:
        raise not_found("There is no such code.")
    return text


def _op_id(request: Request, name: str) -> str:
    try:
        return _OP_ID.validate_python(request.path_params[name])
    except ValidationError:
        raise not_found(f"There is no {name.replace('_', ' ')} like this.") from None


def _ticket_no(request: Request) -> int:
    raw = str(request.path_params["ticket_no"])
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= _MAX_TICKET_NO:
        raise not_found(f"There is no ticket n°{raw}.")
    return int(raw)


class ReturnsApi:
    """Handlers bound to one database and the channel tokens."""

    def __init__(self, db: Database, web_token: str | None, admin_token: str | None) -> None:
        self.db, self.web_token, self.admin_token = db, web_token, admin_token

    def _store(self, request: Request) -> tuple[str, str]:
        store_id = request.path_params["store_id"]
        owner = auth.terminal(self.db, request, store_id, None)
        return owner.store_id, owner.terminal_id

    # -- a till -------------------------------------------------------------------------

    async def origin(self, request: Request) -> Response:
        store_id, _terminal = self._store(request)
        found = await run_in_threadpool(origins.find, self.db, store_id, _code(request))
        return _json(found)

    async def ticket(self, request: Request) -> Response:
        store_id, _terminal = self._store(request)
        terminal_id = str(request.path_params["terminal_id"])
        found = await run_in_threadpool(
            origins.find_ticket, self.db, store_id, terminal_id, _ticket_no(request)
        )
        return _json(found)

    async def claim(self, request: Request) -> Response:
        store_id, terminal_id = self._store(request)
        body = await parse(request, ReturnClaim)
        result = await run_in_threadpool(return_claims.claim, self.db, store_id, terminal_id, body)
        return _json(result)

    async def release(self, request: Request) -> Response:
        store_id, _terminal = self._store(request)
        return_id = _op_id(request, "return_id")
        return _json(await run_in_threadpool(return_claims.release, self.db, store_id, return_id))

    async def credit_note(self, request: Request) -> Response:
        self._store(request)
        return _json(await run_in_threadpool(credit_notes.get, self.db, _code(request)))

    async def debit(self, request: Request) -> Response:
        self._store(request)
        return await self._debit(request, "store")

    async def reverse(self, request: Request) -> Response:
        self._store(request)
        return await self._reverse(request)

    # -- the web shop -------------------------------------------------------------------

    def _web(self, request: Request) -> None:
        auth.check_secret(request, self.web_token, "web channel")

    async def web_credit_note(self, request: Request) -> Response:
        self._web(request)
        return _json(await run_in_threadpool(credit_notes.get, self.db, _code(request)))

    async def web_debit(self, request: Request) -> Response:
        self._web(request)
        return await self._debit(request, "web")

    async def web_reverse(self, request: Request) -> Response:
        self._web(request)
        return await self._reverse(request)

    async def _debit(self, request: Request, channel: str) -> Response:
        code = _code(request)
        body = await parse(request, CreditNoteDebit)
        if body.channel != channel:
            raise bad_request(f"A debit made here is of the {channel!r} channel.")
        return _json(await run_in_threadpool(credit_notes.debit, self.db, code, body))

    async def _reverse(self, request: Request) -> Response:
        code, op_id = _code(request), _op_id(request, "op_id")
        return _json(await run_in_threadpool(credit_notes.reverse, self.db, code, op_id))

    # -- the operator ---------------------------------------------------------------------

    async def conflicts(self, request: Request) -> Response:
        auth.check_secret(request, self.admin_token, "operator")
        return _json(await run_in_threadpool(return_claims.conflicts, self.db))

    def routes(self) -> list[Route]:
        store = "/v1/stores/{store_id}"
        note = "/credit-notes/{code}"
        return [
            Route(f"{store}/origins/{{code}}", self.origin, methods=["GET"]),
            Route(
                f"{store}/terminals/{{terminal_id}}/tickets/{{ticket_no}}",
                self.ticket,
                methods=["GET"],
            ),
            Route(f"{store}/returns/claims", self.claim, methods=["POST"]),
            Route(f"{store}/returns/claims/{{return_id}}", self.release, methods=["DELETE"]),
            Route(f"{store}{note}", self.credit_note, methods=["GET"]),
            Route(f"{store}{note}/debits", self.debit, methods=["POST"]),
            Route(f"{store}{note}/debits/{{op_id}}", self.reverse, methods=["DELETE"]),
            Route(f"/v1/web{note}", self.web_credit_note, methods=["GET"]),
            Route(f"/v1/web{note}/debits", self.web_debit, methods=["POST"]),
            Route(f"/v1/web{note}/debits/{{op_id}}", self.web_reverse, methods=["DELETE"]),
            Route("/v1/admin/return-conflicts", self.conflicts, methods=["GET"]),
        ]
