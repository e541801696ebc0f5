import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { FeedCursor } from "./cursor"

export type FeedQuery = {
  after: FeedCursor | null
  limit: number
  location_id?: string
  /** The till's channel and region: the catalog's prices are theirs. */
  sales_channel_id?: string
  region_id?: string
}

export type FeedPage<T> = {
  items: T[]
  /** The last row read (null: nothing read, the cursor stays). */
  last: FeedCursor | null
  has_more: boolean
}

/**
 * The page of the rows changed after the cursor, in their (stamp, id) order: each one
 * `describe`d, or left out when it vanished meanwhile; the cursor moves past all of them.
 */
export function pageOf<R extends { id: string; stamp_text: string }, T>(
  changed: R[],
  limit: number,
  describe: (row: R) => T | undefined
): FeedPage<T> {
  const items: T[] = []
  for (const row of changed) {
    const item = describe(row)
    if (item !== undefined) items.push(item)
  }
  const tail = changed[changed.length - 1]
  return {
    items,
    last: tail ? { t: tail.stamp_text, id: tail.id } : null,
    has_more: changed.length === limit,
  }
}

export type FeedReader = (
  pg: Knex,
  query: FeedQuery,
  container: MedusaContainer
) => Promise<FeedPage<unknown>>
