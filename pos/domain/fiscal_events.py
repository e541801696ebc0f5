"""The kinds of the technical event journal (JET) and the detail each one carries.

Each event is one signed entry of the terminal's ``event`` chain (``pos.store.events``);
its body is the canonical JSON ``{"actor": {"staff_id", "name"} or "", "detail": {...}}``.
Amounts are integer cents, ids rather than names where an id exists. The detail of each
kind (what ``DETAIL_FIELDS`` lists, so a test or an auditor can check it):

- ``app_started``: ``version`` (the software's), ``pid``.
- ``app_stopped``: ``version``, ``pid`` (a clean shutdown; a crash leaves no stop entry,
  so a start without a stop before it shows one).
- ``version_changed``: ``old`` ("" on the first start that records it), ``new``.
- ``clock_back``: ``now`` (the terminal's UTC time), ``last_at`` (the latest entry of any
  chain), ``back_ms`` (how far back, beyond the tolerance).
- ``clock_changed``: ``now``, ``previous`` (the wall time of the previous act),
  ``elapsed_ms`` (what the monotonic clock measured), ``jump_ms`` (the wall clock's lead).
- ``signed_in``: ``staff_id``, ``outcome`` ("ok", or "locked" when a wrong PIN locked the
  account), ``until`` (the lock's end, "" when signed in).
- ``signed_out``: ``staff_id``, ``reason`` ("lock", "idle", "switch", "quit").
- ``session_opened``: ``session_id``, ``float_cents``.
- ``session_closed``: ``session_id``, ``expected_cents``, ``counted_cents``,
  ``difference_cents``, ``approval_id``.
- ``sale_cancelled``: ``sale_id``, ``total_cents``, ``lines`` (``product_id``, ``sku``,
  ``quantity``, ``net_cents``, ``voided``), ``tenders`` (``kind``, ``amount_cents``),
  ``approval_id``.
- ``line_voided``: ``sale_id``, ``line_id``, ``product_id``, ``sku``, ``quantity``,
  ``net_cents``, ``after_payment`` (tenders were taken), ``approval_id``.
- ``price_overridden``: ``sale_id``, ``line_id``, ``product_id``, ``sku``,
  ``catalog_price_cents``, ``unit_price_cents``, ``reason`` ("" when the catalogue price
  is restored), ``note``, ``approval_id``.
- ``approval_granted``: ``approval_id``, ``right``, ``asked_by``, ``approved_by``,
  ``what``, ``amount_cents``.
- ``drawer_opened``: ``reason`` (the note given), ``approval_id`` (the drawer opened
  without a sale; with a sale it is part of the sale).
- ``setting_changed``: ``key`` ("printer.host"), ``old``, ``new`` (as text; a secret's
  value is never written: ``"***"``).
- ``sync_failed``: ``error`` (the engine's sentence), ``pending``: once per failure streak.
- ``printer_error``: ``code`` ("paper_out", "offline", "cover_open", "timeout",
  "error"), ``sale_id`` (the receipt that failed, "" for another job), ``job``.
- ``key_changed``: ``old_key_id`` ("" when the new key is the first on record),
  ``new_key_id``, ``reason`` ("enrolment").
- ``training_started`` / ``training_stopped``: ``staff_id``, ``name``.
- ``archive_made``: ``period``, ``file``, ``manifest_sha256``, ``entries``, ``source``
  ("cli", "till"), ``by`` (``staff_id``, ``name``; absent from the command line).
- ``verification_run``: ``ok``, ``entries`` (per chain), ``first_problem`` (``chain``,
  ``seq``, ``code``, or null), ``source`` ("cli", "till"), ``by`` (``staff_id``,
  ``name``; absent from the command line).
- ``closure_made``: ``type`` ("day", "month", "year"), ``period``, ``closure_seq``,
  ``total_cents``, ``automatic`` (made at the first act of the next period).
- ``credit_note_offline``: ``sale_id``, ``code``, ``amount_cents``, ``op_id`` (a credit
  note spent with no central check, within the offline limit; the debit goes with the
  sale's push).
- ``customer_attached``: ``sale_id``, ``customer_id`` (null: the customer detached); the
  sale is priced again for that customer.
- ``coupon_changed``: ``sale_id``, ``token`` (the code as given, normalised, or a
  single-use coupon's ``#<promotion id>``), ``added`` (false: removed).
"""

from __future__ import annotations

from pos.domain.rights import Actor

