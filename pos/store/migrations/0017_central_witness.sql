-- Schema 17: the manager's acknowledgment of central's warnings about this till's signed
-- chains (issue 13: bad_signature, unknown_key, chain_break, chain_rewrite). A warning is
-- shown to each manager who signs in until one acknowledges it; who and when is kept.
CREATE TABLE sync_warning_acks (
    warning_id      INTEGER PRIMARY KEY REFERENCES sync_warnings(id),
    staff_id        TEXT NOT NULL,
    staff_name      TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL
);
CREATE TRIGGER sync_warning_acks_no_update BEFORE UPDATE ON sync_warning_acks
BEGIN SELECT RAISE(ABORT, 'an acknowledgment is never changed'); END;
CREATE TRIGGER sync_warning_acks_no_delete BEFORE DELETE ON sync_warning_acks
BEGIN SELECT RAISE(ABORT, 'an acknowledgment is never deleted'); END;
