-- Schema 25 (issue 15): customers created at this till with their consent, and the last
-- history central sent of each customer.

-- The customer's marketing choice, as the customers feed carries it (no: the default).
ALTER TABLE customers ADD COLUMN marketing_consent INTEGER NOT NULL DEFAULT 0;

-- A customer created here: its row is in ``customers`` at once (searchable offline) and its
-- creation waits here until central answers (pos/store/customer_outbox.py, sent by
-- sync/engine/customer_creations.py). ``body`` is the CustomerCreate JSON, sent unchanged
-- each time (central is idempotent by the id). Central's refusal is kept with its code;
-- ``existing_id``: the customer central says already holds the email or phone
-- (``customer_exists``): the row stays, on the manager's list, until someone decides.
CREATE TABLE customer_creations (
    customer_id TEXT PRIMARY KEY,
    body        TEXT NOT NULL,
    queued_at   TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_code   TEXT,
    last_error  TEXT,
    existing_id TEXT
) WITHOUT ROWID;

-- A consent choice made while central could not be reached (a withdrawal must not wait on
-- the network): the local row has it at once, the sync engine sends it until central
-- answers (sync/engine/customer_creations.py). One per customer: the latest choice.
CREATE TABLE customer_consents (
    customer_id       TEXT PRIMARY KEY,
    marketing_consent INTEGER NOT NULL,
    queued_at         TEXT NOT NULL,
    attempts          INTEGER NOT NULL DEFAULT 0,
    last_code         TEXT,
    last_error        TEXT
) WITHOUT ROWID;

-- Central's last answer to "this customer's history", shown offline with its age.
CREATE TABLE customer_histories (
    customer_id TEXT PRIMARY KEY,
    body        TEXT NOT NULL,  -- the CustomerHistory JSON as received
    fetched_at  TEXT NOT NULL
) WITHOUT ROWID;

-- An erased customer's history goes with its personal fields, whoever writes the row.
CREATE TRIGGER customer_histories_erased AFTER UPDATE OF active ON customers
WHEN new.active = 0
BEGIN
    DELETE FROM customer_histories WHERE customer_id = new.id;
END;

-- Customers pulled before this version lack their consent: pull the whole feed again.
DELETE FROM feed_cursors WHERE feed = 'customers';
