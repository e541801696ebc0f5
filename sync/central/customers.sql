-- Customers created at the tills (issue 15): their consent, and the indexes central
-- searches and lists history by. ``customers`` itself (schema.sql) keeps the identity and
-- the balance the feed serves; this table keeps what GDPR asks to know of the consent.
-- A customer seeded or created elsewhere has no row here: no marketing consent.
CREATE TABLE IF NOT EXISTS customer_profiles (
    customer_id       TEXT PRIMARY KEY,
    marketing_consent INTEGER NOT NULL DEFAULT 0,
    consent_at        TEXT,            -- when the current choice was recorded
    consent_source    TEXT,            -- where: "store:<store_id>"
    request           TEXT,            -- sha256 of the till's creation body (NULL: not a till's)
    created_at        TEXT NOT NULL
) WITHOUT ROWID;

-- Search keys (sync/central/customers.py repeats these expressions in its queries, as
-- SQLite uses an expression index only for the same expression): the email in lower
-- case, the phone's last nine digits (a French number's national part, whatever its
-- spacing or +33 form), the name from its start in any ASCII case.
CREATE INDEX IF NOT EXISTS customers_email_key ON customers (lower(email));
CREATE INDEX IF NOT EXISTS customers_phone_key ON customers (substr(replace(replace(replace(
    replace(replace(replace(replace(phone, ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''),
    '/', ''), '+', ''), -9));
CREATE INDEX IF NOT EXISTS customers_name_key ON customers (name COLLATE NOCASE);

-- History: the store tickets naming a customer (sale record v4), the web orders that did.
CREATE INDEX IF NOT EXISTS sales_customer ON sales (json_extract(sale_json, '$.customer_id'))
    WHERE json_extract(sale_json, '$.customer_id') IS NOT NULL;
CREATE INDEX IF NOT EXISTS loyalty_orders_customer ON loyalty_orders (customer_id);
