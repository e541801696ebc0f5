"""The permission table proved through the services, right by right and role by role.

For every ``Right`` × every ``Role`` the act that right guards is done through the real
service (no UI, no mock) by a member of that role, without an approval: it must be
allowed exactly when ``PERMISSIONS`` grants the right, else refused naming it. Then every
approvable right is done by someone who lacks it, with a manager's recorded approval.
Each case runs on its own copy of one store file built once (catalog, staff, an open
till session, two pickup orders), so PINs are hashed once per module.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pos.domain.cash import count_cash
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.receiving import SheetLine, TransferLine
from pos.domain.returns import ReturnReason
from pos.domain.rights import (
    APPROVABLE,
    LINE_DISCOUNT_FREE_LIMIT_BP,
    PERMISSIONS,
    Actor,
    Approval,
    Right,
    RightRefused,
    Role,
)
from pos.domain.sale import SaleTender
from pos.domain.tenders import TenderKind
from pos.domain.till_day import ClosingCount, MovementReason
from pos.services.approvals import Approvals
from pos.services.archives import Archives
from pos.services.checkout import Checkout
from pos.services.deliveries import DeliveryDesk
from pos.services.outbox_review import OutboxReview
from pos.services.period_closures import PeriodClosures
from pos.services.pickup_desk import PickupDesk
from pos.services.quick_keys import KeySpec, QuickKeys
from pos.services.returns import ReturnDesk, ReturnRules
from pos.services.sales_glance import SalesGlance
from pos.services.staff import StaffDirectory
from pos.services.stock_desk import StockDesk
from pos.services.till_session import TillSessions
from pos.store import deliveries, network_stock, pickup_feed
from pos.store.catalog_loader import load_catalog
from pos.store.local_store import LocalStore
from pos.store.network_stock import LocationLevel
from resources.demo.catalog import DEPARTMENTS, DemoProduct
from sync.contract.deliveries import DeliveryItem, ExpectedLine
from sync.contract.pickups import PickupOrder

FLOAT = {2000: 5, 1000: 5, 200: 10, 100: 10}  # the opening float: 180,00 €
STORE_ID = "lyon-part-dieu"
# One member per role (and a second cashier, to approve and to be acted upon).
MEMBERS = {Role.CASHIER: ("camille", "1111"), Role.PICKUP: ("pia", "4444"),
           Role.MANAGER: ("ines", "3333"), Role.ADMIN: ("admin", "0000")}  # fmt: skip
# Refusals that deliberately carry more than ``right_refused``: a Z over the limit says
# the difference (the screen shows it to the manager), an approver without the right says
# who (and the right it was asked to approve).
SPECIAL_REFUSALS = {
    Right.CLOSE_WITH_DIFFERENCE: ("difference_needs_approval", {"right": "close_with_difference"}),
    Right.APPROVE: ("approver_lacks_right", {"right": "cancel_sale"}),  # the act approved
}
# An act that first needs another right: refused on that one by a role lacking it.
PREREQUISITE = {Right.CLOSE_WITH_DIFFERENCE: Right.CLOSE_TILL}
NO_SERVICE: dict[Right, str] = {}


@dataclass
class Shop:
    """One case's copy of the store and the services over it."""

    store: LocalStore
    directory: StaffDirectory
    approvals: Approvals
    sessions: TillSessions
    desk: PickupDesk
    item: DemoProduct
    checkouts: list[Checkout]

    @property
    def item_id(self) -> int:
        return int(self.store.conn.execute(
            "SELECT id FROM products WHERE sku = ?", (self.item.sku,)
        ).fetchone()[0])  # fmt: skip

    def member(self, role: Role) -> Actor:
        return self.directory.member(MEMBERS[role][0]).actor

    def till(self, actor: Actor) -> Checkout:
        made = Checkout(self.store, terminal_id="T01", actor=actor, session_gate=self.sessions)
        self.checkouts.append(made)
        return made

    def rung_up(self, actor: Actor) -> tuple[Checkout, int]:
        checkout = self.till(actor)
        return checkout, checkout.scan(self.item.barcodes[0]).line_id


