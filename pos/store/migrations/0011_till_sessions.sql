-- Schema 11: the till day (issue 12). A session runs from its opening float to its Z;
-- cash in/out movements happen inside it; each sale records the session it was made in.
-- A closed session, its movements and its Z report never change: the triggers refuse
-- it, and closing is one transaction (Z report, then the session's status, then the
-- outbox row), so a power cut leaves the session open or closed, never half.

CREATE TABLE till_session (
    session_id      TEXT PRIMARY KEY,
    terminal_id     TEXT NOT NULL,
    opened_by       TEXT NOT NULL,            -- staff id
    opened_by_name  TEXT NOT NULL,
    opened_at       TEXT NOT NULL,
    float_cents     INTEGER NOT NULL CHECK (float_cents >= 0),
    float_counts    TEXT NOT NULL,            -- JSON: {"<denomination cents>": pieces}
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_by       TEXT,
    closed_by_name  TEXT,
    closed_at       TEXT,
    CHECK ((status = 'open') = (closed_at IS NULL))
) WITHOUT ROWID;
-- One open session per terminal, whoever asks.
CREATE UNIQUE INDEX till_session_one_open ON till_session(terminal_id) WHERE status = 'open';
CREATE INDEX till_session_terminal ON till_session(terminal_id, opened_at);

CREATE TABLE cash_movement (
    movement_id  TEXT PRIMARY KEY,
    session_id   TEXT NOT NULL REFERENCES till_session(session_id),
    kind         TEXT NOT NULL CHECK (kind IN ('in', 'out')),
    reason       TEXT NOT NULL
                 CHECK (reason IN ('bank_deposit', 'petty_cash', 'change_top_up', 'other')),
    note         TEXT NOT NULL DEFAULT '',
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    by_staff     TEXT NOT NULL,
    by_name      TEXT NOT NULL,
    at           TEXT NOT NULL,
    approval_id  TEXT
) WITHOUT ROWID;
CREATE INDEX cash_movement_session ON cash_movement(session_id);

CREATE TABLE z_report (
    session_id       TEXT PRIMARY KEY REFERENCES till_session(session_id),
    report           TEXT NOT NULL,           -- JSON: the whole report as printed and pushed
    expected_cents   INTEGER NOT NULL,
    counted_cents    INTEGER NOT NULL,
    difference_cents INTEGER NOT NULL,        -- sum of each tender's |over/short|
    approval_id      TEXT,
    at               TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE z_report_tenders (
    session_id       TEXT NOT NULL REFERENCES z_report(session_id),
    tender           TEXT NOT NULL,
    expected_cents   INTEGER NOT NULL,
    counted_cents    INTEGER NOT NULL,
    difference_cents INTEGER NOT NULL,
    CHECK (difference_cents = counted_cents - expected_cents),
    PRIMARY KEY (session_id, tender)
) WITHOUT ROWID;

-- The session a sale was made in (NULL: sold before sessions existed, or by a caller
-- without a session gate). Set in the sale's own INSERT: sales are never updated.
ALTER TABLE sales ADD COLUMN session_id TEXT;
CREATE INDEX sales_session ON sales(session_id) WHERE session_id IS NOT NULL;

-- A sale names an open session, else it is refused inside its own commit.
CREATE TRIGGER sales_in_open_session BEFORE INSERT ON sales
WHEN NEW.session_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM till_session WHERE session_id = NEW.session_id AND status = 'open')
BEGIN SELECT RAISE(ABORT, 'the till session is not open'); END;

-- An open session may only become closed (with its Z already written); then it is fixed.
CREATE TRIGGER till_session_closes_once BEFORE UPDATE ON till_session
WHEN OLD.status <> 'open' OR NEW.status <> 'closed'
    OR NEW.session_id IS NOT OLD.session_id OR NEW.terminal_id IS NOT OLD.terminal_id
    OR NEW.opened_by IS NOT OLD.opened_by OR NEW.opened_by_name IS NOT OLD.opened_by_name
    OR NEW.opened_at IS NOT OLD.opened_at OR NEW.float_cents IS NOT OLD.float_cents
    OR NEW.float_counts IS NOT OLD.float_counts
    OR NOT EXISTS (SELECT 1 FROM z_report WHERE session_id = NEW.session_id)
BEGIN SELECT RAISE(ABORT, 'a till session only closes, once, with its Z report'); END;
CREATE TRIGGER till_session_no_delete BEFORE DELETE ON till_session
BEGIN SELECT RAISE(ABORT, 'till sessions are kept'); END;

CREATE TRIGGER cash_movement_in_open_session BEFORE INSERT ON cash_movement
WHEN NOT EXISTS (
    SELECT 1 FROM till_session WHERE session_id = NEW.session_id AND status = 'open')
BEGIN SELECT RAISE(ABORT, 'the till session is not open'); END;
CREATE TRIGGER cash_movement_no_update BEFORE UPDATE ON cash_movement
BEGIN SELECT RAISE(ABORT, 'cash movements are immutable'); END;
CREATE TRIGGER cash_movement_no_delete BEFORE DELETE ON cash_movement
BEGIN SELECT RAISE(ABORT, 'cash movements are immutable'); END;

CREATE TRIGGER z_report_no_update BEFORE UPDATE ON z_report
BEGIN SELECT RAISE(ABORT, 'Z reports are immutable'); END;
CREATE TRIGGER z_report_no_delete BEFORE DELETE ON z_report
BEGIN SELECT RAISE(ABORT, 'Z reports are immutable'); END;
CREATE TRIGGER z_report_tenders_no_update BEFORE UPDATE ON z_report_tenders
BEGIN SELECT RAISE(ABORT, 'Z reports are immutable'); END;
CREATE TRIGGER z_report_tenders_no_delete BEFORE DELETE ON z_report_tenders
BEGIN SELECT RAISE(ABORT, 'Z reports are immutable'); END;
