import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { getOrdersListWorkflow } from "@medusajs/medusa/core-flows"
import { EPOCH, FeedRefused } from "./cursor"
import { pageOf, type FeedPage, type FeedQuery } from "./types"

/** An order as `GET /admin/orders?fields=…` gives it to the adapter, plus its stamp. */
export type PickupRow = Record<string, unknown> & { id: string; stamp: string }

/**
 * Why SQL: a pickup order's till view (state, version, code, counts, payment) changes
 * with its own row (every move of the plugin, the expiry run's, another till's, a web
 * cancellation writes the order's metadata or status) but also with rows Medusa writes
 * beside it: a fulfilment made or delivered in the admin, a payment captured. Its stamp
 * is the latest of the order's, its fulfilments' (and their links') and its payment
 * collections' and payments' `updated_at` / `deleted_at`. "This store's" is the REST
 * path's rule: a shipping method on one of the location's pickup options, and not one
 * of our own till sales (`comptoir_sale_id`), which Medusa records as pickups too.
 */
const CHANGED_ORDERS = `
with options as (
  select so.id from shipping_option so
    join service_zone sz on sz.id = so.service_zone_id
    join fulfillment_set fs on fs.id = sz.fulfillment_set_id
    join location_fulfillment_set lfs on lfs.fulfillment_set_id = fs.id
   where fs.type = 'pickup' and lfs.stock_location_id = :location and lfs.deleted_at is null
),
candidates as materialized (
  select o.id from "order" o where o.updated_at >= :t or o.deleted_at >= :t
  union
  select l.order_id from order_fulfillment l join fulfillment f on f.id = l.fulfillment_id
   where l.updated_at >= :t or l.deleted_at >= :t or f.updated_at >= :t or f.deleted_at >= :t
  union
  select l.order_id from order_payment_collection l
    join payment_collection pc on pc.id = l.payment_collection_id
    left join payment p on p.payment_collection_id = pc.id
   where l.updated_at >= :t or pc.updated_at >= :t or p.updated_at >= :t
),
fulfilment_stamps as (
  select l.order_id,
         greatest(max(l.updated_at), max(l.deleted_at), max(f.updated_at), max(f.deleted_at)) as stamp
  from candidates c
  join order_fulfillment l on l.order_id = c.id
  join fulfillment f on f.id = l.fulfillment_id
  group by l.order_id
),
payment_stamps as (
  select l.order_id, greatest(max(l.updated_at), max(pc.updated_at), max(p.updated_at)) as stamp
  from candidates c
  join order_payment_collection l on l.order_id = c.id
  join payment_collection pc on pc.id = l.payment_collection_id
  left join payment p on p.payment_collection_id = pc.id
  group by l.order_id
),
mine as (
  select o.id, greatest(o.updated_at, o.deleted_at, fs.stamp, ps.stamp) as stamp
  from candidates c
  join "order" o on o.id = c.id
  left join fulfilment_stamps fs on fs.order_id = o.id
  left join payment_stamps ps on ps.order_id = o.id
  where o.is_draft_order = false
    and coalesce(o.metadata->>'comptoir_sale_id', '') = ''
    and exists (select 1 from order_shipping os
                  join order_shipping_method sm on sm.id = os.shipping_method_id
                 where os.order_id = o.id and sm.shipping_option_id in (select id from options))
)
select id, to_char(stamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as stamp_text
from mine
where (stamp, id) > (:after_t::timestamptz, :after_id)
order by stamp, id
limit :limit`

/** `sync/medusa/pickups.py`'s `DETAIL_FIELDS`, as the admin route expands them. */
const ORDER_FIELDS = [
  "id", "status", "created_at", "updated_at", "metadata", "email", "payment_status", "total",
  "shipping_methods.shipping_option_id",
  "shipping_address.first_name", "shipping_address.last_name", "shipping_address.phone",
  "fulfillments.id", "fulfillments.location_id", "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "items.*", "items.tax_lines.rate",
  "payment_collections.payments.id", "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
]

/** This store's pickup orders changed after the cursor, read as the admin API reads them. */
export async function readPickups(
  pg: Knex,
  query: FeedQuery,
  container: MedusaContainer
): Promise<FeedPage<PickupRow>> {
  if (!query.location_id) {
    throw new FeedRefused("The pickups feed needs location_id.")
  }
  const after = query.after ?? { t: EPOCH, id: "" }
  const changed = (
    await pg.raw(CHANGED_ORDERS, {
      location: query.location_id,
      t: after.t,
      after_t: after.t,
      after_id: after.id,
      limit: query.limit,
    })
  ).rows as { id: string; stamp_text: string }[]
  if (changed.length === 0) {
    return { items: [], last: null, has_more: false }
  }
  // Medusa's own list workflow: the totals and statuses are the admin API's, to the cent.
  const { result } = await getOrdersListWorkflow(container).run({
    input: {
      fields: ORDER_FIELDS,
      variables: {
        filters: { id: changed.map((row) => row.id), is_draft_order: false },
        skip: 0,
        take: changed.length,
      },
    },
  })
  const rows = ((result as any).rows ?? result) as any[]
  const byId = new Map(rows.map((order) => [order.id, order]))
  return pageOf(changed, query.limit, (row): PickupRow | undefined => {
    const order = byId.get(row.id)
    return order ? { ...order, stamp: row.stamp_text } : undefined
  })
}
