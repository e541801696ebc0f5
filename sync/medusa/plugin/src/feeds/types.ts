import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { FeedCursor } from "./cursor"

export type FeedQuery = {
  after: FeedCursor | null
  limit: number
  location_id?: string
}

export type FeedPage<T> = {
  items: T[]
  /** The last row read (null: nothing read, the cursor stays). */
  last: FeedCursor | null
  has_more: boolean
}

export type FeedReader = (pg: Knex, query: FeedQuery) => Promise<FeedPage<unknown>>
