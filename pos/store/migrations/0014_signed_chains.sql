-- Schema 14: the fiscal record as signed chains (issue 13).
-- One row per entry of one of the terminal's chains (ticket, duplicate, closure, event,
-- training), each signed with the terminal's ECDSA P-256 key over its rendering in
-- pos.domain.chain_entry, which includes the previous entry's signature (``prev``).
-- ``body`` is the entry's canonical JSON, kept as signed: the chains verify and archive
-- without rebuilding anything.
CREATE TABLE chain_entries (
    chain       TEXT NOT NULL CHECK (chain IN ('ticket', 'duplicate', 'closure', 'event', 'training')),
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    kind        TEXT NOT NULL,
    ref         TEXT NOT NULL DEFAULT '',   -- the sale, closure… the entry is about; '' if none
    terminal_id TEXT NOT NULL,
    at          TEXT NOT NULL,              -- UTC, ISO 8601, as signed
    key_id      TEXT NOT NULL,
    prev        TEXT NOT NULL,              -- the previous entry's signature (or GENESIS / sha256:)
    body        TEXT NOT NULL,
    sig         TEXT NOT NULL,
    PRIMARY KEY (chain, seq)
) WITHOUT ROWID;
CREATE INDEX chain_entries_ref ON chain_entries (ref, chain) WHERE ref <> '';

CREATE TRIGGER chain_entries_no_update BEFORE UPDATE ON chain_entries
BEGIN SELECT RAISE(ABORT, 'the signed chains are append-only'); END;
CREATE TRIGGER chain_entries_no_delete BEFORE DELETE ON chain_entries
BEGIN SELECT RAISE(ABORT, 'the signed chains are append-only'); END;

-- Every key this terminal has signed with. The first is the root (registered centrally
-- at enrolment); each later one carries the previous key's signature over it
-- (pos.domain.chain_entry.key_introduction_bytes), so a fresh key cannot take the chains
-- over unseen.
CREATE TABLE terminal_keys (
    key_id          TEXT PRIMARY KEY,
    public_pem      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    introduced_by   TEXT NOT NULL DEFAULT '',   -- the previous key's id; '' for a root
    introduction    TEXT NOT NULL DEFAULT ''    -- its signature over this key
) WITHOUT ROWID;

CREATE TRIGGER terminal_keys_no_update BEFORE UPDATE ON terminal_keys
BEGIN SELECT RAISE(ABORT, 'terminal keys are append-only'); END;
CREATE TRIGGER terminal_keys_no_delete BEFORE DELETE ON terminal_keys
BEGIN SELECT RAISE(ABORT, 'terminal keys are append-only'); END;
