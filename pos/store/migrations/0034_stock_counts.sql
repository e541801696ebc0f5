-- Schema 34: stock counts (issue 16). A count is opened, its lines entered by scanning
-- (blind: the screen never shows ``expected``), then approved by a manager: only then
-- are its movements written (reason 'count', ref = the count's operation) and one
-- ``stock_count`` outbox operation queued, in one transaction. An abandoned count keeps
-- its lines: nothing is deleted.
CREATE TABLE stock_counts (
    id          TEXT PRIMARY KEY,
    scope       TEXT NOT NULL,           -- 'full', 'department', 'shelf'
    label       TEXT NOT NULL DEFAULT '',-- the department or shelf named
    staff_id    TEXT NOT NULL,           -- who counts
    started_at  TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'applied', 'abandoned')),
    approved_by TEXT,
    closed_at   TEXT,
    op_id       TEXT                     -- the outbox operation, once applied
) WITHOUT ROWID;

-- One line per article and count. ``expected`` is the till's shown level at
-- ``counted_at`` (central level + local movements then): the variance is judged at that
-- instant, so a sale after the article was counted is not "found" again.
CREATE TABLE stock_count_lines (
    count_id   TEXT NOT NULL REFERENCES stock_counts(id),
    product_id INTEGER NOT NULL,
    counted    INTEGER NOT NULL CHECK (counted >= 0),
    counted_at TEXT NOT NULL,
    expected   INTEGER NOT NULL,
    entries    INTEGER NOT NULL DEFAULT 1,  -- typed more than once: added or replaced
    PRIMARY KEY (count_id, product_id)
) WITHOUT ROWID;
