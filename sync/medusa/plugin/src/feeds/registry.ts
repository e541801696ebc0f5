import { readCatalog } from "./catalog"
import { readCustomers } from "./customers"
import { readPickups } from "./pickups"
import { readStaff } from "./staff"
import { readStock } from "./stock"
import type { FeedReader } from "./types"

/** The delta feeds this plugin serves, by the till's feed name. */
export const FEEDS: Record<string, FeedReader> = {
  catalog: readCatalog,
  customers: readCustomers,
  pickups: readPickups,
  staff: readStaff,
  stock: readStock,
}
