-- Schema 7: what the sync engine sets aside and what central warns about (issue 10).
--
-- An outbox row is set aside (outbox.rejected_at) only on a verdict that names it: a
-- per-operation "rejected" result, or our own pre-send contract check. Set-aside rows can
-- be put back in the queue; each time is recorded here, never silently.
CREATE TABLE outbox_requeues (
    id           INTEGER PRIMARY KEY,
    op_id        TEXT NOT NULL REFERENCES outbox(op_id),
    code         TEXT NOT NULL,          -- the refusal it had been set aside for
    reason       TEXT NOT NULL,
    set_aside_at TEXT NOT NULL,
    requeued_at  TEXT NOT NULL,
    terminal_id  TEXT NOT NULL,          -- where it was done (rights come later)
    source       TEXT NOT NULL           -- 'cli', 'app' or 'migration'
);
CREATE INDEX outbox_requeues_op ON outbox_requeues(op_id);

-- What central flagged on an operation it accepted (chain_break, chain_rewrite,
-- hash_mismatch, medusa_total_differs, ...): kept for the manager. A duplicate answer
-- repeats the original warnings: recorded once.
CREATE TABLE sync_warnings (
    id          INTEGER PRIMARY KEY,
    op_id       TEXT NOT NULL REFERENCES outbox(op_id),
    code        TEXT NOT NULL,
    text        TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (op_id, code)
);

-- Before schema 7 a 413 set whole outboxes aside as payload_too_large: a transport
-- error, not a verdict on an operation. Put them back in the queue, and say so.
INSERT INTO outbox_requeues (op_id, code, reason, set_aside_at, requeued_at, terminal_id, source)
SELECT op_id, rejected_code, coalesce(last_error, ''), rejected_at,
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
       coalesce((SELECT value FROM settings WHERE key = 'central_terminal_id'), ''), 'migration'
FROM outbox WHERE rejected_at IS NOT NULL AND rejected_code = 'payload_too_large';
UPDATE outbox SET rejected_at = NULL, rejected_code = NULL
WHERE rejected_at IS NOT NULL AND rejected_code = 'payload_too_large';
