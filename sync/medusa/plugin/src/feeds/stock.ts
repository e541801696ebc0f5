import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { EPOCH } from "./cursor"
import type { FeedPage, FeedQuery } from "./types"

/** One till product's level at the location (a level linked to two variants gives two). */
export type StockRow = {
  level_id: string
  inventory_item_id: string
  location_id: string
  variant_id: string
  variant_sku: string | null
  comptoir_product_id: string | null
  stocked_quantity: number
  reserved_quantity: number
  updated_at: string
  /** The level, its inventory item, the variant or their link was deleted: level 0. */
  deleted: boolean
}

/**
 * Why SQL and not `query.graph` / `listInventoryLevels`: the page is "levels whose change
 * stamp is after (t, id)", where the stamp is the latest of the level's `updated_at`, its
 * `deleted_at`, its inventory item's `deleted_at` and its variant links' (a variant
 * linked or unlinked changes what the till holds although the level did not change).
 * Module filters take JS Dates (milliseconds, PostgreSQL keeps microseconds), cannot
 * compare the (stamp, id) pair nor order on an expression, and soft-deleted rows across
 * a link are out of the query graph's reach. The read is one statement over Medusa's
 * own tables (inventory_level, inventory_item, product_variant_inventory_item,
 * product_variant); it writes nothing. Only rows with some part stamped at or after the
 * cursor's time are looked at, so a pull costs what changed, not the size of the stock.
 */
const CHANGED_LEVELS = `
with links as (
  select inventory_item_id, greatest(max(updated_at), max(deleted_at)) as stamp
  from product_variant_inventory_item
  where updated_at >= ?::timestamptz or deleted_at >= ?::timestamptz
  group by inventory_item_id
),
levels as (
  select l.id, l.inventory_item_id, l.location_id, l.stocked_quantity, l.reserved_quantity,
         (l.deleted_at is not null or i.deleted_at is not null) as gone,
         greatest(l.updated_at, l.deleted_at, i.deleted_at, k.stamp) as stamp
  from inventory_level l
  join inventory_item i on i.id = l.inventory_item_id
  left join links k on k.inventory_item_id = l.inventory_item_id
  where (?::text is null or l.location_id = ?)
    and (l.updated_at >= ?::timestamptz or l.deleted_at >= ?::timestamptz
         or i.deleted_at >= ?::timestamptz or k.stamp is not null)
)
select id, inventory_item_id, location_id, gone,
       stocked_quantity::float8 as stocked, reserved_quantity::float8 as reserved,
       to_char(stamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as stamp_text
from levels
where (stamp, id) > (?::timestamptz, ?)
order by stamp, id
limit ?`

const VARIANTS = `
select pvi.inventory_item_id, v.id, v.sku, v.metadata->>'comptoir_product_id' as comptoir_product_id,
       (pvi.deleted_at is not null or v.deleted_at is not null) as gone
from product_variant_inventory_item pvi join product_variant v on v.id = pvi.variant_id
where pvi.inventory_item_id = any(?)
order by pvi.inventory_item_id, v.id`

/** The levels changed after the cursor, at `location_id` (all locations without it). */
export async function readStock(pg: Knex, query: FeedQuery): Promise<FeedPage<StockRow>> {
  const location = query.location_id ?? null
  const after = query.after ?? { t: EPOCH, id: "" }
  const t = after.t
  const levels = (
    await pg.raw(CHANGED_LEVELS, [t, t, location, location, t, t, t, after.t, after.id, query.limit])
  ).rows as Record<string, any>[]
  if (levels.length === 0) {
    return { items: [], last: null, has_more: false }
  }
  const itemIds = [...new Set(levels.map((level) => level.inventory_item_id as string))]
  const variants = (await pg.raw(VARIANTS, [itemIds])).rows as Record<string, any>[]
  const byItem = new Map<string, Record<string, any>[]>()
  for (const variant of variants) {
    const list = byItem.get(variant.inventory_item_id) ?? []
    list.push(variant)
    byItem.set(variant.inventory_item_id, list)
  }
  const items: StockRow[] = []
  for (const level of levels) {
    for (const variant of byItem.get(level.inventory_item_id) ?? []) {
      items.push({
        level_id: level.id,
        inventory_item_id: level.inventory_item_id,
        location_id: level.location_id,
        variant_id: variant.id,
        variant_sku: variant.sku,
        comptoir_product_id: variant.comptoir_product_id,
        stocked_quantity: Number(level.stocked),
        reserved_quantity: Number(level.reserved),
        updated_at: level.stamp_text,
        deleted: Boolean(level.gone || variant.gone),
      })
    }
  }
  const tail = levels[levels.length - 1]
  return {
    items,
    last: { t: tail.stamp_text, id: tail.id },
    has_more: levels.length === query.limit,
  }
}