def pickup_order(store: LocalStore, order_id: str, state: str) -> PickupOrder:
    """A prepaid web order of one unit of the first product, as the pickups feed sends it."""
    pid, sku, name, price, vat = store.conn.execute(
        "SELECT id, sku, name, price_cents, vat_bp FROM products "
        "WHERE sold_by = 'unit' AND active = 1 ORDER BY id LIMIT 1"
    ).fetchone()
    ready = state == "ready"
    at = "2025-11-24T18:00:00.000Z"
    line = {
        "line_no": 1, "product_id": pid, "sku": sku, "name": name, "sold_by": "unit",
        "quantity": 1, "list_price_cents": price, "unit_price_cents": price, "vat_bp": vat,
        "promotion": None, "discount_cents": 0, "total_cents": price,
        "picked_quantity": 1 if ready else None, "collected_quantity": None,
    }  # fmt: skip
    event = {
        "version": 1, "from_state": None, "state": state, "at": at, "recorded_at": at,
        "channel": "web", "terminal_id": None, "staff": None, "op_id": None, "reason": None,
    }  # fmt: skip
    return PickupOrder.model_validate(
        {
            "id": order_id, "store_id": STORE_ID, "pickup_code": "K7M2-Q9XD",
            "qr_text": f"CMPT-PU:{order_id}:K7M2-Q9XD", "state": state, "version": 1,
            "customer": {"name": "Hélène Dupré", "email": "helene@example.org",
                         "phone": "06 12 34 56 78"},
            "paid": True, "lines": [line], "total_cents": price, "picked_total_cents": None,
            "collected_total_cents": None, "partial": False, "sale_id": None,
            "created_at": at, "due_at": None, "expires_at": "2099-12-02T09:00:00.000Z",
            "updated_at": at, "history": [event],
        }
    )  # fmt: skip


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, demo_items: list[DemoProduct]) -> Path:
    """The store every case copies: built once (catalog load and argon2 hashing are slow)."""
    folder = tmp_path_factory.mktemp("template")
    with LocalStore(folder / "store.db") as store:
        load_catalog(store.conn, DEPARTMENTS, demo_items)
        admin = StaffDirectory(store, new_id=lambda: "admin").create_first_admin(
            "Admin démo", "0000"
        )
        directory = StaffDirectory(store)
        for name, role, (staff_id, pin) in (
            ("Camille", Role.CASHIER, MEMBERS[Role.CASHIER]),
            ("Julien", Role.CASHIER, ("julien", "2222")),
            ("Pia", Role.PICKUP, MEMBERS[Role.PICKUP]),
            ("Inès", Role.MANAGER, MEMBERS[Role.MANAGER]),
        ):
            directory.add(admin, name, role, pin, staff_id=staff_id)
        TillSessions(store, terminal_id="T01").open(admin, FLOAT)
        pickup_feed.apply_page(
            store.conn,
            [pickup_order(store, "web-1", "received"), pickup_order(store, "web-2", "ready")],
            "cursor",
        )
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return folder / "store.db"


@pytest.fixture
def shop(template: Path, tmp_path: Path, demo_items: list[DemoProduct]) -> Iterator[Shop]:
    shutil.copyfile(template, tmp_path / "store.db")
    item = next(i for i in demo_items if i.sold_by == "unit" and i.barcodes and i.price_cents > 500)
    with LocalStore(tmp_path / "store.db") as store:
        directory = StaffDirectory(store)
        made = Shop(
            store, directory, Approvals(directory, terminal_id="T01"),
            TillSessions(store, terminal_id="T01"), PickupDesk(store, store_id=STORE_ID),
            item, [],
        )  # fmt: skip
        yield made
        for checkout in made.checkouts:
            checkout.close()


# -- the act each right guards, done by ``actor`` (with ``approval`` where it can take one) --

Act = Callable[[Shop, Actor, Approval | None], object]


