-- Sales at a glance (pos.store.sales_glance): each sale's figures added up in its own
-- transaction, so a year's dashboard reads a few thousand sums instead of 500,000 tickets
-- and their lines. Sales, lines and tenders are never updated or deleted (0002's
-- triggers), so sums written at insert stay true. A training sale has no sales row: it
-- never reaches these sums.
--
-- Buckets (text, ordered as text):
-- * dims 'ticket' and 'return' are summed per UTC hour ('YYYY-MM-DDTHH' of completed_at),
--   for the chart by hour: tickets and net total; tickets with a returned line and what
--   those lines gave back (>= 0).
-- * dims 'cashier' (key: the name; tickets, net total), 'department' (key: the product's
--   department at the sale, '' if none; lines, net total) and 'tender' (key: the kind;
--   payments and refunds netted, cash less the change given back) are summed per day:
--   'YYYY-MM-DD' = the date one hour after completed_at, which is the store's
--   (Europe/Paris, UTC+1 or +2) date for every UTC hour but 22:00-22:59, whose local day
--   depends on the season: that hour keeps its own bucket, 'YYYY-MM-DDT22' (its UTC
--   date), and a period's query says which of those it takes (pos.domain.sales_hours).
CREATE TABLE sales_sums (
    dim    TEXT NOT NULL,
    bucket TEXT NOT NULL,
    key    TEXT NOT NULL,
    n      INTEGER NOT NULL,
    cents  INTEGER NOT NULL,
    PRIMARY KEY (dim, bucket, key)
) WITHOUT ROWID;

CREATE TRIGGER sales_sums_sale AFTER INSERT ON sales BEGIN
    INSERT INTO sales_sums (dim, bucket, key, n, cents)
    VALUES ('ticket', substr(NEW.completed_at, 1, 13), '', 1, NEW.total_cents),
           ('cashier', CASE WHEN substr(NEW.completed_at, 12, 2) = '22'
                       THEN substr(NEW.completed_at, 1, 10) || 'T22'
                       ELSE date(NEW.completed_at, '+1 hour') END,
            NEW.cashier, 1, NEW.total_cents)
    ON CONFLICT (dim, bucket, key) DO UPDATE SET n = n + excluded.n, cents = cents + excluded.cents;
    INSERT INTO sales_sums (dim, bucket, key, n, cents)
    SELECT 'tender', CASE WHEN substr(NEW.completed_at, 12, 2) = '22'
                     THEN substr(NEW.completed_at, 1, 10) || 'T22'
                     ELSE date(NEW.completed_at, '+1 hour') END,
           'cash', 0, -NEW.change_cents
    WHERE NEW.change_cents <> 0
    ON CONFLICT (dim, bucket, key) DO UPDATE SET cents = cents + excluded.cents;
END;

CREATE TRIGGER sales_sums_line AFTER INSERT ON sale_lines BEGIN
    INSERT INTO sales_sums (dim, bucket, key, n, cents)
    SELECT 'department', CASE WHEN substr(s.completed_at, 12, 2) = '22'
                         THEN substr(s.completed_at, 1, 10) || 'T22'
                         ELSE date(s.completed_at, '+1 hour') END,
           coalesce((SELECT p.department FROM products p WHERE p.id = NEW.product_id), ''),
           1, NEW.total_cents
    FROM sales s WHERE s.id = NEW.sale_id
    ON CONFLICT (dim, bucket, key) DO UPDATE SET n = n + excluded.n, cents = cents + excluded.cents;
END;

-- A returned line: what it gave back, and its ticket counted once (at its first one).
CREATE TRIGGER sales_sums_returned AFTER INSERT ON sale_lines WHEN NEW.quantity < 0 BEGIN
    INSERT INTO sales_sums (dim, bucket, key, n, cents)
    SELECT 'return', substr(s.completed_at, 1, 13), '',
           NOT EXISTS (SELECT 1 FROM sale_lines o
                       WHERE o.sale_id = NEW.sale_id AND o.line_no < NEW.line_no
                       AND o.quantity < 0),
           -NEW.total_cents
    FROM sales s WHERE s.id = NEW.sale_id
    ON CONFLICT (dim, bucket, key) DO UPDATE SET n = n + excluded.n, cents = cents + excluded.cents;
END;

CREATE TRIGGER sales_sums_tender AFTER INSERT ON sale_tenders BEGIN
    INSERT INTO sales_sums (dim, bucket, key, n, cents)
    SELECT 'tender', CASE WHEN substr(s.completed_at, 12, 2) = '22'
                     THEN substr(s.completed_at, 1, 10) || 'T22'
                     ELSE date(s.completed_at, '+1 hour') END,
           NEW.kind, 1, NEW.amount_cents
    FROM sales s WHERE s.id = NEW.sale_id
    ON CONFLICT (dim, bucket, key) DO UPDATE SET n = n + excluded.n, cents = cents + excluded.cents;
END;

-- The sales made before this version, summed the same way.
CREATE TEMP VIEW sales_days AS
SELECT id, cashier, total_cents, change_cents, substr(completed_at, 1, 13) AS hour,
       CASE WHEN substr(completed_at, 12, 2) = '22' THEN substr(completed_at, 1, 10) || 'T22'
       ELSE date(completed_at, '+1 hour') END AS day
FROM sales;
INSERT INTO sales_sums (dim, bucket, key, n, cents)
SELECT 'ticket', hour, '', count(*), sum(total_cents) FROM sales_days GROUP BY hour;
INSERT INTO sales_sums (dim, bucket, key, n, cents)
SELECT 'cashier', day, cashier, count(*), sum(total_cents) FROM sales_days GROUP BY day, cashier;
INSERT INTO sales_sums (dim, bucket, key, n, cents)
SELECT 'department', s.day, coalesce(p.department, ''), count(*), sum(l.total_cents)
FROM sale_lines l JOIN sales_days s ON s.id = l.sale_id LEFT JOIN products p ON p.id = l.product_id
GROUP BY s.day, coalesce(p.department, '');
INSERT INTO sales_sums (dim, bucket, key, n, cents)
SELECT 'return', s.hour, '', count(DISTINCT l.sale_id), -sum(l.total_cents)
FROM sale_lines l JOIN sales_days s ON s.id = l.sale_id WHERE l.quantity < 0
GROUP BY s.hour;
INSERT INTO sales_sums (dim, bucket, key, n, cents)
SELECT 'tender', day, kind, sum(n), sum(cents) FROM (
    SELECT s.day AS day, t.kind AS kind, 1 AS n, t.amount_cents AS cents
    FROM sale_tenders t JOIN sales_days s ON s.id = t.sale_id
    UNION ALL
    SELECT day, 'cash', 0, -change_cents FROM sales_days WHERE change_cents <> 0
) GROUP BY day, kind;
DROP VIEW sales_days;
