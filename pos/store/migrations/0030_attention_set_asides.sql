-- Schema 30: the attention list (issue 16). A manager may set an operation aside with a
-- note: an outbox row (refused centrally, or still waiting) leaves the queue and the
-- "to check" count but stays listed under "set aside", in the fiscal record and in the
-- stock figures; an owed call is marked as seen. Nothing is deleted: sending it again
-- closes the record (requeued_at) and keeps it. Who and under whose approval is kept.
CREATE TABLE attention_set_asides (
    id           INTEGER PRIMARY KEY,
    item_kind    TEXT NOT NULL,          -- 'outbox', or an owed call's kind
    item_key     TEXT NOT NULL,          -- the op_id, or the owed call's key
    note         TEXT NOT NULL CHECK (length(trim(note)) > 0),
    staff_id     TEXT NOT NULL,
    staff_name   TEXT NOT NULL,
    approved_by  TEXT NOT NULL DEFAULT '',  -- the manager whose PIN stood in, if any
    set_aside_at TEXT NOT NULL,
    requeued_at  TEXT,                   -- NULL while it stays set aside
    requeued_by  TEXT
);
CREATE UNIQUE INDEX attention_set_asides_open
    ON attention_set_asides(item_kind, item_key) WHERE requeued_at IS NULL;

-- A re-queue from the attention list names its author (rights came with schema 30).
ALTER TABLE outbox_requeues ADD COLUMN staff_id TEXT;
ALTER TABLE outbox_requeues ADD COLUMN staff_name TEXT;

-- Why the last try of a waiting operation failed, as a kind the till can word in the
-- staff's language ('unavailable', 'not_authorised', 'too_large', 'refused'), beside the
-- client's own sentence in last_error. NULL: never failed, or failed before schema 30.
ALTER TABLE outbox ADD COLUMN last_error_kind TEXT;
