-- Schema 19: return claims to release at central (issue 14). A basket holding a return
-- claimed centrally and then cancelled gives the claim back; when central cannot be
-- reached at that moment the release waits here and the sync engine sends it on each
-- round until central answers (a release is idempotent centrally: an unknown or
-- already consumed claim counts as released). Not the outbox: a release is no business
-- fact, it has no place in the terminal's sequence nor in the journal's witness, and it
-- must never wait behind a refused sale.
CREATE TABLE claim_releases (
    return_id   TEXT PRIMARY KEY,   -- the claim's id: the abandoned return ticket's sale id
    queued_at   TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT
) WITHOUT ROWID;
