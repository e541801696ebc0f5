-- Schema 36: popularity from the central catalog (issue 18.1).
-- products.popularity stays what search ranks by: the central figure the catalog feed
-- last gave plus this till's own sales since (each sale's commit adds its units). Here
-- is the figure last received, so an item whose figure did not change (a price edit)
-- keeps the local sales on top, and a new figure replaces them (it counts them, pushed).
ALTER TABLE products ADD COLUMN central_popularity INTEGER NOT NULL DEFAULT 0;
-- The first pull's staged rows carry it too (pos.store.catalog_staging).
ALTER TABLE catalog_staging ADD COLUMN popularity INTEGER NOT NULL DEFAULT 0;
