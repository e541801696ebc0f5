-- Schema 15: the unsigned hash journal of earlier versions is closed (issue 13).
-- Sales are now signed in the ticket chain (chain_entries, schema 14), whose first entry
-- links to this journal's head hash; the journal keeps its rows, verified as before.
CREATE TRIGGER journal_no_insert BEFORE INSERT ON journal
BEGIN SELECT RAISE(ABORT, 'the legacy journal is closed: sales are signed in the ticket chain'); END;
