import { readStock } from "./stock"
import type { FeedReader } from "./types"

/** The delta feeds this plugin serves, by the till's feed name. */
export const FEEDS: Record<string, FeedReader> = {
  stock: readStock,
}
