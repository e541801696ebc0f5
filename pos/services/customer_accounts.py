"""Customer accounts at the till (issue 15): create one with consent, find one centrally,
read one's history across channels, withdraw a marketing consent.

``customers.CustomerDesk`` stays the local search; this is what needs central. Every call
opens the store on the calling thread (a worker's, from the UI) and closes it.

* ``create``: GDPR: a name and an email or phone, nothing more; marketing consent apart,
  off unless asked. The customer is written locally first with its creation queued (one
  transaction: found by phone at once, even offline), then sent at once when central can
  be reached, else by the sync engine. Central's ``customer_exists`` (the email or phone
  is another customer's) keeps the creation on the manager's list and is raised with the
  existing customer's id, for the screen to offer that customer (``use_existing``).
* ``find_online``: the local cache first, then central's customers not in it; offline,
  the local ones with ``offline=True``.
* ``history``: central's answer, cached; offline, the cached one with its age.
* ``withdraw_consent``: in this till at once; central records it (the feed then tells
  every till), or, offline, the choice is queued and sent by the sync engine; a creation
  still queued is rewritten instead.

Refusals are ``PosError`` with a stable code (``CUSTOMER_*`` below); nothing is lost.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pos.domain.errors import PosError
from pos.services.customers import CustomerDesk
from pos.store import customer_histories, customer_outbox
from pos.store.customer_index import EMAIL, PHONE, email_key, phone_key
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore
from pos.store.sale_codec import utc_now
from sync.ports import CentralError, CentralRejected, CentralUnavailable

if TYPE_CHECKING:  # the wire models (pydantic) load at the first customer call, not at start
    from sync.contract.customers import CustomerCreate, CustomerRecord, HistoryEntry
    from sync.contract.customers import CustomerHistory as CentralHistory

CUSTOMER_INVALID = "customer_invalid"  # the draft lacks a name or a contact, or one is wrong
CUSTOMER_EXISTS = "customer_exists"  # params: existing_id (and customer_id when created here)
CUSTOMER_UNKNOWN = "customer_unknown"  # not in this till, or erased centrally
MAX_FOUND = 20
ID_PREFIX = "cl-"


class CustomerCalls(Protocol):
    """Central's customer calls (``HttpCustomerCalls``, the Medusa adapter's)."""

    def create_customer(self, customer: CustomerCreate) -> CustomerRecord: ...
    def search_customers(self, text: str) -> list[CustomerRecord]: ...
    def set_customer_consent(self, customer_id: str, marketing_consent: bool) -> CustomerRecord: ...
    def customer_history(self, customer_id: str, limit: int = 20) -> CentralHistory: ...


@dataclass(frozen=True, slots=True)
class CustomerDraft:
    """What the cashier typed: a name, an email and/or a phone, and the two choices."""

    name: str
    email: str = ""
    phone: str = ""
    marketing_consent: bool = False
    loyalty_card: bool = False


@dataclass(frozen=True, slots=True)
class Customer:
    """A customer as the till holds it; ``pending`` while central has not got it yet."""

    customer_id: str
    name: str
    email: str
    phone: str
    loyalty_points: int
    marketing_consent: bool
    pending: bool = False
    local: bool = True  # in this till's cache (False: found centrally only)


@dataclass(frozen=True, slots=True)
class FoundCustomers:
    customers: tuple[Customer, ...]
    offline: bool  # central could not be asked: the local cache only


@dataclass(frozen=True, slots=True)
class CustomerHistory:
    """Newest first; ``fetched_at``: when central sent it (None: never); ``offline``: this
    is the cached answer, central could not be asked."""

    entries: tuple[HistoryEntry, ...]
    fetched_at: str | None
    offline: bool


class CustomerAccounts:
    """Customer calls of one till: its store file and, when there is one, central."""

    def __init__(
        self,
        store_path: str | Path,
        calls: CustomerCalls | None,
        *,
        clock: Callable[[], str] = utc_now,
        new_id: Callable[[], str] = lambda: f"{ID_PREFIX}{uuid.uuid4()}",
    ) -> None:
        self.store_path = Path(store_path)
        self.calls = calls
        self._clock, self._new_id = clock, new_id

    # -- creating -----------------------------------------------------------------------

    def create(self, draft: CustomerDraft) -> Customer:
        """Create the customer here (queued for central), then tell central if it can be."""
        from sync.engine import customer_creations  # not at start: the engine

        body = _body(self._new_id(), draft)
        with LocalStore(self.store_path) as store:
            held = _local_holder(store.conn, body.email or "", body.phone or "")
            if held is not None:
                raise PosError(
                    f"This email or phone number is already customer {held}'s.",
                    code=CUSTOMER_EXISTS,
                    existing_id=held,
                )
            local = customer_outbox.LocalCustomer(
                body.customer_id,
                body.name,
                body.email or "",
                body.phone or "",
                body.marketing_consent,
            )
            customer_outbox.create(store.conn, local, body.model_dump_json(), now=self._clock())
            customer_id = body.customer_id
            if isinstance(self.calls, customer_creations.CustomerCreating):
                customer_id = self._send_now(store.conn, customer_id, body.model_dump_json())
            return _customer(store.conn, customer_id)

    def _send_now(self, conn: sqlite3.Connection, customer_id: str, body: str) -> str:
        """Send the creation just queued; the customer's id now (central's, once sent)."""
        from sync.engine import customer_creations  # not at start: the engine

        assert isinstance(self.calls, customer_creations.CustomerCreating)
        try:
            central_id = customer_creations.create(conn, self.calls, customer_id, body)
        except CentralError:
            return customer_id  # unreachable or token refused: it stays queued for the engine
        if central_id is not None:
            return central_id
        for queued in customer_outbox.queued(conn):
            if queued.customer_id == customer_id and queued.existing_id:
                raise PosError(
                    f"This email or phone number is already customer {queued.existing_id}'s.",
                    code=CUSTOMER_EXISTS,
                    existing_id=queued.existing_id,
                    customer_id=customer_id,
                )
        return customer_id

    def use_existing(self, customer_id: str) -> bool:
        """The customer created here is the existing one central named: drop the creation
        and retire the local duplicate. True if there was a creation to drop."""
        with LocalStore(self.store_path) as store:
            return customer_outbox.withdraw(store.conn, customer_id)

    # -- finding ------------------------------------------------------------------------

    def find_online(self, text: str) -> FoundCustomers:
        """Local matches first, then central's not among them; at most ``MAX_FOUND``."""
        desk = CustomerDesk(self.store_path)
        try:
            local = desk.find(text)
        finally:
            desk.close()
        found = [
            Customer(v.customer_id, v.name, v.email, v.phone, v.loyalty_points, False)
            for v in local
        ]
        if self.calls is None:
            return FoundCustomers(tuple(found[:MAX_FOUND]), offline=True)
        try:
            remote = self.calls.search_customers(text) if text.strip() else []
        except CentralUnavailable:
            return FoundCustomers(tuple(found[:MAX_FOUND]), offline=True)
        seen = {c.customer_id for c in found}
        found += [_remote(r) for r in remote if r.active and r.id not in seen]
        return FoundCustomers(tuple(found[:MAX_FOUND]), offline=False)

    # -- history ------------------------------------------------------------------------

    def history(self, customer_id: str, limit: int = 20) -> CustomerHistory:
        """Central's history of the customer (cached); offline, the cached one."""
        from sync.contract.customers import CustomerHistory as CentralHistory  # not at start

        with LocalStore(self.store_path) as store:
            if any(q.customer_id == customer_id for q in customer_outbox.queued(store.conn)):
                return CustomerHistory((), None, offline=False)  # central has nothing yet
            if self.calls is not None:
                try:
                    answer = self.calls.customer_history(customer_id, limit)
                except CentralUnavailable:
                    pass
                except CentralRejected as exc:
                    if exc.code == "not_found":
                        customer_histories.forget(store.conn, customer_id)
                        raise _unknown_centrally(customer_id) from None
                    raise
                else:
                    stamp = self._clock()
                    customer_histories.save(
                        store.conn, customer_id, answer.model_dump_json(), stamp
                    )
                    return CustomerHistory(tuple(answer.entries), stamp, offline=False)
            cached = customer_histories.load(store.conn, customer_id)
        if cached is None:
            return CustomerHistory((), None, offline=True)
        body, fetched_at = cached
        entries = CentralHistory.model_validate_json(body).entries
        return CustomerHistory(tuple(entries), fetched_at, offline=True)

    # -- consent ------------------------------------------------------------------------

    def withdraw_consent(self, customer_id: str) -> Customer:
        """The customer no longer wants marketing: in this till at once, and centrally
        (now, or queued while central cannot be reached; or in the creation still queued)."""
        from sync.contract.customers import CustomerCreate  # not at start: pydantic

        with LocalStore(self.store_path) as store:
            conn = store.conn
            _customer(conn, customer_id)
            queued = [q for q in customer_outbox.queued(conn) if q.customer_id == customer_id]
            if queued:
                body = CustomerCreate.model_validate_json(queued[0].body)
                changed = body.model_copy(update={"marketing_consent": False})
                with write_transaction(conn):
                    conn.execute(
                        "UPDATE customer_creations SET body = ? WHERE customer_id = ?",
                        (changed.model_dump_json(), customer_id),
                    )
                    _set_consent(conn, customer_id, False)
                return _customer(conn, customer_id)
            if self.calls is not None:
                try:
                    self.calls.set_customer_consent(customer_id, False)
                except CentralUnavailable:
                    pass  # queued below, sent by the sync engine
                except CentralRejected as exc:
                    if exc.code == "not_found":
                        raise _unknown_centrally(customer_id) from None
                    raise
                else:
                    with write_transaction(conn):
                        _set_consent(conn, customer_id, False)
                    return _customer(conn, customer_id)
            customer_outbox.queue_consent(conn, customer_id, False, now=self._clock())
            return _customer(conn, customer_id)


