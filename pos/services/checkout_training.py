"""Training mode at the till: new staff sell for practice, outside the fiscal record.

A mixin of ``Checkout``. A manager (``Right.TRAINING``) switches it on and off with no
sale open; each switch is a JET event (``training_started`` / ``training_stopped``),
which is also where the mode is read back at start (``pos.store.training.is_on``). While
on, ``complete`` signs the sale into the training chain only (``TrainingSales``): no
sale row, no stock, no outbox sale, no real ticket number, no X or Z total. Parking,
resuming and paying a web cart or pickup order are refused while on, so a real basket
can never end up as practice, nor practice as a real sale.

No payment terminal is driven by Comptoir (a card tender is the amount the external
terminal took): in training the card button records nothing beyond the training chain,
and the banner reminds the trainee not to run a real card.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pos.domain.basket import Basket
from pos.domain.errors import PosError
from pos.domain.rights import Actor, Right, require
from pos.domain.tenders import Payment
from pos.store import events, training
from pos.store.training import TrainingSales

if TYPE_CHECKING:
    from pos.store.local_store import LocalStore


class TrainingActs:
    store: LocalStore
    terminal_id: str
    actor: Actor
    basket: Basket
    payment: Payment
    _clock: Callable[[], str]
    training: bool

    def _read_training_mode(self) -> None:
        self.training = training.is_on(self.store.conn, self.terminal_id)

    def set_training(self, on: bool) -> bool:
        """Switch training mode (a manager, with no sale open); returns the mode. Setting
        the mode it is already in records nothing."""
        require(self.actor, Right.TRAINING)
        if on == self.training:
            return self.training
        if not self.basket.is_empty() or self.payment.tenders:
            raise PosError(
                "Finish, park or cancel the current sale before switching training mode.",
                code="training_sale_open",
            )
        who = {"name": self.actor.display_name, "staff_id": self.actor.staff_id}
        events.record(
            self.store.conn, self.store.signing_key(),
            training.STARTED if on else training.STOPPED, who,
            terminal_id=self.terminal_id, actor=self.actor.staff_id, at=self._clock(),
        )  # fmt: skip
        self.training = on
        return on

    def _refuse_in_training(self) -> None:
        """Real baskets (parked, web carts, pickup orders) stay out of training mode."""
        if self.training:
            raise PosError(
                "Not in training mode: switch training mode off first.", code="training_mode"
            )

    def _training_sales(self) -> TrainingSales:
        return TrainingSales(self.store.conn, self.store.keys)
