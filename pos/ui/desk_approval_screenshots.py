"""Screenshots of a hand-over without the code: the desk's offer after the refusal, and
the manager's approval dialog wording it (``comptoir screenshots``)."""

from __future__ import annotations

from pathlib import Path

from pos.domain.rights import Right
from pos.services.pickup_scene import handover_subjects
from pos.ui.dialogs.approval_dialog import ApprovalDialog
from pos.ui.grab import save_grab, wait_for
from pos.ui.pickup_controller import PickupController
from pos.ui.screens.pickup_screen import PickupScreen


def without_code_screenshots(
    screen: PickupScreen, controller: PickupController, data_dir: Path, order_id: str,
    out: Path, language: str,
) -> list[Path]:  # fmt: skip
    """A cashier opens ``order_id`` from the list (no code) and presses "Hand over": the
    refusal and "Hand over without the code…"; then the approval dialog, Inès picked."""
    order, staff = handover_subjects(data_dir / "store.db", order_id)
    controller.request("set_staff", "Camille")
    screen.open_handover(order)
    screen.handover.give_button.click()
    wait_for(screen.refusal_shown)
    saved = [save_grab(screen, out / f"pickup_without_code_{language}.png")]
    approvals: list[ApprovalDialog] = []

    def ask(right: Right, what: str, amount: int | None) -> None:
        dialog = ApprovalDialog("Camille", what, amount, staff, screen)
        dialog.choose("ines", "Inès")
        dialog.show()
        approvals.append(dialog)

    screen.without_code.approver = ask  # the staff gate's door, shown instead of run
    screen.handover.without_code_button.click()  # shown, not answered: "not approved"
    for dialog in approvals:
        saved.append(save_grab(dialog, out / f"pickup_approval_{language}.png"))
        dialog.close()
        dialog.deleteLater()
    return saved
