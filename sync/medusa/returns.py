"""The till's ``ReturnCalls`` over Medusa, through Comptoir's plugin.

A sale to take back is a Medusa order: a web order (found by its id or display number)
or the order the plugin made of a till sale (found by the till's sale id, kept in the
order's ``metadata.comptoir_sale_id``; by terminal and ticket number for
``find_ticket``). The plugin answers it with each line's already-returned quantity
(every till's claims, plus Medusa's own returns made outside Comptoir) and its
tenders (a web order: one card tender per captured Medusa payment, whose id is the
reference a card refund names). Claims and the credit note ledger are the plugin's
(``sync/medusa/plugin/src/modules/comptoir-returns``). Medusa without the plugin has
none of this: every call is ``CentralRejected`` ``not_supported``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from pydantic import ValidationError

from sync.contract.returns import (
    CreditNoteDebit,
    CreditNoteRecord,
    OriginLineRecord,
    OriginSaleRecord,
    OriginTenderRecord,
    ReturnClaim,
    ReturnClaimResult,
)
from sync.medusa.checks import Resolved
from sync.medusa.http import MedusaHttp
from sync.medusa.state import AdapterState
from sync.ports import CentralRejected

#: The plugin's feature naming these routes (``GET /admin/comptoir/version``).
RETURNS_FEATURE = "returns"


class MedusaReturnCalls:
    """``pos.services.return_calls.ReturnCalls`` for ``MedusaBackend`` (mixed in)."""

    http: MedusaHttp
    state: AdapterState

    def _ready(self) -> Resolved:  # MedusaBackend's
        raise NotImplementedError

    def _returns_plugin(self) -> None:
        plugin = self._ready().plugin
        if plugin is None or not plugin.offers(RETURNS_FEATURE):
            raise CentralRejected(
                "Returns and credit notes on Medusa need Comptoir's plugin (version with "
                "returns) installed in Medusa.",
                code="not_supported",
            )

    def find_origin(self, code: str) -> OriginSaleRecord:
        """A till sale (its sale id, the receipt's QR), or a web order (id or number)."""
        self._returns_plugin()
        data = self.http.admin("GET", f"/admin/comptoir/origins/{_segment(code)}")
        return self._origin(data)

    def find_ticket(self, terminal_id: str, ticket_no: int) -> OriginSaleRecord:
        self._returns_plugin()
        path = f"/admin/comptoir/terminals/{_segment(terminal_id)}/tickets/{int(ticket_no)}"
        return self._origin(self.http.admin("GET", path))

    def claim_return(self, claim: ReturnClaim) -> ReturnClaimResult:
        self._returns_plugin()
        data = self.http.admin(
            "POST", "/admin/comptoir/returns/claims", body=claim.model_dump(mode="json")
        )
        return _read(ReturnClaimResult, data, "return claim")

    def release_return(self, return_id: str) -> None:
        self._returns_plugin()
        self.http.admin("DELETE", f"/admin/comptoir/returns/claims/{_segment(return_id)}")

    def credit_note(self, code: str) -> CreditNoteRecord:
        self._returns_plugin()
        data = self.http.admin("GET", f"/admin/comptoir/credit-notes/{_segment(code)}")
        return _read(CreditNoteRecord, data.get("credit_note"), "credit note")

    def debit_credit_note(self, code: str, debit: CreditNoteDebit) -> CreditNoteRecord:
        self._returns_plugin()
        data = self.http.admin(
            "POST",
            f"/admin/comptoir/credit-notes/{_segment(code)}/debits",
            body=debit.model_dump(mode="json"),
        )
        return _read(CreditNoteRecord, data.get("credit_note"), "credit note")

    def reverse_credit_note_debit(self, code: str, op_id: str) -> CreditNoteRecord:
        self._returns_plugin()
        path = f"/admin/comptoir/credit-notes/{_segment(code)}/debits/{_segment(op_id)}"
        data = self.http.admin("DELETE", path)
        return _read(CreditNoteRecord, data.get("credit_note"), "credit note")

    def _origin(self, data: dict[str, Any]) -> OriginSaleRecord:
        """The plugin's view with each line's variant named by the till's product id."""
        origin = data.get("origin")
        if not isinstance(origin, dict):
            raise CentralRejected("Medusa's plugin answered no origin sale.", code="bad_reply")
        lines = origin.get("lines") or []
        variants = [
            (str(line["variant_id"]), str(line.get("sku") or ""), None)
            for line in lines
            if isinstance(line, dict) and line.get("variant_id")
        ]
        ids = self.state.product_ids(variants) if variants else {}
        try:
            return OriginSaleRecord(
                sale_id=origin["sale_id"],
                channel=origin["channel"],
                label=origin["label"],
                store_id=str(origin.get("store_id") or ""),
                terminal_id=origin["terminal_id"],
                ticket_no=origin["ticket_no"],
                completed_at=origin["completed_at"],
                total_cents=origin["total_cents"],
                handed_over=origin["handed_over"],
                lines=[_line(line, ids) for line in lines],
                tenders=[
                    OriginTenderRecord(
                        kind=t["kind"],
                        amount_cents=t["amount_cents"],
                        reference=t["reference"],
                        refunded_cents=t["refunded_cents"],
                    )
                    for t in origin.get("tenders") or []
                ],
            )
        except (KeyError, TypeError, ValidationError) as exc:
            raise CentralRejected(
                f"Medusa's plugin answered an origin sale the till cannot read ({exc}).",
                code="bad_reply",
            ) from None


def _line(line: dict[str, Any], ids: dict[str, int]) -> OriginLineRecord:
    return OriginLineRecord(
        line_no=line["line_no"],
        product_id=ids[str(line["variant_id"])],
        sku=line["sku"],
        name=line["name"],
        barcode=None,
        sold_by=line["sold_by"],
        quantity=line["quantity"],
        unit_price_cents=line["unit_price_cents"],
        vat_bp=line["vat_bp"],
        gross_cents=line["gross_cents"],
        line_discount_cents=line["line_discount_cents"],
        ticket_discount_cents=line["ticket_discount_cents"],
        total_cents=line["total_cents"],
        returned_quantity=line["returned_quantity"],
    )


def _read(model: Any, data: Any, what: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        raise CentralRejected(
            f"Medusa's plugin answered a {what} the till cannot read "
            f"({'.'.join(str(p) for p in first['loc'])}: {first['msg']}).",
            code="bad_reply",
        ) from None


def _segment(text: str) -> str:
    return quote(text, safe="")
