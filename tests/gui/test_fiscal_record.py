"""The manager's fiscal record desk, offscreen on real store files: a month closed, its
archive made and checked, the record verified intact and then, once edited with the
sqlite3 shell, broken at the chain that was touched; a cashier never sees the desk and
its services refuse them."""

from __future__ import annotations

import hashlib
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos.config import Settings
from pos.domain.rights import Actor, RightRefused, Role
from pos.services.archives import Archives
from pos.services.fiscal_record import FiscalRecord
from pos.store.catalog_loader import load_catalog
from pos.store.local_store import LocalStore
from pos.ui.dialogs.fiscal_record_dialog import FiscalRecordDialog
from pos.ui.i18n import switch_language
from pos.ui.qt import QApplication, QMessageBox
from resources.demo.catalog import DEPARTMENTS, demo_products
from tests.gui.selling import rows, sign_in
from tests.unit.services.test_period_closures import Clock, Till

NADIA = Actor("s-nad", "Nadia", Role.MANAGER)


def _october_till(data_dir: Path) -> None:
    """Two card sales and their Z on 5 October 2026, nothing since: October has ended
    (the desk's clock says 3 November) and no act closed it yet."""
    items = [i for i in demo_products(300, seed=7) if i.sold_by == "unit" and i.barcodes]
    with LocalStore(data_dir / "store.db") as store:
        load_catalog(store.conn, DEPARTMENTS, items)
        till = Till(store, items[:5])
        till.open("2026-10-05T07:00:00.000Z")
        till.sell("2026-10-05T08:00:00.000Z", 0, 3)
        till.sell("2026-10-05T09:00:00.000Z", 1)
        till.close("2026-10-05T17:00:00.000Z")
        till.checkout.close()


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path) -> FiscalRecordDialog:
    _october_till(tmp_path)
    clock = Clock()
    clock.set("2026-11-03T09:00:00.000Z")
    record = FiscalRecord(tmp_path, "T01", clock=clock)
    dialog = FiscalRecordDialog(record, Archives(tmp_path, "T01"), NADIA)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.closures.overview is not None, timeout=10_000)
    return dialog


def _confirm(qtbot: QtBot, dialog: FiscalRecordDialog, month: str) -> None:
    page = dialog.closures
    page.month_field.setText(month)
    page.close_button.click()
    box = page.confirm_box
    assert box is not None and month in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()


