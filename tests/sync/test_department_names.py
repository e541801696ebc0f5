"""Departments by name, from central (issue 17): the reference server serves its
departments' French and English names as the ``departments`` feed, the till keeps them,
and the picking list prints a line's department by that name at both widths, never by
its code ("cremerie", or "Cremerie" without its accent)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count

import pytest

from hardware.printer.connections import PrinterConfig, open_printer
from hardware.printer.escpos_receipt import print_slip
from pos.services.pickup_desk import PickupDesk
from pos.services.slips import picking_slip
from pos.store import departments, feed_cursors
from pos.store.local_store import LocalStore
from tests.support.central_server import CentralServer
from tests.sync.terminals import STORE, open_terminal
from tests.unit.printer.escpos_text import escpos_text
from tests.unit.services.test_pickup_desk import NOW, PARIS, order_item, pull


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStore]:
    folder = tmp_path_factory.mktemp("departments")
    with CentralServer(folder / "central.db", products=300) as central:
        terminal = open_terminal(folder / "till", central)
        try:
            assert terminal.sync().state == "idle"
            with LocalStore(terminal.path) as store:
                yield store
        finally:
            terminal.close()


def test_the_till_holds_centrals_names_for_every_department_it_sells(
    synced: LocalStore,
) -> None:
    french, english = (departments.names(synced.conn, lang) for lang in ("fr", "en"))
    assert french["cremerie"] == "Crèmerie et frais libre-service"
    assert english["cremerie"] == "Dairy and chilled self-service"
    assert french["fruits_legumes"] == "Fruits et légumes"
    sold = {row[0] for row in synced.conn.execute("SELECT DISTINCT department FROM products")}
    assert sold and all(french[code] != code for code in sold)  # none known by its code
    assert feed_cursors.cursor(synced.conn, "departments")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_picking_list_prints_each_department_by_name_at_both_widths(
    synced: LocalStore, language: str
) -> None:
    pull(synced, order_item(synced, f"web-{language}"))
    ids = count(1)
    desk = PickupDesk(synced, store_id=STORE, clock=lambda: NOW, tz=PARIS,
                      new_id=lambda: f"op-{next(ids)}")  # fmt: skip
    listing = desk.picking_list(f"web-{language}", language)
    names = departments.names(synced.conn, language)
    codes = {row[0] for row in synced.conn.execute("SELECT code FROM departments")}
    assert {line.department for line in listing.lines} <= set(names.values())
    for columns in (32, 48):
        printer = open_printer(PrinterConfig(kind="dummy", profile="TM-T88V"))
        print_slip(printer, picking_slip(listing, language), columns=columns, codepage="CP858")
        text = escpos_text(printer.output, "CP858")
        for line in listing.lines:
            assert line.department.split()[0] in text, text  # "Crèmerie", "Dairy"…
        assert not any(code in text for code in codes if "_" in code or code == "cremerie")
