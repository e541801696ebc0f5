-- Schema 16: fiscal closures (issue 13, part D).
-- A closure (a session's Z, a month, a fiscal year) is an entry of the ``closure`` chain
-- (chain_entries, schema 14): kind = its type, ref = the session id or the period label.
-- A period is closed once: a second closure of the same type and period is refused here,
-- whichever till process or command tries it.
CREATE UNIQUE INDEX closure_once ON chain_entries (kind, ref) WHERE chain = 'closure';
