"""The manager's sales dashboard over the demo store's real past sales, offscreen, in
French: figures read off the GUI thread, charts drawn, CSV written, refusals said."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.services.sales_glance import SalesGlance
from pos.ui.screens.sales_dashboard import SalesDashboard
from tests.gui.selling import sign_in
from tests.support.staff import CAMILLE, INES

DEMO_DAY = date(2026, 11, 24)  # the demo template's one day of past sales


def dashboard(qtbot: QtBot, data_dir: Path, actor=INES) -> SalesDashboard:
    screen = SalesDashboard(SalesGlance(data_dir / "store.db"), lambda: actor,
                            today=lambda: DEMO_DAY)  # fmt: skip
    qtbot.addWidget(screen)
    return screen


def test_dashboard_shows_and_exports(qtbot: QtBot, unopened_dir: Path, tmp_path: Path) -> None:
    screen = dashboard(qtbot, unopened_dir)
    qtbot.waitUntil(lambda: screen.figures is not None, timeout=10_000)
    figures = screen.figures
    assert figures is not None and figures.sales_count > 0
    turnover = screen.kpis["turnover"][1].text()
    assert turnover.endswith("\u00a0€") and "," in turnover  # 1 234,56 €, the French way
    assert screen.kpis["turnover"][0].text() == "Chiffre d’affaires TTC (net des retours)"
    assert screen.cashier_table.rowCount() == len(figures.by_cashier)
    assert screen.channel_table.item(0, 0).text() == "Ventes en magasin"
    assert len(screen.hour_chart.chart().series()) == 1
    assert screen.tender_chart.chart().series()[0].count() == len(
        [s for s in figures.by_tender if s.cents > 0]
    )
    assert "En attente d’envoi" in screen.panel.text()
    assert not screen.grab().isNull()
    target = tmp_path / "rayons.csv"
    with qtbot.waitSignal(screen.exported, timeout=10_000):
        screen.export_to("by_department", target)
    text = target.read_bytes().decode("utf-8-sig").splitlines()
    assert text[0] == "CA par rayon;Nombre;Montant (€)"
    assert len(text) == 1 + len(figures.by_department)
    assert text[1].split(";")[0] == figures.by_department[0].label


def test_a_new_period_and_bad_input(qtbot: QtBot, unopened_dir: Path) -> None:
    screen = dashboard(qtbot, unopened_dir)
    qtbot.waitUntil(lambda: screen.figures is not None, timeout=10_000)
    one_day = screen.figures
    with qtbot.waitSignal(screen.figures_shown, timeout=10_000):
        screen.week_button.click()
    assert screen.figures.period.first == date(2026, 11, 18)
    assert screen.figures.tickets == one_day.tickets  # the demo sold on one day only
    screen.from_edit.setDate(screen.to_edit.date().addDays(1))
    with qtbot.waitSignal(screen.refused, timeout=10_000) as refused:
        screen.refresh_button.click()
    assert refused.args == ["La période se termine avant de commencer : changez une date."]
    assert screen.message.isVisible() or not screen.isVisible()
    assert screen.figures is not None  # the last figures stay on screen


def test_a_cashier_is_told_no(qtbot: QtBot, unopened_dir: Path) -> None:
    screen = dashboard(qtbot, unopened_dir, actor=CAMILLE)
    with qtbot.waitSignal(screen.refused, timeout=10_000) as refused:
        pass
    assert refused.args == ["Les chiffres de vente sont réservés aux responsables : "
                            "demandez à un responsable de s’identifier."]  # fmt: skip
    assert screen.figures is None


def test_ctrl_4_opens_the_dashboard_for_a_manager(qtbot: QtBot, make_app) -> None:
    app = make_app(None, sign_in_as=("ines", "3333"))
    app.window.sales_action.trigger()
    screen = app.sales_dashboard
    assert screen is not None and app.window.stack.currentWidget() is screen
    qtbot.waitUntil(lambda: screen.figures is not None, timeout=10_000)
    assert app.window.sales_action.shortcut().toString() == "Ctrl+4"
    assert app.window.sales_action.text() == "&Ventes du jour"
    app.window.till_action.trigger()
    assert app.window.stack.currentWidget() is app.window.till_screen
    with qtbot.waitSignal(screen.figures_shown, timeout=10_000):
        app.window.sales_action.trigger()  # shown again: read again
    assert app.window.stack.currentWidget() is screen


def test_ctrl_4_tells_a_cashier_it_is_for_managers(qtbot: QtBot, make_app) -> None:
    app = make_app(None)  # Camille, cashier
    app.window.sales_action.trigger()
    screen = app.sales_dashboard
    assert screen is not None
    qtbot.waitUntil(lambda: screen.message.text() != "", timeout=10_000)
    assert "réservés aux responsables" in screen.message.text() and screen.figures is None


def test_a_managers_figures_are_hidden_when_a_cashier_asks(qtbot: QtBot, make_app) -> None:
    app = make_app(None, sign_in_as=("ines", "3333"))
    app.window.sales_action.trigger()
    screen = app.sales_dashboard
    assert screen is not None
    qtbot.waitUntil(lambda: screen.figures is not None, timeout=10_000)
    assert screen.body.isVisibleTo(app.window)
    sign_in(qtbot, app.window)  # Camille takes the till
    with qtbot.waitSignal(screen.refused, timeout=10_000):
        app.window.sales_action.trigger()
    assert screen.figures is None and not screen.body.isVisibleTo(app.window)
