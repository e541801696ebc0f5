"""The settings dialog's form: one tab per section of the settings file, a field per key
(its objectName is the key, "printer.port"), filled from and read back into the file's
shape. No words here: labels and choices are set by ``SettingsDialog.retranslate_ui``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pos.config import Settings, settings_to_dict
from pos.ui.dialogs.settings_fields import (
    cents_edit,
    choice_box,
    lines_edit,
    set_value,
    value_of,
)
from pos.ui.qt import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

_HEX_KEYS = frozenset({"printer.usb_vendor_id", "printer.usb_product_id"})
#: Printer fields that only mean something for some kinds; the others are greyed out.
_KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "printer.host": ("network",),
    "printer.port": ("network",),
    "printer.timeout_s": ("network", "usb", "serial"),
    "printer.usb_vendor_id": ("usb",),
    "printer.usb_product_id": ("usb",),
    "printer.serial_device": ("serial",),
    "printer.baudrate": ("serial",),
    "printer.file_path": ("file",),
}


class SettingsForm:
    """Mixed into ``SettingsDialog`` (a QDialog): builds the tabs and their fields."""

    tabs: QTabWidget
    settings: Settings
    _fields: dict[str, QWidget]
    _tab_of: dict[str, int]
    _form_labels: dict[str, QWidget]

    def _build_store(self) -> None:
        self._tab("store")
        self._add("name", QLineEdit())
        self._add("address_lines", lines_edit())
        self._add("siret", QLineEdit())
        self._add("vat_number", QLineEdit())
        self._add("receipt_footer", lines_edit())

    def _build_till(self) -> None:
        self._tab("till")
        self._add("terminal_id", QLineEdit())
        # Language names are written in their own language, so anyone can find theirs.
        self._add("language", choice_box([("Français", "fr"), ("English", "en")]))
        self._add("receipt_default", choice_box(["ask", "print", "none"]))
        self._add("drawer_on_cash", QCheckBox())
        self._add("customer_display", choice_box(["auto", "window", "off"]))
        self._add("meal_voucher_cap_cents", cents_edit())
        self._add("offline_cap_points", QLineEdit(), section="loyalty")  # on this tab

    def _build_scanner(self) -> None:
        self._tab("scanner")
        self._add("enabled", QCheckBox())
        self._add("min_length", QLineEdit())
        self._add("max_gap_ms", QLineEdit())
        self._add("prefix", QLineEdit())
        fixes = ["none", "us_scanner_on_azerty", "azerty_scanner_on_us"]
        self._add("keyboard_fix", choice_box(fixes))

    def _build_payment_terminal(self) -> None:
        self._tab("payment_terminal")
        self._add("driver", choice_box(["none", "concert"]))
        self._add("address", QLineEdit())
        self._add("timeout_s", QLineEdit())
        self._add("pos_number", QLineEdit())

    def _tab(self, section: str) -> None:
        page = QWidget(self.tabs)
        page.setObjectName(f"{section}Tab")
        self._form = QFormLayout()
        column = QVBoxLayout(page)
        column.addLayout(self._form)
        column.addStretch(1)  # rows keep their height; the space goes below them
        self._section = section
        self.tabs.addTab(page, "")

    def _add(self, name: str, widget: Any, *, section: str = "") -> Any:
        """Put ``widget`` on the current tab as the field of key ``section.name``; its
        label comes from ``_label_texts`` (set in ``retranslate_ui``)."""
        key = f"{section or self._section}.{name}"
        widget.setObjectName(key)
        self._fields[key] = widget
        self._tab_of[key] = self.tabs.count() - 1
        if isinstance(widget, QCheckBox):
            self._form.addRow(widget)
        else:
            self._form.addRow(key, widget)
            self._form_labels[key] = self._form.labelForField(widget)
        return widget

    def _button(self, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # -- form <-> settings ------------------------------------------------------------------

    def show_settings(self, settings: Settings) -> None:
        data = settings_to_dict(settings)
        for key, widget in self._fields.items():
            section, name = key.split(".")
            set_value(widget, data[section][name], hexadecimal=key in _HEX_KEYS)
        self._enable_kind_fields()

    def form_data(self) -> dict[str, dict[str, Any]]:
        """The form in the file's shape; keys the form does not show keep their values."""
        data = settings_to_dict(self.settings)
        for key, widget in self._fields.items():
            section, name = key.split(".")
            data[section][name] = value_of(widget)
        return data

    def _enable_kind_fields(self) -> None:
        kind = self.kind_combo.currentData()
        for key, kinds in _KIND_FIELDS.items():
            widget = self._fields[key]
            widget.setEnabled(kind in kinds)
            label = self._form_labels.get(key)
            if label is not None:
                label.setEnabled(kind in kinds)