def _body(customer_id: str, draft: CustomerDraft) -> CustomerCreate:
    from pydantic import ValidationError  # not at start, as the models

    from sync.contract.customers import CustomerCreate  # not at start: pydantic

    try:
        return CustomerCreate(
            customer_id=customer_id,
            name=draft.name,
            email=draft.email.strip() or None,
            phone=draft.phone.strip() or None,
            marketing_consent=draft.marketing_consent,
            loyalty_card=draft.loyalty_card,
        )
    except ValidationError as exc:
        reasons = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
        raise PosError(
            f"This customer cannot be created: {reasons}.", code=CUSTOMER_INVALID
        ) from None


def _local_holder(conn: sqlite3.Connection, email: str, phone: str) -> str | None:
    """An active customer of this till's cache with this email or phone."""
    keys = [EMAIL + email_key(email)] if email else []
    keys += [PHONE + phone_key(phone)] if phone else []
    for key in keys:
        row = conn.execute(
            "SELECT k.customer_id FROM customer_keys AS k JOIN customers AS c "
            "ON c.id = k.customer_id AND c.active = 1 WHERE k.key = ? LIMIT 1",
            (key,),
        ).fetchone()
        if row is not None:
            return str(row[0])
    return None


def _set_consent(conn: sqlite3.Connection, customer_id: str, consent: bool) -> None:
    customer_outbox.set_consent(conn, customer_id, consent)  # its search keys kept


def _customer(conn: sqlite3.Connection, customer_id: str) -> Customer:
    row = conn.execute(
        "SELECT c.id, c.name, c.email, c.phone, c.loyalty_points, c.marketing_consent, "
        "EXISTS (SELECT 1 FROM customer_creations AS q WHERE q.customer_id = c.id) "
        "FROM customers AS c WHERE c.id = ? AND c.active = 1",
        (customer_id,),
    ).fetchone()
    if row is None:
        raise PosError(
            f"There is no customer {customer_id} in this till.",
            code=CUSTOMER_UNKNOWN,
            customer_id=customer_id,
        )
    return Customer(row[0], row[1], row[2], row[3], row[4], bool(row[5]), bool(row[6]))


def _remote(record: CustomerRecord) -> Customer:
    return Customer(
        record.id,
        record.name,
        record.email,
        record.phone,
        record.loyalty_points,
        record.marketing_consent,
        pending=False,
        local=False,
    )


def _unknown_centrally(customer_id: str) -> PosError:
    """Central answered ``not_found``: the customer was erased there (or never sent)."""
    return PosError(
        "This customer is not known centrally (erased?).",
        code=CUSTOMER_UNKNOWN,
        customer_id=customer_id,
    )