def test_a_manager_closes_the_month_archives_it_verifies_and_sees_a_tampered_chain(
    qtbot: QtBot, desk: FiscalRecordDialog, tmp_path: Path
) -> None:
    page = desk.closures
    assert desk.windowTitle() == "Registre fiscal — Nadia"
    assert page.table.rowCount() == 1  # the day's Z, nothing else yet
    assert [page.table.item(0, c).text() for c in (1, 2, 3)] == ["Jour (Z)", "2026-10-05", "2"]
    assert page.month_field.text() == "2026-10"  # the last ended month, not closed

    # A month not over is refused by the service, in French.
    _confirm(qtbot, desk, "2026-11")
    qtbot.waitUntil(lambda: page.close_button.isEnabled(), timeout=10_000)
    assert page.message.text() == (
        "Le mois 2026-11 n'est pas terminé : il pourra être clôturé à partir de minuit après "
        "son dernier jour."
    )

    with qtbot.waitSignal(page.closed, timeout=10_000) as closed:
        _confirm(qtbot, desk, "2026-10")
    [month] = closed.args[0]
    assert (month.type, month.period, month.tickets) == ("month", "2026-10", 2)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)
    top = [page.table.item(0, c).text() for c in range(8)]
    assert top[:4] == [str(month.seq), "Mois", "2026-10", "2"]
    assert top[7] == month.excerpt and len(month.excerpt) == 8
    assert page.overview is not None and page.overview.month_to_close == ""
    assert "1 clôture(s) faite(s)" in page.message.text()
    [(body,)] = rows(
        tmp_path, "SELECT body FROM chain_entries WHERE kind = 'closure_made' AND "
        "json_extract(body, '$.detail.type') = 'month'",
    )  # fmt: skip
    made_by = json.loads(body)
    assert made_by["actor"] == "s-nad" and made_by["detail"]["automatic"] is False

    # The month's archive, from the default period; its manifest's SHA-256; its path copied.
    archives = desk.archives
    desk.tabs.setCurrentWidget(archives)
    assert archives.period_field.text() == "2026-10"
    with qtbot.waitSignal(archives.made, timeout=20_000) as made:
        archives.make_button.click()
    path = Path(archives.path_field.text())
    assert path == made.args[0].path and path.is_file() and path.parent == tmp_path / "archives"
    with zipfile.ZipFile(path) as archive:
        manifest = archive.read("MANIFEST.sha256")
    assert archives.sha_field.text() == hashlib.sha256(manifest).hexdigest()
    archives.copy_button.click()
    assert QApplication.clipboard().text() == str(path)

    # Checked through the file picker.
    archives.check_button.click()
    picker = archives.file_picker
    assert picker is not None
    with qtbot.waitSignal(archives.checked, timeout=20_000):
        picker.selectFile(str(path))
        picker.accept()
    assert archives.verdict.text().startswith("Archive intacte : terminal T01, période 2026-10")

    # The record verified: every chain intact, the run recorded as Nadia's.
    check = desk.verification
    desk.tabs.setCurrentWidget(check)
    with qtbot.waitSignal(check.verified, timeout=20_000):
        check.verify_button.click()
    assert check.summary.text().startswith("Le registre fiscal est intact")
    assert check.chain_state("closure") == check.chain_state("ticket") == "intacte"
    runs = rows(tmp_path, "SELECT body FROM chain_entries WHERE kind = 'verification_run'")
    assert json.loads(runs[-1][0])["detail"]["by"]["staff_id"] == "s-nad"

    # Someone edits the month's closure with the sqlite3 shell, triggers dropped first.
    subprocess.run(
        ["sqlite3", str(tmp_path / "store.db"),
         "DROP TRIGGER chain_entries_no_update; UPDATE chain_entries SET body = "
         "json_set(body, '$.total_cents', 1) WHERE chain = 'closure' AND kind = 'month';"],
        check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    with qtbot.waitSignal(check.verified, timeout=20_000) as verified:
        check.verify_button.click()
    assert not verified.args[0].report.ok
    assert check.chain_state("closure") == "ROMPUE"
    assert check.chain_state("ticket") == "intacte"
    assert check.summary.text().startswith("LE REGISTRE FISCAL EST ROMPU : Chaîne des clôtures")
    reasons = [check.table.item(r, 4).text() for r in range(check.table.rowCount())]
    assert any(f"Closure entry {month.seq}" in reason for reason in reasons)
    assert check.note.isVisible()  # the detail is the store's English sentence: said so

    # Filled, on any of its tabs, it fits a 1024×768 screen with a window's frame.
    for page in (desk.closures, desk.archives, desk.verification):
        desk.tabs.setCurrentWidget(page)
        hint = desk.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 768 - 32, page.objectName()
    assert desk.width() <= 1024 and desk.height() <= 768 - 32


def test_a_cashier_never_sees_the_desk_and_its_services_refuse_her(
    qtbot: QtBot, qapp: QApplication, make_app, data_dir: Path
) -> None:
    app = make_app(Settings())  # Camille, a cashier
    action = app.window.fiscal_record_action
    assert not action.isVisible()
    cashier = app.window.staff.actor
    assert cashier is not None and cashier.role is Role.CASHIER
    app.fiscal.open()  # even called directly: nothing opens
    assert app.fiscal.dialog is None
    with pytest.raises(RightRefused):
        app.fiscal.record.close_month(cashier, "2026-10")
    with pytest.raises(RightRefused):
        app.fiscal.record.overview(cashier)
    with pytest.raises(RightRefused):
        app.fiscal.record.verify(cashier)
    with pytest.raises(RightRefused):
        app.fiscal.archives.make("2026-11", actor=cashier)

    sign_in(qtbot, app.window, "ines", "3333")  # Inès, a manager
    assert action.isVisible() and action.text() == "&Registre fiscal…"
    action.trigger()
    dialog = app.fiscal.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.closures.overview is not None, timeout=10_000)
    assert dialog.archives.period_field.text() == dialog.closures.overview.previous_month
    assert dialog.tabs.tabText(0) == "Clôtures"

    switch_language(qapp, "en")  # the dialog is worded again, open as it is
    assert dialog.windowTitle() == "Fiscal record — Inès"
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["Closures", "Archives", "Verification"]
    assert dialog.closures.close_button.text() == "Close the month…"
    assert action.text() == "&Fiscal record…"

    app.window.staff.lock_action.trigger()  # F1: the desk acted as Inès, it closes
    qtbot.waitUntil(lambda: app.fiscal.dialog is None, timeout=10_000)
    assert not action.isVisible()
