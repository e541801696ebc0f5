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

export type FeedReader = (
  pg: Knex,
  query: FeedQuery,
  container: MedusaContainer
) => Promise<FeedPage<unknown>>
