"""A till that sells as fast as it can until it is killed: the crash test's victim.

Usage: python sale_writer.py DB_FILE SEED. Prints ``READY``, then ``DONE <sale_id>``
after each ``complete()`` returned (a sale reported complete to the cashier).
"""

import random
import sys

from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.store.local_store import LocalStore
from tests.support.staff import a_cashier


def main(path: str, seed: int) -> None:
    rng = random.Random(seed)
    store = LocalStore(path)
    codes = [row[0] for row in store.conn.execute("SELECT code FROM barcodes LIMIT 300")]
    checkout = Checkout(store, terminal_id="T01", actor=a_cashier("crash"))
    print("READY", flush=True)
    while True:
        for _ in range(5):
            checkout.scan(rng.choice(codes))
        due = checkout.totals().total_cents
        checkout.add_tender(TenderKind.CARD, due // 2)
        checkout.add_tender(TenderKind.CASH, due - due // 2 + 1000)
        sale = checkout.complete()
        print(f"DONE {sale.sale_id}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
