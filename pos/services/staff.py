"""Who works at this till: the sign-in list, PIN sign-in with lockout, and staff admin.

Every refusal is a ``PosError`` with a stable code and the params a screen needs:
``unknown_staff``, ``wrong_pin`` (``attempts_left``), ``account_locked`` (``until``, UTC
ISO), ``account_inactive``, ``pin_invalid``. A locked account's PIN is not even checked,
so guessing goes no faster by hammering. Each outcome is written to the append-only
staff log (never the PIN). Checking a PIN costs one argon2 verification (~0.1 s of a
core): call it off the GUI thread.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from pos.domain import fiscal_events as fe
from pos.domain.errors import PosError
from pos.domain.lockout import MAX_FAILURES, lock_delay
from pos.domain.rights import Actor, Right, Role, require
from pos.services.event_journal import EventJournal
from pos.store import staff as staff_store
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore
from pos.store.staff import Lockout, StaffRecord
from sync.contract.pins import hash_pin, is_valid_pin, verify_pin

LANGUAGES = ("fr", "en")
#: Who a till with no staff at all acts as until the sign-in screen exists: never stored,
#: recorded by this name on its sales so such a day is recognisable afterwards.
FIRST_START = Actor("first-start", "First start (admin)", Role.ADMIN)
MAX_NAME_CHARS = 80


def _utc_now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class StaffMember:
    """One line of the sign-in screen (and of ``comptoir staff list``)."""

    staff_id: str
    display_name: str
    role: Role
    language: str
    active: bool
    source: str  # "central" or "local"
    has_badge: bool

    @property
    def actor(self) -> Actor:
        return Actor(self.staff_id, self.display_name, self.role)


def _member(record: StaffRecord) -> StaffMember:
    return StaffMember(
        record.staff_id, record.display_name, Role(record.role), record.language,
        record.active, record.source, bool(record.badge),
    )  # fmt: skip


class StaffDirectory:
    """The staff use cases over one ``LocalStore`` (the calling thread's)."""

    def __init__(
        self,
        store: LocalStore,
        *,
        clock: Callable[[], datetime] = _utc_now,
        new_id: Callable[[], str] = lambda: f"local-{uuid.uuid4().hex[:12]}",
        journal: EventJournal | None = None,
    ) -> None:
        self.store = store
        self._clock = clock
        self._new_id = new_id
        #: The JET: sign-in and sign-out, a lock-out, an approval (``Approvals``).
        self.journal = journal or EventJournal.for_store(store, clock=self._now)

    # -- the sign-in screen -----------------------------------------------------------------

    def list_active(self) -> list[StaffMember]:
        """Active staff by name, for the sign-in screen's buttons."""
        return [_member(r) for r in staff_store.list_staff(self.store.conn)]

    def list_all(self) -> list[StaffMember]:
        return [_member(r) for r in staff_store.list_staff(self.store.conn, active_only=False)]

    def member(self, staff_id: str) -> StaffMember:
        record = staff_store.get(self.store.conn, staff_id)
        if record is None:
            raise _unknown(staff_id)
        return _member(record)

    def locked_until(self, staff_id: str) -> str | None:
        """When the account's lock ends (UTC ISO), or None when it is not locked now:
        the sign-in screen greys a locked name out with its time."""
        until = staff_store.lockout(self.store.conn, staff_id).locked_until
        return until if until and until > stamp(self._clock()) else None

    def member_by_id_or_badge(self, who: str) -> StaffMember:
        return _member(self._find(who))

    def now(self) -> datetime:
        return self._clock()

    def sign_in(self, who: str, pin: str) -> Actor:
        """A staff id or a scanned badge, and a PIN → the signed-in ``Actor``."""
        record = self.check_pin(who, pin)
        actor = _member(record).actor
        at = self._now()
        with write_transaction(self.store.conn):
            staff_store.record_event(self.store.conn, record.staff_id, "sign_in", "", at=at)
            detail = {"staff_id": record.staff_id, "outcome": "ok", "until": ""}
            self.journal.record_in(fe.SIGNED_IN, detail, actor=actor, at=at)
        return actor

    def sign_out(self, actor: Actor, reason: str = "lock") -> None:
        """``actor`` leaves the till: ``reason`` is "lock" (F1), "idle", "switch" (someone
        else signs in) or "quit". The JET keeps it (the staff log has no such kind)."""
        detail = {"staff_id": actor.staff_id, "reason": reason}
        self.journal.record(fe.SIGNED_OUT, detail, actor=actor, at=self._now())

    def check_pin(self, who: str, pin: str, *, purpose: str = "sign_in") -> StaffRecord:
        """Find ``who`` (id or badge) and check their PIN with the lockout rules; the
        approvals service checks a manager's PIN through here too."""
        record = self._find(who)
        conn, now = self.store.conn, self._clock()
        if not record.active:
            self._log(record.staff_id, "refused_inactive", purpose)
            raise PosError(
                f"{record.display_name}'s account is deactivated: ask a manager.",
                code="account_inactive",
                staff_id=record.staff_id,
                name=record.display_name,
            )
        state = staff_store.lockout(conn, record.staff_id)
        if state.locked_until and state.locked_until > stamp(now):
            self._log(record.staff_id, "refused_locked", purpose)
            raise _locked(record, state.locked_until)
        if verify_pin(record.pin_hash, pin):
            if state.failures or state.lockouts:
                with write_transaction(conn):
                    staff_store.set_lockout(conn, record.staff_id, Lockout())
            return record
        raise self._wrong_pin(record, state, now, purpose)

    def _wrong_pin(
        self, record: StaffRecord, state: Lockout, now: datetime, purpose: str
    ) -> PosError:
        """Count the failure (and lock at the fifth), committed; the refusal to raise."""
        conn, failures = self.store.conn, state.failures + 1
        if failures < MAX_FAILURES:
            with write_transaction(conn):
                staff_store.set_lockout(conn, record.staff_id, Lockout(failures, state.lockouts))
                staff_store.record_event(conn, record.staff_id, "wrong_pin", purpose, at=stamp(now))
            return PosError(
                f"Wrong PIN for {record.display_name}: {MAX_FAILURES - failures} attempt(s) "
                "left before the account locks.",
                code="wrong_pin",
                attempts_left=MAX_FAILURES - failures,
                staff_id=record.staff_id,
            )
        until = stamp(now + lock_delay(state.lockouts))
        with write_transaction(conn):
            staff_store.set_lockout(conn, record.staff_id, Lockout(0, state.lockouts + 1, until))
            staff_store.record_event(conn, record.staff_id, "wrong_pin", purpose, at=stamp(now))
            staff_store.record_event(conn, record.staff_id, "locked", until, at=stamp(now))
            detail = {"staff_id": record.staff_id, "outcome": "locked", "until": until}
            self.journal.record_in(fe.SIGNED_IN, detail, actor=_member(record).actor, at=stamp(now))
        return _locked(record, until)

    def unlock(self, by: Actor, staff_id: str) -> None:
        """A manager lifts a lock before it runs out (and resets its growing delay)."""
        require(by, Right.APPROVE)
        record = self._find(staff_id)
        conn = self.store.conn
        with write_transaction(conn):
            staff_store.set_lockout(conn, record.staff_id, Lockout())
            staff_store.record_event(conn, record.staff_id, "unlocked", by.staff_id, at=self._now())

    # -- the first administrator --------------------------------------------------------

    def needs_first_admin(self) -> bool:
        """True while the store has no active staff at all: the till's first start."""
        return staff_store.active_count(self.store.conn) == 0

    def create_first_admin(self, name: str, pin: str, language: str = "fr") -> Actor:
        """Make the store's first administrator; refused once anyone is active."""
        record = self._new_record(name, Role.ADMIN, pin, language, None, None)
        conn = self.store.conn
        with write_transaction(conn):
            if staff_store.active_count(conn):
                raise PosError(
                    "This store already has staff: an administrator adds the others.",
                    code="first_admin_exists",
                )
            self._insert(record, "first administrator")
        return _member(record).actor

    # -- staff administration -----------------------------------------------------------

    def add(
        self,
        by: Actor,
        name: str,
        role: Role | str,
        pin: str,
        *,
        language: str = "fr",
        badge: str | None = None,
        staff_id: str | None = None,
    ) -> StaffMember:
        require(by, Right.STAFF_ADMIN)
        record = self._new_record(name, _role(role), pin, language, badge, staff_id)
        with write_transaction(self.store.conn):
            if staff_store.get(self.store.conn, record.staff_id) is not None:
                raise PosError(
                    f"Staff id {record.staff_id} is taken.", code="staff_id_taken",
                    staff_id=record.staff_id,
                )  # fmt: skip
            self._insert(record, f"by {by.staff_id}")
        return _member(record)

    def deactivate(self, by: Actor, staff_id: str) -> StaffMember:
        """The member can no longer sign in or approve; their past acts keep their name."""
        require(by, Right.STAFF_ADMIN)
        record = self._find(staff_id)
        if record.staff_id == by.staff_id:
            raise PosError("You cannot deactivate your own account.", code="deactivate_self")
        changed = StaffRecord(**{**_fields(record), "active": False, "updated_at": self._now()})
        self._write(changed, "deactivated", f"by {by.staff_id}")
        return _member(changed)

    def set_pin(self, by: Actor, staff_id: str, pin: str) -> None:
        """An administrator sets a PIN (anyone's, their own included)."""
        require(by, Right.STAFF_ADMIN)
        record = self._find(staff_id)
        _check_pin(pin)
        fields = {**_fields(record), "pin_hash": hash_pin(pin), "updated_at": self._now()}
        self._write(StaffRecord(**fields), "pin_changed", f"by {by.staff_id}")

    def events(self, staff_id: str | None = None) -> list[staff_store.StaffEvent]:
        return staff_store.events(self.store.conn, staff_id)

    # -- helpers -------------------------------------------------------------------------

    def _find(self, who: str) -> StaffRecord:
        who = (who or "").strip()
        conn = self.store.conn
        record = staff_store.get(conn, who) or (staff_store.by_badge(conn, who) if who else None)
        if record is None:
            raise _unknown(who)
        return record

    def _new_record(
        self, name: str, role: Role, pin: str, language: str, badge: str | None,
        staff_id: str | None,
    ) -> StaffRecord:  # fmt: skip
        name = " ".join((name or "").split())
        if not 1 <= len(name) <= MAX_NAME_CHARS:
            raise PosError(
                f"A staff name is 1 to {MAX_NAME_CHARS} characters.", code="staff_name_invalid"
            )
        if language not in LANGUAGES:
            raise PosError("The language is 'fr' or 'en'.", code="language_invalid")
        _check_pin(pin)
        badge = (badge or "").strip() or None
        if badge and staff_store.by_badge(self.store.conn, badge) is not None:
            raise PosError("This badge belongs to someone else.", code="badge_taken")
        return StaffRecord(
            staff_id or self._new_id(), name, role.value, hash_pin(pin), badge, language,
            True, "local", self._now(),
        )  # fmt: skip

    def _insert(self, record: StaffRecord, detail: str) -> None:
        staff_store.upsert(self.store.conn, record)
        staff_store.record_event(self.store.conn, record.staff_id, "added", detail, at=self._now())

    def _write(self, record: StaffRecord, kind: str, detail: str) -> None:
        with write_transaction(self.store.conn):
            staff_store.upsert(self.store.conn, record)
            staff_store.record_event(self.store.conn, record.staff_id, kind, detail, at=self._now())

    def _log(self, staff_id: str, kind: str, detail: str = "") -> None:
        with write_transaction(self.store.conn):
            staff_store.record_event(self.store.conn, staff_id, kind, detail, at=self._now())

    def _now(self) -> str:
        return stamp(self._clock())


def provisional_actor(directory: StaffDirectory, wanted: str = "") -> Actor:
    """Who the till acts as until the sign-in screen exists: the active member named
    ``wanted`` (id or name), else the first active cashier, else the first member; a
    store with no staff gets ``FIRST_START`` (nothing is created)."""
    members = directory.list_active()
    if not members:
        return FIRST_START
    for member in members:
        if wanted and wanted in (member.staff_id, member.display_name):
            return member.actor
    cashiers = [m for m in members if m.role is Role.CASHIER]
    return (cashiers or members)[0].actor


def _fields(record: StaffRecord) -> dict:
    return {name: getattr(record, name) for name in StaffRecord.__slots__}


def _role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise PosError(
            f"Unknown role {role!r}: cashier, pickup, manager or admin.", code="role_invalid"
        ) from None


def _check_pin(pin: str) -> None:
    if not is_valid_pin(pin):
        raise PosError("A PIN is 4 to 8 digits.", code="pin_invalid")


def _unknown(who: str) -> PosError:
    return PosError(
        "No staff member has this id or badge on this till.", code="unknown_staff", who=who
    )


def _locked(record: StaffRecord, until: str) -> PosError:
    return PosError(
        f"{record.display_name}'s account is locked after too many wrong PINs, until "
        f"{until} (UTC); a manager can unlock it.",
        code="account_locked",
        until=until,
        staff_id=record.staff_id,
    )