def sell(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    checkout, _line = shop.rung_up(actor)
    checkout.add_tender(TenderKind.CASH, checkout.totals().total_cents)
    return checkout.complete()


def line_discount(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    checkout, line = shop.rung_up(actor)
    above = Discount.percent(LINE_DISCOUNT_FREE_LIMIT_BP + 1)
    return checkout.set_line_discount(line, above, approval)


def ticket_discount(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    checkout, _line = shop.rung_up(actor)
    return checkout.set_ticket_discount(Discount.amount(50), approval)


def price_override(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    checkout, line = shop.rung_up(actor)
    lower = shop.item.price_cents - 100
    return checkout.override_price(line, lower, "damaged", approval=approval)


def void_after_payment(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    checkout, line = shop.rung_up(actor)
    checkout.add_tender(TenderKind.CARD, 100)
    return checkout.void_line(line, approval)


def cancel_sale(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    checkout, _line = shop.rung_up(actor)
    return checkout.cancel(approval)


def drawer_without_sale(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    return shop.till(actor).open_drawer("change for the next till", approval=approval)


def cash_in_out(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    return shop.sessions.cash_in(actor, 1000, MovementReason.CHANGE_TOP_UP, approval=approval)


def open_till(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    # ``TillSessions.open`` takes no approval: there is no way to hand it one.
    return TillSessions(shop.store, terminal_id="T02").open(actor, FLOAT)


def close_till(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    return shop.sessions.close(actor, ClosingCount(count_cash(FLOAT)), approval)


def close_with_difference(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    over = {**FLOAT, 2000: FLOAT[2000] + 1}  # 20 € more than expected: above the 5 € limit
    return shop.sessions.close(actor, ClosingCount(count_cash(over)), approval)


def close_period(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    return PeriodClosures(shop.store, terminal_id="T01").close_month(actor, "2025-10")


def pickup_desk(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    return shop.desk.start_preparing("web-1", actor)


def handover_without_code(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    return shop.desk.hand_over("web-2", actor, approval=approval)


def settings(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    return QuickKeys(shop.store).set_pages(actor, [("Fruits", [KeySpec(shop.item.sku)])])


def staff_admin(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    return shop.directory.deactivate(actor, "julien")


def archive(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    folder = shop.store.path.parent
    return Archives(folder, "T01").make("2026-11", actor=actor, out_dir=folder / "archives")


def sync_attention(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    """Set the till's first waiting operation aside with a note (the attention list)."""
    review = OutboxReview(shop.store.path.parent, "T01")
    item = next(i for i in review.list().items if i.source == "outbox")
    return review.set_aside(item, "Checked with head office", actor=actor, approval=approval)


def approve(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    asker = shop.directory.member("julien" if actor.staff_id == "camille" else "camille").actor
    pin = dict(MEMBERS.values())[actor.staff_id]
    return shop.approvals.approve(asker, actor.staff_id, pin, Right.CANCEL_SALE, "cancel")


def returned(shop: Shop, actor: Actor, rules: ReturnRules, cash: bool = False) -> ReturnDesk:
    """A cashier's sale of the item (paid in cash or by card), found and taken back whole
    on ``actor``'s ticket."""
    checkout, _line = shop.rung_up(shop.member(Role.CASHIER))
    kind = TenderKind.CASH if cash else TenderKind.CARD
    checkout.add_tender(kind, checkout.totals().total_cents, "" if cash else "CB-1")
    sold = checkout.complete().sale_id
    desk = ReturnDesk(shop.till(actor), rules=rules)
    desk.find(sold)
    desk.return_line(sold, 1, 1, ReturnReason.CHANGED_MIND)
    return desk


def refund(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    desk = returned(shop, actor, ReturnRules(offline_return_limit_cents=10**6))
    desk.refund(desk.propose_refund())
    return desk.complete(approval)


def return_without_receipt(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    desk = ReturnDesk(shop.till(actor))
    product_id = shop.store.catalog.by_sku(shop.item.sku).id  # type: ignore[union-attr]
    return desk.return_without_receipt(product_id, 1, ReturnReason.CHANGED_MIND, approval=approval)


def refund_cash_above_limit(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    rules = ReturnRules(cash_refund_limit_cents=100, offline_return_limit_cents=10**6)
    desk = returned(shop, actor, rules, cash=True)
    given_back = desk.checkout.totals().total_cents
    return desk.refund((SaleTender(TenderKind.CASH, given_back),), approval)


def training(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    return shop.till(actor).set_training(True)


def view_sales(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    return SalesGlance(shop.store.path).today(actor)


def adjust_stock(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    """Write off one broken unit of the first article (a stock adjustment)."""
    product_id = shop.store.conn.execute("SELECT min(id) FROM products").fetchone()[0]
    return StockDesk(shop.store).adjust(actor, product_id, "damage", 1, approval=approval)


def receive_delivery(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    """Check in a supplier's delivery of one unit, as the deliveries feed brought it."""
    item = DeliveryItem(
        id="BL-1", store_id=STORE_ID, source_kind="supplier", source="Brasserie du Rhône",
        state="expected", created_at="2026-12-06T08:00:00.000Z", version=1,
        lines=[ExpectedLine(product_id=shop.item_id, sku=shop.item.sku, quantity=1)],
    )  # fmt: skip
    deliveries.apply_page(shop.store.conn, [item], "c1")
    line = SheetLine(shop.item_id, shop.item.sku, shop.item.name, 1, received=1)
    return DeliveryDesk(shop.store, STORE_ID).receive(actor, "BL-1", [line], approval=approval)


def transfer_stock(shop: Shop, actor: Actor, approval: Approval | None) -> object:
    """Send one unit to Paris, a store this till knows from the network feed."""
    paris = LocationLevel("paris-rivoli", "Paris Rivoli", "store", 3, 0, "2026-12-06T08:00Z")
    network_stock.remember(shop.store.conn, shop.item_id, [paris])
    line = TransferLine(shop.item_id, shop.item.sku, shop.item.name, 1)
    desk = DeliveryDesk(shop.store, STORE_ID)
    return desk.send(actor, "paris-rivoli", [line], approval=approval)


ACTS: dict[Right, Act] = {
    Right.SELL: sell,
    Right.SYNC_ATTENTION: sync_attention,
    Right.PICKUP_DESK: pickup_desk,
    Right.LINE_DISCOUNT_ABOVE_LIMIT: line_discount,
    Right.TICKET_DISCOUNT: ticket_discount,
    Right.PRICE_OVERRIDE: price_override,
    Right.VOID_AFTER_PAYMENT: void_after_payment,
    Right.CANCEL_SALE: cancel_sale,
    Right.DRAWER_WITHOUT_SALE: drawer_without_sale,
    Right.CASH_IN_OUT: cash_in_out,
    Right.OPEN_TILL: open_till,
    Right.CLOSE_TILL: close_till,
    Right.CLOSE_WITH_DIFFERENCE: close_with_difference,
    Right.CLOSE_PERIOD: close_period,
    Right.HANDOVER_WITHOUT_CODE: handover_without_code,
    Right.SETTINGS: settings,
    Right.STAFF_ADMIN: staff_admin,
    Right.APPROVE: approve,
    Right.TRAINING: training,
    Right.REFUND: refund,
    Right.RETURN_WITHOUT_RECEIPT: return_without_receipt,
    Right.REFUND_CASH_ABOVE_LIMIT: refund_cash_above_limit,
    Right.ARCHIVE: archive,
    Right.VIEW_SALES: view_sales,
    Right.ADJUST_STOCK: adjust_stock,
    Right.RECEIVE_DELIVERY: receive_delivery,
    Right.TRANSFER_STOCK: transfer_stock,
}


def test_every_right_has_an_act_or_a_reason() -> None:
    assert set(ACTS) | set(NO_SERVICE) == set(Right)


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("right", list(Right), ids=lambda r: r.value)
def test_each_role_does_exactly_what_the_table_grants(shop: Shop, right: Right, role: Role):
    if right in NO_SERVICE:
        pytest.skip(NO_SERVICE[right])
    actor = shop.member(role)
    act = ACTS[right]
    if right in PERMISSIONS[role]:
        act(shop, actor, None)
        return
    needed = PREREQUISITE.get(right)
    if needed is not None and needed not in PERMISSIONS[role]:
        right = needed  # refused on the right the act needs first
    with pytest.raises(PosError) as refused:
        act(shop, actor, None)
    error = refused.value
    if right in SPECIAL_REFUSALS:
        code, params = SPECIAL_REFUSALS[right]
        assert (error.code, error.params.items() >= params.items()) == (code, True)
    else:
        assert isinstance(error, RightRefused) and error.code == "right_refused"
        assert error.params == {"right": right.value, "approvable": right in APPROVABLE}


# -- an approval stands in for every approvable right ------------------------------------

EVERYONE_HOLDS = frozenset.intersection(*PERMISSIONS.values())


@pytest.mark.parametrize("right", sorted(APPROVABLE), ids=lambda right: right.value)
def test_a_managers_approval_stands_in_for_every_approvable_right(shop: Shop, right: Right):
    """Asked by the cashier, or by the pickup member for what a cashier holds."""
    if right in NO_SERVICE:
        pytest.skip(NO_SERVICE[right])
    if right in EVERYONE_HOLDS:
        pytest.skip(f"every role holds '{right.value}': no one ever needs it approved")
    role = Role.CASHIER if right not in PERMISSIONS[Role.CASHIER] else Role.PICKUP
    asker = shop.member(role)
    assert right not in PERMISSIONS[role]
    approval = shop.approvals.approve(asker, "ines", "3333", right, right.value)
    ACTS[right](shop, asker, approval)
    recorded = [(row.right, row.asked_by, row.approved_by) for row in shop.approvals.recorded()]
    assert recorded == [(right.value, asker.staff_id, "ines")]
