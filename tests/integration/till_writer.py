"""A till that rings sales up as fast as it can until it is killed: the recovery test's
victim. It starts as the till does: settles what a previous kill left (acknowledges the
last sale if it was never shown, resumes or sets aside the open basket), then sells.

Usage: python till_writer.py DB_FILE SEED. Reports, each line flushed once done:
``READY``; ``ACK id``; ``RESUMED id lines``; ``PARKED id``; ``SCAN id lines`` after
each scan; ``PAY id`` before the tenders; ``DONE id`` once committed; ``SHOWN id`` once
the sale is marked shown.
"""

import random
import sys

from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.store.local_store import LocalStore
from tests.support.staff import a_cashier


def say(*words: object) -> None:
    print(*words, flush=True)


def settle(checkout: Checkout, rng: random.Random) -> bool:
    """What the till's start-up offers; True when a resumed basket is open."""
    recovery = checkout.recover()
    if recovery.unshown is not None:
        checkout.acknowledge_unshown()
        say("ACK", recovery.unshown.sale_id)
    found = recovery.basket
    if found is None:
        return False
    if found.tenders or rng.random() < 0.7:
        checkout.resume_open_basket()
        say("RESUMED", found.sale_id, found.line_count)
        return True
    say("PARKED", checkout.set_aside_open_basket())
    return False


def pay_and_complete(checkout: Checkout) -> None:
    sale_id = checkout.sale_id
    say("PAY", sale_id)
    if not checkout.payment.tenders:
        due = checkout.totals().total_cents
        checkout.add_tender(TenderKind.CARD, due // 2)
    if not checkout.payment.is_covered:
        checkout.add_tender(TenderKind.CASH, checkout.payment.remaining_cents + 1000)
    checkout.complete()
    say("DONE", sale_id)
    checkout.mark_shown(sale_id)
    say("SHOWN", sale_id)


def main(path: str, seed: int) -> None:
    rng = random.Random(seed)
    store = LocalStore(path)
    codes = [row[0] for row in store.conn.execute("SELECT code FROM barcodes LIMIT 300")]
    checkout = Checkout(store, terminal_id="T01", actor=a_cashier("crash"))
    say("READY")
    if settle(checkout, rng) and checkout.payment.tenders:
        pay_and_complete(checkout)
    while True:
        for _ in range(rng.randint(1, 6)):
            checkout.scan(rng.choice(codes))
            say("SCAN", checkout.sale_id, len(checkout.basket.active_lines()))
        pay_and_complete(checkout)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
