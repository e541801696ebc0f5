-- Schema 9: a pickup line's shortfall at this store (issue 11). A backend that keeps an
-- order placed where the store lacked stock (Medusa with Comptoir's plugin) says how many
-- of each line are missing here; the desk shows it on the order. Central refuses such
-- orders, so its lines keep 0.

ALTER TABLE pickup_lines ADD COLUMN short_quantity INTEGER NOT NULL DEFAULT 0
    CHECK (short_quantity >= 0);
