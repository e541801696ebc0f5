-- Finding a customer at the till (pos/store/customer_search.py): one B-tree of search keys.
-- A key is a kind letter and a normalised value: 'n:' a word of the name, 's:' the whole
-- name key ("name starts with"), 'e:' the email in lower case, 'p:' the phone's national
-- digits (French numbers: the last 9). ``label`` is the name key on 'n:' rows only, so a
-- multi-word query is checked inside the index scan without reading the customer.
-- pos/store/customer_index.py writes the keys in the transaction that writes the customer;
-- the triggers below remove them on any change and erase personal fields of an inactive
-- customer whoever writes the row (a GDPR erasure reaches the till at the next sync).
CREATE TABLE customer_keys (
    key         TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    label       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (key, customer_id)
) WITHOUT ROWID;

CREATE INDEX customer_keys_by_customer ON customer_keys(customer_id);

CREATE TRIGGER customers_keys_stale AFTER UPDATE ON customers
BEGIN
    DELETE FROM customer_keys WHERE customer_id = old.id;
END;

CREATE TRIGGER customers_keys_gone AFTER DELETE ON customers
BEGIN
    DELETE FROM customer_keys WHERE customer_id = old.id;
END;

CREATE TRIGGER customers_erased_on_update AFTER UPDATE OF active ON customers
WHEN new.active = 0 AND (new.name <> '' OR new.email <> '' OR new.phone <> '')
BEGIN
    UPDATE customers SET name = '', email = '', phone = '' WHERE id = new.id;
END;

CREATE TRIGGER customers_erased_on_insert AFTER INSERT ON customers
WHEN new.active = 0 AND (new.name <> '' OR new.email <> '' OR new.phone <> '')
BEGIN
    UPDATE customers SET name = '', email = '', phone = '' WHERE id = new.id;
END;

-- Customers pulled before this version have no keys: pull the whole feed again.
DELETE FROM feed_cursors WHERE feed = 'customers';
