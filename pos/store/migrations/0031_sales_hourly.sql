-- Sales at a glance (pos.store.sales_glance): each sale's figures added up per UTC hour in
-- the sale's own transaction, so a year's dashboard reads ~9,000 hours of sums instead of
-- 500,000 tickets and their lines. Sales, lines and tenders are never updated or deleted
-- (0002's triggers), so sums written at insert stay true. A training sale has no sales
-- row: it never reaches these sums.
--
-- dim 'ticket' (key ''): tickets and their net total; 'return' (key ''): tickets with a
-- returned line and what those lines gave back (>= 0); 'cashier' (key: the name): tickets
-- and net total; 'department' (key: the product's department at the sale, '' if none):
-- lines and their net total; 'tender' (key: the kind): payments and refunds netted, cash
-- less the change given back.
CREATE TABLE sales_hourly (
    dim   TEXT NOT NULL,
    hour  TEXT NOT NULL,      -- UTC 'YYYY-MM-DDTHH' of the sale's completed_at
    key   TEXT NOT NULL,
    n     INTEGER NOT NULL,
    cents INTEGER NOT NULL,
    PRIMARY KEY (dim, hour, key)
) WITHOUT ROWID;

CREATE TRIGGER sales_hourly_sale AFTER INSERT ON sales BEGIN
    INSERT INTO sales_hourly (dim, hour, key, n, cents)
    VALUES ('ticket', substr(NEW.completed_at, 1, 13), '', 1, NEW.total_cents),
           ('cashier', substr(NEW.completed_at, 1, 13), NEW.cashier, 1, NEW.total_cents)
    ON CONFLICT (dim, hour, key) DO UPDATE SET n = n + excluded.n, cents = cents + excluded.cents;
    INSERT INTO sales_hourly (dim, hour, key, n, cents)
    SELECT 'tender', substr(NEW.completed_at, 1, 13), 'cash', 0, -NEW.change_cents
    WHERE NEW.change_cents <> 0
    ON CONFLICT (dim, hour, key) DO UPDATE SET cents = cents + excluded.cents;
END;

CREATE TRIGGER sales_hourly_line AFTER INSERT ON sale_lines BEGIN
    INSERT INTO sales_hourly (dim, hour, key, n, cents)
    SELECT 'department', substr(s.completed_at, 1, 13),
           coalesce((SELECT p.department FROM products p WHERE p.id = NEW.product_id), ''),
           1, NEW.total_cents
    FROM sales s WHERE s.id = NEW.sale_id
    ON CONFLICT (dim, hour, key) DO UPDATE SET n = n + excluded.n, cents = cents + excluded.cents;
END;

-- A returned line: what it gave back, and its ticket counted once (at its first one).
CREATE TRIGGER sales_hourly_returned AFTER INSERT ON sale_lines WHEN NEW.quantity < 0 BEGIN
    INSERT INTO sales_hourly (dim, hour, key, n, cents)
    SELECT 'return', substr(s.completed_at, 1, 13), '',
           NOT EXISTS (SELECT 1 FROM sale_lines o
                       WHERE o.sale_id = NEW.sale_id AND o.line_no < NEW.line_no
                       AND o.quantity < 0),
           -NEW.total_cents
    FROM sales s WHERE s.id = NEW.sale_id
    ON CONFLICT (dim, hour, key) DO UPDATE SET n = n + excluded.n, cents = cents + excluded.cents;
END;

CREATE TRIGGER sales_hourly_tender AFTER INSERT ON sale_tenders BEGIN
    INSERT INTO sales_hourly (dim, hour, key, n, cents)
    SELECT 'tender', substr(s.completed_at, 1, 13), NEW.kind, 1, NEW.amount_cents
    FROM sales s WHERE s.id = NEW.sale_id
    ON CONFLICT (dim, hour, key) DO UPDATE SET n = n + excluded.n, cents = cents + excluded.cents;
END;

-- The sales made before this version, summed the same way.
INSERT INTO sales_hourly (dim, hour, key, n, cents)
SELECT 'ticket', substr(completed_at, 1, 13), '', count(*), sum(total_cents)
FROM sales GROUP BY 2;
INSERT INTO sales_hourly (dim, hour, key, n, cents)
SELECT 'cashier', substr(completed_at, 1, 13), cashier, count(*), sum(total_cents)
FROM sales GROUP BY 2, 3;
INSERT INTO sales_hourly (dim, hour, key, n, cents)
SELECT 'department', substr(s.completed_at, 1, 13), coalesce(p.department, ''), count(*),
       sum(l.total_cents)
FROM sale_lines l JOIN sales s ON s.id = l.sale_id LEFT JOIN products p ON p.id = l.product_id
GROUP BY 2, 3;
INSERT INTO sales_hourly (dim, hour, key, n, cents)
SELECT 'return', substr(s.completed_at, 1, 13), '', count(DISTINCT l.sale_id), -sum(l.total_cents)
FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE l.quantity < 0
GROUP BY 2;
INSERT INTO sales_hourly (dim, hour, key, n, cents)
SELECT 'tender', hour, kind, sum(n), sum(cents) FROM (
    SELECT substr(s.completed_at, 1, 13) AS hour, t.kind AS kind, 1 AS n, t.amount_cents AS cents
    FROM sale_tenders t JOIN sales s ON s.id = t.sale_id
    UNION ALL
    SELECT substr(completed_at, 1, 13), 'cash', 0, -change_cents FROM sales WHERE change_cents <> 0
) GROUP BY hour, kind;
