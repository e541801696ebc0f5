"""The till worker's customer requests: find, create and attach a customer, read their
history, withdraw their marketing consent (issue 15).

Mixed into ``TillWorker``: every call, local or central, runs on the worker's thread,
never the GUI's, in the order the screen asked. A search answers twice: this till's
customers at once, then, when the screen says central can be reached, central's added
(``CustomerResults.final``). After each change of the sale the customer attached is
sent again only when it changed (``customer_shown``); a parked or recovered basket
whose customer was erased centrally meanwhile is detached, and the screen told why.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pos.config import DATABASE_FILE
from pos.domain.customer_card import parse_card
from pos.domain.errors import PosError
from pos.services.attached_customer import (
    AttachedCustomer,
    attached_customer,
    cached_customer,
    make_attachable,
)
from pos.services.checkout import Checkout
from pos.services.customer_accounts import (
    CUSTOMER_EXISTS,
    Customer,
    CustomerAccounts,
    CustomerDraft,
)
from pos.services.return_calls import ReturnCalls
from pos.ui.qt import Signal
from pos.ui.till_staff_worker import StaffRequests

#: The screen's notices about the customer (``customer_notice``).
ERASED_DETACHED = "customer_erased_detached"  # erased meanwhile: detached on resume
ERASED_KEPT = "customer_erased_kept"  # erased meanwhile, payments taken: detach refused


@dataclass(frozen=True, slots=True)
class CustomerResults:
    """One answer to a search: ``final`` once central's are in (or not asked)."""

    query: str
    customers: tuple[Customer, ...]
    offline: bool  # central was not asked, or could not be reached
    final: bool


@dataclass(frozen=True, slots=True)
class CustomerExists:
    """Central (or this till) already knows the email or phone: offer ``existing``."""

    created_id: str  # the customer just created here ("" when refused before creating)
    existing: Customer | None  # None: not found even centrally (say so, keep the form)


class CustomerRequests(StaffRequests):
    customers_found = Signal(object)  # CustomerResults
    customer_shown = Signal(object)  # AttachedCustomer | None: the sale's, on a change
    customer_created = Signal(object)  # Customer (attached to the sale)
    customer_exists = Signal(object)  # CustomerExists
    customer_detail = Signal(object)  # Customer: as this till holds them (with consent)
    customer_history_ready = Signal(str, object)  # customer id, CustomerHistory
    customer_consent_withdrawn = Signal(object)  # Customer
    customer_notice = Signal(str)  # ERASED_DETACHED, ERASED_KEPT

    checkout: Checkout
    _shown_customer: AttachedCustomer | None = None
    _accounts: CustomerAccounts | None = None

    def _return_calls(self) -> ReturnCalls | None:  # TillWorker's: None = no central
        return None

    def _customer_accounts(self, ask_central: bool = True) -> CustomerAccounts:
        path = self._store_path()
        if not ask_central:
            return CustomerAccounts(path, None)
        if self._accounts is None:
            self._accounts = CustomerAccounts(path, self._return_calls())  # type: ignore[arg-type]
        return self._accounts

    def _store_path(self) -> Path:
        return self._options.data_dir / DATABASE_FILE  # type: ignore[attr-defined]

    # -- finding and attaching ---------------------------------------------------------

    def _do_customer_find(self, text: str, ask_central: bool) -> None:
        """This till's customers at once; then central's, when it is worth asking."""
        local = self._customer_accounts(ask_central=False).find_online(text)
        central = ask_central and self._return_calls() is not None and bool(text.strip())
        self.customers_found.emit(CustomerResults(text, local.customers, not central, not central))
        if central:
            found = self._customer_accounts().find_online(text)
            self.customers_found.emit(CustomerResults(text, found.customers, found.offline, True))

    def _do_customer_attach(self, customer: Customer) -> None:
        """Attach a customer found (one found centrally only joins the cache first)."""
        make_attachable(self._require_store(), customer)
        self.checkout.attach_customer(customer.customer_id)
        self._changed()

    def _do_customer_card(self, code: str) -> None:
        """A loyalty card or the app's QR, scanned before or after the articles."""
        customer_id = parse_card(code)
        if customer_id is None:
            raise PosError("This customer card cannot be read: scan it again.", code="card_misread")
        found = self._customer_accounts(ask_central=False).find_online(code).customers
        if not found and self._return_calls() is not None:
            found = self._customer_accounts().find_online(customer_id).customers
        match = next((c for c in found if c.customer_id == customer_id), None)
        if match is None:
            raise PosError(
                "This customer is not known at this till: search again or sync first.",
                code="customer_unknown",
            )
        self._do_customer_attach(match)

    def _do_customer_detach(self) -> None:
        self.checkout.attach_customer(None)
        self._changed()

    # -- creating ----------------------------------------------------------------------

    def _do_customer_create(self, draft: CustomerDraft) -> None:
        """Created here first (sent now if central answers), then attached to the sale."""
        try:
            customer = self._customer_accounts().create(draft)
        except PosError as exc:
            if exc.code != CUSTOMER_EXISTS:
                raise
            self._offer_existing(str(exc.params.get("customer_id", "")),
                                 str(exc.params["existing_id"]))  # fmt: skip
            return
        self.customer_created.emit(customer)
        self._do_customer_attach(customer)

    def _offer_existing(self, created_id: str, existing_id: str) -> None:
        accounts = self._customer_accounts(ask_central=self._return_calls() is not None)
        found = accounts.find_online(existing_id).customers
        existing = next((c for c in found if c.customer_id == existing_id), None)
        self.customer_exists.emit(CustomerExists(created_id, existing))

    def _do_customer_use_existing(self, created_id: str, existing: Customer) -> None:
        """The cashier takes the customer central already had: the one made here goes."""
        if created_id:
            self._customer_accounts().use_existing(created_id)
        self._do_customer_attach(existing)

    # -- history and consent -----------------------------------------------------------

    def _do_customer_history(self, customer_id: str) -> None:
        """The customer's marketing choice at once, then their history (central's)."""
        cached = cached_customer(self._require_store(), customer_id)
        if cached is not None:
            self.customer_detail.emit(cached)
        history = self._customer_accounts().history(customer_id)
        self.customer_history_ready.emit(customer_id, history)

    def _do_customer_withdraw_consent(self, customer_id: str) -> None:
        customer = self._customer_accounts().withdraw_consent(customer_id)
        self.customer_consent_withdrawn.emit(customer)

    # -- after each change -------------------------------------------------------------

    def _customer_resumed(self) -> None:
        """A basket back (parked, recovered) whose customer was erased meanwhile."""
        shown = attached_customer(self._require_store(), self.checkout.customer_id)
        if shown is None or not shown.erased:
            return
        try:
            self.checkout.attach_customer(None)
        except PosError:
            self.customer_notice.emit(ERASED_KEPT)
        else:
            self.customer_notice.emit(ERASED_DETACHED)

    def _show_customer(self) -> None:
        """Send the sale's customer when it changed (attached, detached, new sale)."""
        shown = attached_customer(self._require_store(), self.checkout.customer_id)
        if shown != self._shown_customer:
            self._shown_customer = shown
            self.customer_shown.emit(shown)
