"""The customer dialog's creation form: only what the till needs (GDPR minimisation).

A name, an email and/or a phone (one is required), and the marketing consent, a box of
its own, unchecked until the customer says yes, with what it means beside it. A line
says what the data is for. Central's ``customer_exists`` (this email or phone is
already someone's) shows that customer, to use instead.
"""

from __future__ import annotations

from pos.services.customer_accounts import Customer, CustomerDraft
from pos.ui.customer_masks import mask_email, mask_phone
from pos.ui.i18n import Retranslating
from pos.ui.qt import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

BUTTON_HEIGHT = 52


class CustomerForm(Retranslating, QWidget):
    create_requested = Signal(object)  # CustomerDraft
    use_existing = Signal(str, object)  # the id created here (or ""), the existing Customer
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerForm")
        self.existing: Customer | None = None
        self.created_id = ""
        self.name_field = QLineEdit(self)
        self.name_field.setObjectName("customerName")
        self.email_field = QLineEdit(self)
        self.email_field.setObjectName("customerEmail")
        self.phone_field = QLineEdit(self)
        self.phone_field.setObjectName("customerPhone")
        self.consent_box = QCheckBox(self)
        self.consent_box.setObjectName("marketingConsent")
        self.consent_box.setChecked(False)  # off unless the customer says yes
        self.consent_note = _note(self, "consentNote")
        self.purpose_note = _note(self, "purposeNote")
        self.message = _note(self, "formMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.existing_label = _note(self, "existingCustomer")
        self.existing_button = _button(self, "useExisting", self._use_existing)
        self.existing_label.hide()
        self.existing_button.hide()
        self.create_button = _button(self, "createCustomer", self.submit)
        self.back_button = _button(self, "formBack", self.back.emit)
        self.name_field.returnPressed.connect(self.submit)
        self.form = QFormLayout()
        for field in (self.name_field, self.email_field, self.phone_field):
            self.form.addRow(QLabel(self), field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.consent_box)
        layout.addWidget(self.consent_note)
        layout.addWidget(self.purpose_note)
        layout.addWidget(self.message)
        layout.addWidget(self.existing_label)
        layout.addWidget(self.existing_button)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        labels = (self.tr("Name"), self.tr("Email"), self.tr("Phone"))
        for row, text in enumerate(labels):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            label.setText(text)  # type: ignore[union-attr]
        self.consent_box.setText(self.tr("Marketing: the customer agrees to receive offers"))
        self.consent_note.setText(
            self.tr(
                "Tick only if the customer asks for it: offers and news by email or text "
                "message. They can withdraw it at any time, at the till or online."
            )
        )
        self.purpose_note.setText(
            self.tr(
                "What this is for: the loyalty points and the receipts of this customer, "
                "in store and online. An email or a phone number is enough."
            )
        )
        self.create_button.setText(self.tr("Create and attach"))
        self.back_button.setText(self.tr("Back"))
        self.existing_button.setText(self.tr("Use this customer"))
        self._word_existing()

    def clear(self, text: str = "") -> None:
        """An empty form; ``text`` typed in the search goes where it fits."""
        for field in (self.name_field, self.email_field, self.phone_field):
            field.clear()
        self.consent_box.setChecked(False)
        self.message.clear()
        self.show_existing("", None, found=False)
        text = text.strip()
        if "@" in text:
            self.email_field.setText(text)
        elif text and sum(ch.isdigit() for ch in text) >= 6:
            self.phone_field.setText(text)
        else:
            self.name_field.setText(text)
        self.name_field.setFocus()

    def submit(self) -> None:
        name = self.name_field.text().strip()
        email, phone = self.email_field.text().strip(), self.phone_field.text().strip()
        if not name:
            self.message.setText(self.tr("Type the customer's name."))
            return
        if not email and not phone:
            self.message.setText(self.tr("Type an email or a phone number (one is enough)."))
            return
        self.message.clear()
        consent = self.consent_box.isChecked()
        self.create_requested.emit(CustomerDraft(name, email, phone, marketing_consent=consent))

    def say(self, text: str) -> None:
        self.message.setText(text)

    def show_existing(self, created_id: str, existing: Customer | None, found: bool = True) -> None:
        """Central's ``customer_exists``: the customer who already has this email or phone."""
        self.created_id, self.existing = created_id, existing
        self.existing_label.setVisible(found)
        self.existing_button.setVisible(existing is not None)
        self._word_existing()

    def _word_existing(self) -> None:
        existing = self.existing
        if existing is None:
            self.existing_label.setText(
                self.tr("This email or phone number is already another customer's.")
            )
            return
        contact = " · ".join(
            part for part in (mask_email(existing.email), mask_phone(existing.phone)) if part
        )
        self.existing_label.setText(
            self.tr("This email or phone number is already %1's (%2).")
            .replace("%1", existing.name)
            .replace("%2", contact)
        )

    def _use_existing(self) -> None:
        if self.existing is not None:
            self.use_existing.emit(self.created_id, self.existing)


def _note(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def _button(parent: QWidget, name: str, slot) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    button.setMinimumHeight(BUTTON_HEIGHT)
    button.clicked.connect(lambda *_: slot())
    return button
