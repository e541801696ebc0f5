import { readCustomers } from "./customers"
import { readStock } from "./stock"
import type { FeedReader } from "./types"

/** The delta feeds this plugin serves, by the till's feed name. */
export const FEEDS: Record<string, FeedReader> = {
  customers: readCustomers,
  stock: readStock,
}