APP_STARTED = "app_started"
APP_STOPPED = "app_stopped"
SIGNED_IN = "signed_in"
SIGNED_OUT = "signed_out"
SESSION_OPENED = "session_opened"
SESSION_CLOSED = "session_closed"
SALE_CANCELLED = "sale_cancelled"
LINE_VOIDED = "line_voided"
PRICE_OVERRIDDEN = "price_overridden"
APPROVAL_GRANTED = "approval_granted"
DRAWER_OPENED = "drawer_opened"
CLOCK_CHANGED = "clock_changed"
CLOCK_BACK = "clock_back"
VERSION_CHANGED = "version_changed"
SETTING_CHANGED = "setting_changed"
SYNC_FAILED = "sync_failed"
PRINTER_ERROR = "printer_error"
ARCHIVE_MADE = "archive_made"
VERIFICATION_RUN = "verification_run"
KEY_CHANGED = "key_changed"
TRAINING_STARTED = "training_started"
TRAINING_STOPPED = "training_stopped"
CLOSURE_MADE = "closure_made"
CREDIT_NOTE_OFFLINE = "credit_note_offline"
CUSTOMER_ATTACHED = "customer_attached"
COUPON_CHANGED = "coupon_changed"

#: Every kind and the detail fields it carries (see the module docstring).
DETAIL_FIELDS: dict[str, tuple[str, ...]] = {
    APP_STARTED: ("version", "pid"),
    APP_STOPPED: ("version", "pid"),
    VERSION_CHANGED: ("old", "new"),
    CLOCK_BACK: ("now", "last_at", "back_ms"),
    CLOCK_CHANGED: ("now", "previous", "elapsed_ms", "jump_ms"),
    SIGNED_IN: ("staff_id", "outcome", "until"),
    SIGNED_OUT: ("staff_id", "reason"),
    SESSION_OPENED: ("session_id", "float_cents"),
    SESSION_CLOSED: (
        "session_id",
        "expected_cents",
        "counted_cents",
        "difference_cents",
        "approval_id",
    ),
    SALE_CANCELLED: ("sale_id", "total_cents", "lines", "tenders", "approval_id"),
    LINE_VOIDED: (
        "sale_id",
        "line_id",
        "product_id",
        "sku",
        "quantity",
        "net_cents",
        "after_payment",
        "approval_id",
    ),
    PRICE_OVERRIDDEN: (
        "sale_id",
        "line_id",
        "product_id",
        "sku",
        "catalog_price_cents",
        "unit_price_cents",
        "reason",
        "note",
        "approval_id",
    ),
    APPROVAL_GRANTED: ("approval_id", "right", "asked_by", "approved_by", "what", "amount_cents"),
    DRAWER_OPENED: ("reason", "approval_id"),
    SETTING_CHANGED: ("key", "old", "new"),
    SYNC_FAILED: ("error", "pending"),
    PRINTER_ERROR: ("code", "sale_id", "job"),
    KEY_CHANGED: ("old_key_id", "new_key_id", "reason"),
    TRAINING_STARTED: ("staff_id", "name"),
    TRAINING_STOPPED: ("staff_id", "name"),
    ARCHIVE_MADE: ("period", "file", "manifest_sha256", "entries", "source", "by"),
    VERIFICATION_RUN: ("ok", "entries", "first_problem", "source", "by"),
    CLOSURE_MADE: ("type", "period", "closure_seq", "total_cents", "automatic"),
    CREDIT_NOTE_OFFLINE: ("sale_id", "code", "amount_cents", "op_id"),
    CUSTOMER_ATTACHED: ("sale_id", "customer_id"),
    COUPON_CHANGED: ("sale_id", "token", "added"),
}
KINDS: frozenset[str] = frozenset(DETAIL_FIELDS)

#: A clock earlier than the last entry of any chain by more than this is "going back"
#: (two acts a few milliseconds apart on threads of their own may be stamped out of order).
CLOCK_BACK_TOLERANCE_MS = 2_000
#: Between two acts of a running till, the wall clock running ahead of the monotonic clock
#: by more than this is a clock change (an idle hour is not: both clocks ran it).
CLOCK_JUMP_MS = 3_600_000
#: Setting keys whose values are never written into the journal (only that they changed).
SECRET_MARKERS = ("secret", "token", "password", "pin", "api_key")
HIDDEN = "***"


def actor_ref(actor: Actor | None) -> dict[str, str] | str:
    """The body's ``actor``: the staff id and name when someone is known, else ""."""
    if actor is None:
        return ""
    return {"staff_id": actor.staff_id, "name": actor.display_name}


def is_secret(key: str) -> bool:
    lowered = key.lower()
    return any(marker in lowered for marker in SECRET_MARKERS)


def clock_back_ms(now_ms: int, last_ms: int) -> int | None:
    """How far the clock went back behind the last recorded time, beyond the tolerance."""
    back = last_ms - now_ms
    return back if back > CLOCK_BACK_TOLERANCE_MS else None


def clock_jump_ms(wall_elapsed_ms: int, monotonic_elapsed_ms: int) -> int | None:
    """How far the wall clock jumped ahead between two acts, beyond what time did."""
    jump = wall_elapsed_ms - monotonic_elapsed_ms
    return jump if jump > CLOCK_JUMP_MS else None
