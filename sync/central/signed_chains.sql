-- Issue 13: the terminals' signing keys and their signed chains as witnessed.

-- Each terminal's registered public keys. The first comes with its enrolment; a later one
-- is accepted when introduced by a key already registered here (accepted_by 'introduced'),
-- or on the enrolment code alone ('enrolment', flagged key_replaced for audit).
CREATE TABLE IF NOT EXISTS terminal_keys (
    id            INTEGER PRIMARY KEY,  -- registration order
    store_id      TEXT NOT NULL,
    terminal_id   TEXT NOT NULL,
    key_id        TEXT NOT NULL,
    public_pem    TEXT NOT NULL,
    introduced_by TEXT NOT NULL,  -- '' for a root key
    introduction  TEXT NOT NULL,  -- the introducing key's signature over this one, or ''
    accepted_by   TEXT NOT NULL CHECK (accepted_by IN ('introduced', 'enrolment')),
    registered_at TEXT NOT NULL,
    UNIQUE (store_id, terminal_id, key_id)
);

-- One row per (terminal, chain, seq): the FIRST signature witnessed there, so a second,
-- different one is a rewrite. ``body`` is kept for chain_entry ops (a sale's body is its
-- row in ``sales``).
CREATE TABLE IF NOT EXISTS signed_entries (
    store_id    TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    chain       TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    sig         TEXT NOT NULL,
    key_id      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    at          TEXT NOT NULL,
    op_id       TEXT NOT NULL,
    body        TEXT,
    PRIMARY KEY (store_id, terminal_id, chain, seq)
) WITHOUT ROWID;

-- The last entry witnessed per chain: what the next one must link to.
CREATE TABLE IF NOT EXISTS signed_heads (
    store_id    TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    chain       TEXT NOT NULL,
    head_seq    INTEGER NOT NULL,
    head_sig    TEXT NOT NULL,
    key_id      TEXT NOT NULL,
    at          TEXT NOT NULL,
    entries     INTEGER NOT NULL,
    PRIMARY KEY (store_id, terminal_id, chain)
) WITHOUT ROWID;

-- bad_signature, unknown_key, chain_break, chain_rewrite (chain set), key_replaced ('').
CREATE TABLE IF NOT EXISTS signed_flags (
    id          INTEGER PRIMARY KEY,
    store_id    TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    chain       TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    op_id       TEXT NOT NULL,
    detail      TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS signed_flags_terminal ON signed_flags(store_id, terminal_id, id);
