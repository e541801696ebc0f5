-- Schema 29: stock across the network (issue 16). Other locations' central levels of the
-- products this store carries, from the network_stock feed and from live lookups, each
-- row with when it was seen (its age is shown offline); and the orders this till placed
-- for a customer at another location, kept from before the call so a retry after a lost
-- reply sends the same order id (central then answers the same order, never a second).
CREATE TABLE network_stock (
    product_id INTEGER NOT NULL,
    store_id   TEXT NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('store', 'warehouse')),
    on_hand    INTEGER NOT NULL,
    reserved   INTEGER NOT NULL,
    seen_at    TEXT NOT NULL,
    PRIMARY KEY (product_id, store_id)
) WITHOUT ROWID;

CREATE TABLE customer_orders (
    order_id    TEXT PRIMARY KEY,
    request     TEXT NOT NULL,   -- the CustomerOrderRequest JSON, sent again as is
    created_at  TEXT NOT NULL,
    placed_at   TEXT,            -- NULL until central confirmed it
    reply       TEXT             -- central's CustomerOrder JSON
);
