-- Schema 36: popularity from the central catalog (issue 18.1).
-- products.popularity is now the figure the catalog feed last gave (it orders the search
-- index: changing it re-indexes the product in FTS5, which only a new central figure
-- does). This till's own sales since that figure are counted apart, in local_sales,
-- which no index or trigger reads: a sale's commit adds to it for the price of a row
-- update, and search ranks candidates by popularity + local_sales. A new central figure
-- (which counts this till's pushed sales) sets local_sales back to 0.
ALTER TABLE products ADD COLUMN local_sales INTEGER NOT NULL DEFAULT 0;
-- The first pull's staged rows carry the figure too (pos.store.catalog_staging).
ALTER TABLE catalog_staging ADD COLUMN popularity INTEGER NOT NULL DEFAULT 0;
