-- Schema 7 (issue 17): departments by code, with the names the staff read in French and
-- English, served as the ``departments`` feed. Table and index only (IF NOT EXISTS): a
-- file of any earlier schema gets them as is, no upgrade step needed.
CREATE TABLE IF NOT EXISTS departments (
    code       TEXT PRIMARY KEY,
    name_fr    TEXT NOT NULL,
    name_en    TEXT NOT NULL DEFAULT '',
    vat_bp     INTEGER NOT NULL CHECK (vat_bp >= 0 AND vat_bp < 10000),
    change_seq INTEGER NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS departments_change ON departments (change_seq);
