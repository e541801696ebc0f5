-- Schema 35: reserved for another part's migration, merged on its own; nothing here.
-- (Migrations are numbered without gaps; when that part lands, its 0035 replaces this.)
SELECT 1;
