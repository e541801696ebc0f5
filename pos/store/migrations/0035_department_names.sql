-- Schema 35 (issue 17): a department's English name next to its French one (``name``),
-- both from central's ``departments`` feed: the screens and the picking list show names,
-- never the bare code a product carries. Empty: no English name, the French one is shown.
ALTER TABLE departments ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
