"""After the sale: drawer, receipt offer, printed ESC/POS bytes, failure and Retry,
duplicates, and the on-screen preview for a store without a printer."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hardware.printer.connections import PrinterConfig, PrinterDevice
from hardware.printer.fake import FakePrinter
from pos.ui.main_window import MainWindow
from pos.ui.printer_worker import PrinterThread
from pos.ui.till_controller import TillController, TillOptions
from tests.gui.selling import accented_codes, rows, sell, sign_in


def _open(qtbot: QtBot, data_dir: Path, make_printer) -> Iterator[MainWindow]:
    controller = TillController(TillOptions(data_dir, cashier="Inès", demo_if_empty=False))
    printer = PrinterThread(make_printer) if make_printer else None
    window = MainWindow(controller, printer)
    qtbot.addWidget(window)
    window.show()
    if printer:
        printer.start()
    with qtbot.waitSignal(window.till_screen.basket_shown, timeout=10_000):
        controller.start()
    sign_in(qtbot, window, "ines", "3333")
    yield window
    controller.shutdown()
    if printer:
        printer.shutdown()


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    return tmp_path / "printer.bin"


@pytest.fixture
def file_till(qtbot: QtBot, data_dir: Path, paper: Path) -> Iterator[MainWindow]:
    config = PrinterConfig(kind="file", file_path=str(paper), codepage="CP858")
    yield from _open(qtbot, data_dir, lambda: PrinterDevice(config))


@pytest.fixture
def fake() -> FakePrinter:
    return FakePrinter(PrinterConfig(kind="dummy", codepage="CP1252"))


@pytest.fixture
def fake_till(qtbot: QtBot, data_dir: Path, fake: FakePrinter) -> Iterator[MainWindow]:
    yield from _open(qtbot, data_dir, lambda: fake)


@pytest.fixture
def paperless_till(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    yield from _open(qtbot, data_dir, None)


def test_a_cash_sale_opens_the_drawer_and_prints_on_request(
    qtbot: QtBot, file_till: MainWindow, data_dir: Path, paper: Path
) -> None:
    screen = file_till.till_screen
    sale = sell(qtbot, file_till, accented_codes(data_dir, 3), cash=True)
    qtbot.waitUntil(lambda: paper.exists() and b"\x1bp\x00" in paper.read_bytes(), timeout=5000)
    assert screen.receipt_offer.isVisible()  # offered, not printed systematically
    with qtbot.waitSignal(screen.receipts.print_finished, timeout=5000) as printed:
        screen.receipt_offer.print_button.click()
    assert printed.args[0].ok
    text = paper.read_bytes().decode("cp858")
    for line in sale.draft.lines:
        assert line.name.replace("œ", "oe")[:20] in text
    assert "TOTAL TTC" in text and "TVA" in text and "Rendu" in text
    assert b"\xd5" in paper.read_bytes()  # € in code page 858
    assert f"{sale.ticket_no}" in text
    assert rows(data_dir, "SELECT kind FROM receipt_events") == [("printed",)]
    assert rows(data_dir, "SELECT reason, cashier FROM drawer_events") == [("cash_sale", "Inès")]
    assert file_till.printer_status.property("state") == "ok"


def test_paper_out_keeps_the_sale_and_retry_prints_it(
    qtbot: QtBot, fake_till: MainWindow, fake: FakePrinter, data_dir: Path
) -> None:
    screen = fake_till.till_screen
    fake.fail_next("paper_out")
    sale = sell(qtbot, fake_till, accented_codes(data_dir, 2), cash=False)
    with qtbot.waitSignal(screen.receipts.print_finished, timeout=5000) as failed:
        screen.receipt_offer.print_button.click()
    assert not failed.args[0].ok
    assert "papier" in screen.message_label.text()  # in the till's language
    assert screen.receipt_offer.retry_button.isVisible()
    assert fake_till.printer_status.property("state") == "paper_out"
    assert rows(data_dir, f"SELECT count(*) FROM sales WHERE id = '{sale.sale_id}'") == [(1,)]
    with qtbot.waitSignal(screen.receipts.print_finished, timeout=5000) as retried:
        screen.receipt_offer.retry_button.click()
    assert retried.args[0].ok and "€" in fake.last_text()
    assert not screen.receipt_offer.isVisible()

    def kinds() -> list[str]:  # recorded by the till worker, on its own thread
        return [k for (k,) in rows(data_dir, "SELECT kind FROM receipt_events ORDER BY id")]

    qtbot.waitUntil(lambda: kinds() == ["printed", "print_failed"], timeout=5000)
    assert fake.drawer_openings == 0  # paid by card


def test_reprints_are_marked_duplicata_and_counted(
    qtbot: QtBot, fake_till: MainWindow, fake: FakePrinter, data_dir: Path
) -> None:
    screen = fake_till.till_screen
    sale = sell(qtbot, fake_till, accented_codes(data_dir, 1), cash=False)
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        screen.scan(accented_codes(data_dir, 1)[0])  # next customer: the receipt was declined
    for expected in (1, 2):
        with qtbot.waitSignal(screen.receipts.print_finished, timeout=5000):
            screen.reprint_last()
        assert fake.last_text().count(f"DUPLICATA n°{expected}") == 2  # top and bottom
    kinds = [k for (k,) in rows(data_dir, "SELECT kind FROM receipt_events ORDER BY id")]
    assert kinds == ["declined", "duplicate", "duplicate"]
    copies = rows(data_dir, "SELECT seq, ref FROM chain_entries WHERE chain = 'duplicate'")
    assert copies == [(1, sale.sale_id), (2, sale.sale_id)]


def test_a_copy_is_signed_before_printing_even_when_the_paper_is_out(
    qtbot: QtBot, fake_till: MainWindow, fake: FakePrinter, data_dir: Path
) -> None:
    screen = fake_till.till_screen
    sale = sell(qtbot, fake_till, accented_codes(data_dir, 1), cash=False)
    screen.receipts.decline_pending()
    fake.fail_next("paper_out")
    with qtbot.waitSignal(screen.receipts.print_finished, timeout=5000) as failed:
        screen.reprint_last()
    assert not failed.args[0].ok and fake.jobs == []
    copies = "SELECT seq, ref, body FROM chain_entries WHERE chain = 'duplicate'"
    ((seq, ref, body),) = rows(data_dir, copies)
    assert (seq, ref, json.loads(body)["copy_no"]) == (1, sale.sale_id, 1)
    with qtbot.waitSignal(screen.receipts.print_finished, timeout=5000) as retried:
        screen.receipt_offer.retry_button.click()  # the same copy, not a new one
    assert retried.args[0].ok and "DUPLICATA n°1" in fake.last_text()
    assert len(rows(data_dir, copies)) == 1


def test_without_a_printer_the_receipt_shows_on_screen(
    qtbot: QtBot, paperless_till: MainWindow, data_dir: Path
) -> None:
    screen = paperless_till.till_screen
    sell(qtbot, paperless_till, accented_codes(data_dir, 2), cash=True)
    with qtbot.waitSignal(screen.receipts.preview_opened, timeout=5000) as opened:
        screen.receipt_offer.print_button.click()
    text = opened.args[0].text.toPlainText()
    assert "TOTAL TTC" in text and "TVA" in text
    assert paperless_till.printer_status.property("state") == "none"
