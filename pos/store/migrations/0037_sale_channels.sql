-- Schema 38 (issue 16, sales at a glance by channel): the web carts a till sale took in.
-- Written when a cart is claimed for the open sale (``online_cart``), before the sale is
-- paid: a sale abandoned or never completed has no ``sales`` row and counts nowhere. The
-- dashboard counts a completed sale with a cart as "web cart paid in store", apart from
-- plain store sales (the web brought that customer), still in the turnover.
CREATE TABLE web_cart_sales (
    sale_id   TEXT NOT NULL,
    cart_id   TEXT NOT NULL,
    code      TEXT NOT NULL,
    loaded_at TEXT NOT NULL,
    PRIMARY KEY (sale_id, cart_id)
) WITHOUT ROWID;
