"""A full, read-only or damaged database: a clear message, and the open sale is kept."""

import pytest

from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.store.errors import StoreCorrupted, StoreFull, StoreReadOnly
from pos.store.local_store import LocalStore
from tests.support.staff import a_cashier


def _paid_checkout(store: LocalStore, demo_items) -> Checkout:
    """A 60-line sale: more than the free room left in the database's existing pages."""
    checkout = Checkout(store, terminal_id="T01", actor=a_cashier("Inès"))
    for item in [i for i in demo_items if i.sold_by == "unit" and i.barcodes][:60]:
        checkout.scan(item.barcodes[0])
    checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
    return checkout


def test_disk_full_refuses_the_commit_whole_and_the_retry_records_it_once(
    store: LocalStore, demo_items
) -> None:
    checkout = _paid_checkout(store, demo_items)
    store.conn.execute("VACUUM")  # no free pages left to reuse
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
    with pytest.raises(StoreFull, match="full"):
        checkout.complete()
    assert (
        store.sales.count() == 0
        and store.conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    )
    assert not checkout.basket.is_empty() and checkout.payment.is_covered
    store.conn.execute(f"PRAGMA max_page_count = {pages * 100}")  # space freed
    sale = checkout.complete()
    assert sale.ticket_no == 1 and store.sales.count() == 1


def test_read_only_database_says_so(store: LocalStore, demo_items) -> None:
    checkout = _paid_checkout(store, demo_items)
    store.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreReadOnly, match="read-only"):
        checkout.complete()
    assert not checkout.basket.is_empty()


def test_a_damaged_file_is_refused_at_open(tmp_path) -> None:
    path = tmp_path / "store.db"
    with LocalStore(path):
        pass
    data = bytearray(path.read_bytes())
    data[0:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))
    with pytest.raises(StoreCorrupted, match="damaged"):
        LocalStore(path)
