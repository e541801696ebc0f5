-- Schema 10: staff, PIN sign-in, lockout and manager approvals (issue 12).
-- The staff cache holds accounts pulled from central (source 'central') and the ones
-- made at this till (source 'local': the first administrator, `comptoir staff add`).
-- A PIN is only ever stored as its argon2 hash. The failed-PIN counter and the lock
-- are this till's (a lock is not synced). staff_event and approval are append-only.

CREATE TABLE staff (
    staff_id     TEXT PRIMARY KEY,
    display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
    role         TEXT NOT NULL CHECK (role IN ('cashier', 'pickup', 'manager', 'admin')),
    pin_hash     TEXT NOT NULL,
    badge        TEXT UNIQUE,
    language     TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    source       TEXT NOT NULL CHECK (source IN ('central', 'local')),
    updated_at   TEXT NOT NULL
);

CREATE TABLE staff_lockout (
    staff_id     TEXT PRIMARY KEY REFERENCES staff(staff_id),
    failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),  -- wrong PINs in a row
    lockouts     INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0),  -- locks so far: the delay grows
    locked_until TEXT
);

-- What happened at sign-in and approval: never the PIN.
CREATE TABLE staff_event (
    id       INTEGER PRIMARY KEY,
    staff_id TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN (
        'sign_in', 'wrong_pin', 'locked', 'unlocked', 'refused_locked',
        'refused_inactive', 'approved', 'added', 'deactivated', 'pin_changed')),
    detail   TEXT NOT NULL DEFAULT '',
    at       TEXT NOT NULL
);
CREATE INDEX staff_event_by_staff ON staff_event (staff_id, id);

-- A manager's PIN-checked yes to one act of someone else's.
CREATE TABLE approval (
    approval_id  TEXT PRIMARY KEY,
    right_name   TEXT NOT NULL,
    asked_by     TEXT NOT NULL,
    asked_name   TEXT NOT NULL,
    approved_by  TEXT NOT NULL,
    approved_name TEXT NOT NULL,
    what         TEXT NOT NULL,
    amount_cents INTEGER,
    at           TEXT NOT NULL
);

CREATE TRIGGER staff_event_no_update BEFORE UPDATE ON staff_event
BEGIN SELECT RAISE(ABORT, 'staff events are append-only'); END;
CREATE TRIGGER staff_event_no_delete BEFORE DELETE ON staff_event
BEGIN SELECT RAISE(ABORT, 'staff events are append-only'); END;
CREATE TRIGGER approval_no_update BEFORE UPDATE ON approval
BEGIN SELECT RAISE(ABORT, 'approvals are append-only'); END;
CREATE TRIGGER approval_no_delete BEFORE DELETE ON approval
BEGIN SELECT RAISE(ABORT, 'approvals are append-only'); END;

-- A sale cancelled before completion, with its lines: never silent (issue 12). Who
-- cancelled it, and the approval when a manager allowed it.
CREATE TABLE cancelled_sale (
    id           INTEGER PRIMARY KEY,
    sale_id      TEXT NOT NULL,
    terminal_id  TEXT NOT NULL,
    staff_id     TEXT NOT NULL,
    cashier      TEXT NOT NULL,
    approval_id  TEXT,
    total_cents  INTEGER NOT NULL,
    basket       TEXT NOT NULL,              -- JSON: the basket as it was (lines, discounts)
    tenders      TEXT NOT NULL DEFAULT '[]', -- JSON: payments taken before the cancel
    started_at   TEXT NOT NULL,
    at           TEXT NOT NULL
);
CREATE TRIGGER cancelled_sale_no_update BEFORE UPDATE ON cancelled_sale
BEGIN SELECT RAISE(ABORT, 'cancelled sales are append-only'); END;
CREATE TRIGGER cancelled_sale_no_delete BEFORE DELETE ON cancelled_sale
BEGIN SELECT RAISE(ABORT, 'cancelled sales are append-only'); END;

-- A drawer opened without a sale says why, and who (the cashier column keeps the name).
ALTER TABLE drawer_events ADD COLUMN note TEXT;
ALTER TABLE drawer_events ADD COLUMN staff_id TEXT;
