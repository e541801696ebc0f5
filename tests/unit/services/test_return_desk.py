"""Returns, exchanges and refunds through the real Checkout and ReturnDesk, on a real
store file, with no central linked (the offline rules): amounts exact to the cent, the
refusals, the approvals, the credit note issued, the ticket chain and the verifier."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from pos.cli import run_verify_journal
from pos.domain.cash import count_cash
from pos.domain.discount import Discount
from pos.domain.errors import PosError
from pos.domain.price_override import OverrideReason
from pos.domain.returns import ReturnReason
from pos.domain.rights import Right, RightRefused, Role
from pos.domain.sale import SaleTender
from pos.domain.tenders import TenderKind
from pos.domain.till_day import ClosingCount
from pos.services.approvals import Approvals
from pos.services.archives import Archives
from pos.services.checkout import Checkout, PricedItem
from pos.services.credit_notes import CreditNoteTill
from pos.services.returns import ReturnDesk, ReturnRules
from pos.services.staff import StaffDirectory
from pos.services.till_session import TillSessions
from pos.store.verification import verify
from sync.contract.codes import new_credit_note_code, normalize_credit_note_code
from sync.contract.till_days import TillSessionClosedPayload
from tests.support.staff import SteppedClock

SOLD = "2026-03-02T09:00:00.000Z"
NEXT_DAY = datetime(2026, 3, 3, 10, tzinfo=UTC)
WIDE = ReturnRules(offline_return_limit_cents=1_000_000)  # the offline cap out of the way
WHY = ReturnReason.CHANGED_MIND


@pytest.fixture
def staff(store):
    directory = StaffDirectory(store, clock=SteppedClock())
    admin = directory.create_first_admin("Nadia", "2468")
    directory.add(admin, "Camille", Role.CASHIER, "1111", staff_id="camille")
    directory.add(admin, "Inès", Role.MANAGER, "3333", staff_id="ines")
    directory.add(admin, "Pia", Role.PICKUP, "4444", staff_id="pia")
    return directory, Approvals(directory, terminal_id="T01")


def till(store, directory, who: str) -> Checkout:
    return Checkout(store, terminal_id="T01", actor=directory.member(who).actor, clock=lambda: SOLD)


def desk(checkout: Checkout, rules: ReturnRules = WIDE, now=NEXT_DAY) -> ReturnDesk:
    return ReturnDesk(checkout, rules=rules, now=lambda: now)


def units(demo_items, n: int = 2):
    return [i for i in demo_items if i.sold_by == "unit" and i.barcodes and i.price_cents > 500][:n]


def sell(checkout: Checkout, items, quantity: int = 1, **pay) -> str:
    for item in items:
        for _ in range(quantity):
            checkout.scan(item.barcodes[0])
    if "ticket_discount" in pay:
        checkout.set_ticket_discount(Discount.amount(pay["ticket_discount"]))
    kind = pay.get("kind", TenderKind.CARD)
    checkout.add_tender(kind, checkout.totals().total_cents, pay.get("reference", "CB-1"))
    return checkout.complete().sale_id


def test_a_sale_returned_in_part_then_the_rest_gives_back_exactly_what_was_paid(
    store, staff, demo_items, capsys
):
    directory, _ = staff
    item = units(demo_items, 1)[0]
    sold_id = sell(till(store, directory, "ines"), [item], 3, ticket_discount=100)
    camille = till(store, directory, "camille")
    returns = desk(camille)
    origin = returns.find(sold_id)  # the receipt's QR: the sale id
    returns.return_line(sold_id, 1, 2, WHY)
    first_back = -(item.price_cents * 3 * 2 // 3 - 100 * 2 // 3)
    assert camille.totals().total_cents == first_back
    plan = returns.propose_refund()
    assert plan == (SaleTender("card", first_back, "CB-1"),)  # back to the card paid with
    returns.refund((SaleTender("card", -500, "CB-1"),))  # in two goes: the rest proposed
    rest = returns.propose_refund()
    assert rest == (SaleTender("card", first_back + 500, "CB-1"),)
    with pytest.raises(PosError) as refused:  # the card paid no more than that
        returns.refund((SaleTender("card", first_back + 499, "CB-1"),))
    assert refused.value.code == "refund_exceeds_due"
    returns.refund(rest)
    first = returns.complete()
    assert first.draft.lines[0].returned.origin_label == "T01 n°1"  # type: ignore[union-attr]
    returns.find("1")  # the typed ticket number this time
    with pytest.raises(PosError) as refused:
        returns.return_line(sold_id, 1, 2, WHY)
    assert (refused.value.code, refused.value.params["remaining"]) == ("above_returnable", 1)
    returns.return_line(sold_id, 1, 1, WHY, restock=False)
    returns.refund(returns.propose_refund())
    second = returns.complete()
    assert first.draft.total_cents + second.draft.total_cents == -origin.total_cents
    with pytest.raises(PosError) as refused:
        returns.find(sold_id)
    assert refused.value.code == "already_returned"
    conn = store.conn
    kinds = conn.execute("SELECT kind FROM chain_entries WHERE chain = 'ticket' ORDER BY seq")
    assert [k for (k,) in kinds] == ["sale", "return", "return"]
    moves = conn.execute("SELECT delta, reason FROM stock_movements ORDER BY id").fetchall()
    assert moves == [(-3, "sale"), (2, "return")]  # the damaged one stays out
    report = verify(conn)
    assert report.ok, report.reason
    assert run_verify_journal(store.path.parent, "T01") == 0  # `comptoir verify-journal`
    assert "Journal intact: 3 entries" in capsys.readouterr().out.replace("\n", " ")
    folder = store.path.parent
    made = Archives(folder, "T01").make("2026-03", actor=None, out_dir=folder / "archives")
    checked = Archives.verify(made.path)
    assert checked.ok and checked.entries["ticket"] == 3, checked.problem


def test_an_exchange_collects_the_difference_or_refunds_it(store, staff, demo_items):
    directory, _ = staff
    cheap, dear = sorted(units(demo_items, 2), key=lambda i: i.price_cents)
    assert cheap.price_cents < dear.price_cents
    camille = till(store, directory, "camille")
    cheap_sale = sell(camille, [cheap], kind=TenderKind.CASH, reference="")
    dear_sale = sell(camille, [dear], kind=TenderKind.CASH, reference="")
    returns = desk(camille)
    returns.find(cheap_sale)
    returns.return_line(cheap_sale, 1, 1, ReturnReason.WRONG_SIZE)
    camille.scan(dear.barcodes[0])
    difference = dear.price_cents - cheap.price_cents
    assert camille.totals().total_cents == difference
    camille.add_tender(TenderKind.CASH, difference)
    collected = returns.complete()
    assert (collected.draft.total_cents, len(collected.draft.lines)) == (difference, 2)
    returns.find(dear_sale)
    returns.return_line(dear_sale, 1, 1, ReturnReason.WRONG_SIZE)
    camille.scan(cheap.barcodes[0])
    assert camille.totals().total_cents == -difference
    returns.refund((SaleTender("cash", -difference),))
    refunded = returns.complete()
    assert refunded.draft.tenders == (SaleTender("cash", -difference),)
    record = json.loads(
        store.conn.execute(
            "SELECT body FROM chain_entries WHERE ref = ?", (refunded.sale_id,)
        ).fetchone()[0]
    )
    assert record["v"] == 3 and record["total_cents"] == -difference


def test_a_weighed_line_goes_back_whole(store, staff, demo_items):
    directory, _ = staff
    weighed = next(i for i in demo_items if i.sold_by == "weight")
    product = store.catalog.by_sku(weighed.sku)
    camille = till(store, directory, "camille")
    camille.add_priced([PricedItem(product.id, 750, weighed.price_cents)])
    camille.add_tender(TenderKind.CARD, camille.totals().total_cents, "CB-7")
    sold = camille.complete()
    returns = desk(camille)
    returns.find(sold.sale_id)
    with pytest.raises(PosError) as refused:
        returns.return_line(sold.sale_id, 1, 500, ReturnReason.DEFECTIVE)
    assert refused.value.code == "weighed_whole"
    returns.return_line(sold.sale_id, 1, 750, ReturnReason.DEFECTIVE, restock=False)
    assert camille.totals().total_cents == -sold.draft.total_cents


def test_a_return_without_receipt_needs_a_manager_and_takes_the_lowest_recent_price(
    store, staff, demo_items
):
    directory, approvals = staff
    item = units(demo_items, 1)[0]
    ines = till(store, directory, "ines")
    ines.scan(item.barcodes[0])
    ines.override_price(1, item.price_cents - 120, OverrideReason.DAMAGED)
    ines.add_tender(TenderKind.CASH, item.price_cents - 120)
    ines.complete()
    camille = till(store, directory, "camille")
    returns = desk(camille)
    product_id = store.catalog.by_sku(item.sku).id
    lowest = item.price_cents - 120
    by_code = returns.no_receipt_articles(item.barcodes[0])  # a scan: that article alone
    assert [(a.product.id, a.price_cents) for a in by_code] == [(product_id, lowest)]
    by_name = returns.no_receipt_articles(item.name)  # typed: the search, priced alike
    assert (product_id, lowest) in [(a.product.id, a.price_cents) for a in by_name]
    with pytest.raises(RightRefused) as refused:
        returns.return_without_receipt(product_id, 1, WHY)
    assert refused.value.params["right"] == "return_without_receipt"
    assert camille.basket.is_empty()
    approval = approvals.approve(
        camille.actor, "ines", "3333", Right.RETURN_WITHOUT_RECEIPT, "no receipt"
    )
    line = returns.return_without_receipt(product_id, 1, WHY, approval=approval)
    assert line.returned.ref.approval_id == approval.approval_id  # type: ignore[union-attr]
    assert camille.totals().total_cents == -(item.price_cents - 120)
    plan = returns.propose_refund()  # no original tender: a credit note
    assert [t.kind for t in plan] == ["credit_note"]
    returns.refund(plan)
    done = returns.complete()
    assert done.draft.approvals[0].right == "return_without_receipt"
    assert done.draft.lines[0].returned.origin_line_no == 0  # type: ignore[union-attr]


def test_cash_above_the_limit_needs_a_manager_and_a_credit_note_is_issued(store, staff, demo_items):
    directory, approvals = staff
    item = units(demo_items, 1)[0]
    camille = till(store, directory, "camille")
    sold = sell(camille, [item], 2, kind=TenderKind.CASH, reference="")
    paid = 2 * item.price_cents
    rules = ReturnRules(cash_refund_limit_cents=paid // 2, offline_return_limit_cents=10**6)
    returns = desk(camille, rules)
    returns.find(sold)
    returns.return_line(sold, 1, 2, WHY)
    plan = returns.propose_refund()  # cash to the limit, the rest to a credit note
    assert [(t.kind, t.amount_cents) for t in plan] == [
        ("cash", -(paid // 2)), ("credit_note", -(paid - paid // 2)),
    ]  # fmt: skip
    code = plan[1].reference
    assert normalize_credit_note_code(code) == code
    with pytest.raises(RightRefused) as refused:
        returns.refund((SaleTender("cash", -paid),))
    assert refused.value.params["right"] == "refund_cash_above_limit"
    assert camille.payment.tenders == []
    approval = approvals.approve(
        camille.actor, "ines", "3333", Right.REFUND_CASH_ABOVE_LIMIT, "cash", paid
    )
    returns.refund((SaleTender("cash", -paid),), approval)
    done = returns.complete()
    assert done.draft.tenders == (SaleTender("cash", -paid),)
    assert [a.right for a in done.draft.approvals] == ["refund_cash_above_limit"]


def test_offline_a_return_is_capped_and_a_forged_or_foreign_code_is_refused(
    store, staff, demo_items
):
    directory, _ = staff
    item = units(demo_items, 1)[0]
    camille = till(store, directory, "camille")
    sold = sell(camille, [item], 3)
    returns = desk(camille, ReturnRules(offline_return_limit_cents=item.price_cents))
    for text, code in (
        ("CMPT-PU:order-1:K7M2-Q9XD", "not_a_sale_code"),
        ("https://example.org/receipt", "not_a_sale_code"),
        ("pas un ticket !", "not_a_sale_code"),
        ("7b0c1a52-6f7e-4f3c-9d7a-0a1b2c3d4e5f", "not_found"),
        ("T09 12", "not_found"),
        ("#7", "not_found"),  # a young shop's web order number: looked up, not refused
    ):
        with pytest.raises(PosError) as refused:
            returns.find(text)
        assert refused.value.code == code, text
    returns.find(sold)
    returns.return_line(sold, 1, 2, WHY)
    returns.refund(returns.propose_refund())
    with pytest.raises(PosError) as refused:
        returns.complete()
    assert refused.value.code == "offline_return_limit"
    assert store.sales.count() == 1  # nothing committed, no money out


def test_a_refund_refused_at_completion_takes_its_tenders_off_again(store, staff, demo_items):
    """``settle`` is all or nothing: over the offline limit, the card refund it added is
    removed and the ticket stays as it was."""
    directory, _ = staff
    item = units(demo_items, 1)[0]
    camille = till(store, directory, "camille")
    sold = sell(camille, [item], 2)
    returns = desk(camille, ReturnRules(offline_return_limit_cents=item.price_cents))
    returns.find(sold)
    returns.return_line(sold, 1, 2, WHY)
    proposal = returns.propose_refund()
    with pytest.raises(PosError) as refused:
        returns.settle(proposal)
    assert refused.value.code == "offline_return_limit"
    assert camille.payment.tenders == [] and camille.ticket_approvals == []
    assert store.sales.count() == 1
    assert returns.propose_refund() == proposal  # the whole refund still to give


def test_a_sale_older_than_the_window_needs_a_manager(store, staff, demo_items):
    directory, approvals = staff
    item = units(demo_items, 1)[0]
    camille = till(store, directory, "camille")
    sold = sell(camille, [item])
    late = desk(camille, now=datetime(2026, 4, 10, tzinfo=UTC))
    with pytest.raises(PosError) as refused:
        late.find(sold)
    assert refused.value.code == "return_window"
    approval = approvals.approve(
        camille.actor, "ines", "3333", Right.RETURN_WITHOUT_RECEIPT, "late return"
    )
    late.find(sold, approval)
    line = late.return_line(sold, 1, 1, WHY)
    assert line.returned.ref.approval_id == approval.approval_id  # type: ignore[union-attr]


def test_the_pickup_role_may_not_refund(store, staff, demo_items):
    directory, _ = staff
    item = units(demo_items, 1)[0]
    sold = sell(till(store, directory, "camille"), [item])
    pia = till(store, directory, "pia")
    returns = desk(pia)
    returns.find(sold)
    returns.return_line(sold, 1, 1, WHY)
    returns.refund(returns.propose_refund())
    with pytest.raises(RightRefused) as refused:
        returns.complete()
    assert refused.value.params["right"] == "refund"
    assert store.sales.count() == 1


def test_a_credit_note_spent_offline_is_capped_recorded_and_a_typo_is_refused(
    store, staff, demo_items
):
    directory, _ = staff
    item = units(demo_items, 1)[0]
    camille = till(store, directory, "camille")
    camille.scan(item.barcodes[0])
    notes = CreditNoteTill(camille, calls=None, offline_limit_cents=300)
    code = new_credit_note_code()
    typo = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(PosError) as refused:
        notes.spend(typo, 100)
    assert refused.value.code == "not_a_credit_note"
    with pytest.raises(PosError) as refused:
        notes.spend(code, 301)
    assert refused.value.code == "offline_credit_note_limit"
    notes.spend(code, 300)
    camille.add_tender(TenderKind.CASH, item.price_cents - 300)
    done = camille.complete()
    assert done.draft.tenders[0] == SaleTender("credit_note", 300, code)
    events = store.conn.execute(
        "SELECT body FROM chain_entries WHERE chain = 'event' AND kind = 'credit_note_offline'"
    ).fetchall()
    assert json.loads(events[0][0])["detail"]["op_id"] == f"{done.sale_id}:t1"


def test_the_x_and_z_count_returns_apart_and_refunds_per_tender(store, staff, demo_items):
    directory, _ = staff
    item = units(demo_items, 1)[0]
    sessions = TillSessions(store, terminal_id="T01")
    camille = directory.member("camille").actor
    sessions.open(camille, {2000: 5})  # a 100,00 € float
    checkout = Checkout(store, terminal_id="T01", actor=camille, session_gate=sessions)
    sold = sell(checkout, [item], 2, kind=TenderKind.CASH, reference="")
    returns = desk(checkout, now=datetime.now(UTC))
    returns.find(sold)
    returns.return_line(sold, 1, 1, WHY)
    returns.refund((SaleTender("cash", -item.price_cents),))
    returns.complete()
    x = sessions.x_report()
    assert (x.sales_count, x.sales_total_cents) == (1, 2 * item.price_cents)
    assert (x.returns_count, x.returns_total_cents) == (1, item.price_cents)
    assert [(t.tender, t.payments, t.amount_cents) for t in x.by_tender] == [
        ("cash", 1, 2 * item.price_cents)
    ]
    assert [(t.tender, t.amount_cents) for t in x.refunds_by_tender] == [("cash", item.price_cents)]
    assert x.cash_expected_cents == 10000 + item.price_cents
    ines = directory.member("ines").actor
    z = sessions.close(ines, ClosingCount(count_cash({2000: 5})))  # the float only: short
    body = sessions.z_report(x.session.session_id) or z
    TillSessionClosedPayload.model_validate(body)  # what the central server reads
    assert (body["returns_count"], body["returns_total_cents"]) == (1, item.price_cents)
    assert body["counted"][0]["expected_cents"] == 10000 + item.price_cents


def test_a_sale_found_by_its_day_and_amount_is_chosen_and_returned(store, staff, demo_items):
    directory, _ = staff
    item = units(demo_items, 1)[0]
    camille = till(store, directory, "camille")
    sold = sell(camille, [item], 2)
    returns = desk(camille)
    day = datetime(2026, 3, 2).date()
    assert returns.find_by_day_and_amount(day, 2 * item.price_cents + 1) == []
    (found,) = returns.find_by_day_and_amount(day, 2 * item.price_cents)
    assert (found.sale_id, found.label) == (sold, "T01 n°1")
    returns.choose(found)
    returns.return_line(sold, 1, 2, WHY)
    with pytest.raises(PosError) as refused:  # this basket already takes it all back
        returns.choose(found)
    assert refused.value.code == "already_returned"
