"""The sale handler's crash lookup uses an index (issue 11).

A resumed sale with no saved progress looks its order up by
``metadata->>'comptoir_sale_id'`` (``existingOrder`` in the plugin's ``operations/sale.ts``);
``order`` had no index for it, so each lookup read every order. The plugin's migration
script adds one; this plans the handler's own query on 20,000 orders.
"""

from __future__ import annotations

import sys

import pytest

from tests.medusa.helpers import psql

pytestmark = pytest.mark.medusa

ORDERS = 20_000

#: ``existingOrder``'s query, as knex writes it.
LOOKUP = (
    "select \"id\" from \"order\" where metadata->>'comptoir_sale_id' = 'S-bulk-12345'"
    " and metadata->>'comptoir_recorded_by' = 'plugin' and \"deleted_at\" is null limit 1"
)


def test_the_sale_id_lookup_reads_an_index_not_every_order(medusa_peer):
    # One transaction left open, never committed: the orders vanish with the session.
    plan = psql(
        medusa_peer,
        "begin;"
        ' insert into "order" (id, status, currency_code, metadata)'
        " select 'order_bulk_' || n, 'completed', 'eur', jsonb_build_object("
        "  'comptoir_sale_id', 'S-bulk-' || n, 'comptoir_recorded_by', 'plugin')"
        f" from generate_series(1, {ORDERS}) n;"
        ' analyze "order";'
        f" explain (analyze, costs off) {LOOKUP};",
    )
    text = "\n".join(row[0] for row in plan)
    print(f"\n{text}", file=sys.stderr)

    assert "IDX_order_comptoir_sale_id" in text
    assert "Seq Scan" not in text
