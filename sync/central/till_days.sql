-- Each terminal's till sessions (issue 12): the opening as pushed, the Z once closed, and
-- the cash movements in between, kept as received (canonical JSON) and served to the
-- operator. Idempotency is the operations table's (by op_id); a second, different Z for
-- one session is refused.
CREATE TABLE IF NOT EXISTS till_sessions (
    store_id    TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    session_id  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at   TEXT NOT NULL,
    opened      TEXT NOT NULL,  -- the opening payload (or the Z's header if it came first)
    z_report    TEXT,           -- the Z payload, once closed
    z_op_id     TEXT,
    PRIMARY KEY (store_id, terminal_id, session_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS till_sessions_recent ON till_sessions(store_id, terminal_id, opened_at);

CREATE TABLE IF NOT EXISTS cash_movements (
    store_id    TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    movement_id TEXT NOT NULL,
    session_id  TEXT NOT NULL,
    at          TEXT NOT NULL,
    payload     TEXT NOT NULL,
    PRIMARY KEY (store_id, terminal_id, movement_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cash_movements_session
    ON cash_movements(store_id, terminal_id, session_id, at);

-- Till acts kept beside the till day (issue 12): sales cancelled with their lines, the
-- drawer opened without a sale; as received (canonical JSON), each once.
CREATE TABLE IF NOT EXISTS cancelled_sales (
    store_id    TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    sale_id     TEXT NOT NULL,
    at          TEXT NOT NULL,
    payload     TEXT NOT NULL,
    PRIMARY KEY (store_id, terminal_id, sale_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS drawer_openings (
    store_id    TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    opening_id  TEXT NOT NULL,
    at          TEXT NOT NULL,
    payload     TEXT NOT NULL,
    PRIMARY KEY (store_id, terminal_id, opening_id)
) WITHOUT ROWID;
