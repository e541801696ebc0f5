import { randomInt } from "node:crypto"

/**
 * The pickup journey's rules inside Medusa, the reference server's machine
 * (`sync/contract/pickups.py`): forward-only states, a version that grows by one with
 * each move, kept with the order's metadata so the till's feed reads them back.
 */
export type PickupState =
  | "received"
  | "preparing"
  | "ready"
  | "collected"
  | "partially_collected"
  | "cancelled"
  | "expired"

export const OPEN_STATES: ReadonlySet<PickupState> = new Set(["received", "preparing", "ready"])

export const TRANSITIONS: Record<string, PickupState[]> = {
  received: ["preparing", "cancelled", "expired"],
  preparing: ["ready", "cancelled", "expired"],
  ready: ["collected", "partially_collected", "cancelled", "expired"],
}

/** The states a desk may ask for; `expired` is the expiry run's alone. */
export const DESK_TARGETS: ReadonlySet<string> = new Set([
  "preparing",
  "ready",
  "collected",
  "partially_collected",
  "cancelled",
])

/** Days an open order is held (from placement, or from being made ready) before expiry. */
export const DEFAULT_HOLD_DAYS = 7

/** Metadata keys, shared with the Python adapter (`sync/medusa/pickups.py`). */
export const KEY = {
  state: "comptoir_pickup_state",
  version: "comptoir_version",
  op: "comptoir_op",
  code: "comptoir_pickup_code",
  location: "comptoir_pickup_location",
  picked: "comptoir_picked",
  collected: "comptoir_collected",
  short: "comptoir_stock_short",
  readyAt: "comptoir_ready_at",
  history: "comptoir_history",
} as const

/** Crockford's base32, as `sync/contract/codes.py`. */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/** 40 crypto-random bits shown `XXXX-XXXX`: nothing about the order id is in it. */
export function newPickupCode(): string {
  let symbols = ""
  for (let i = 0; i < 8; i++) symbols += CODE_ALPHABET[randomInt(32)]
  return `${symbols.slice(0, 4)}-${symbols.slice(4)}`
}

export type Metadata = Record<string, unknown>

export function stateOf(order: { status?: string; metadata?: Metadata | null }): PickupState {
  const marked = order.metadata?.[KEY.state]
  if (marked === "expired" || marked === "partially_collected") return marked
  if (order.status === "canceled") return "cancelled"
  if (order.status === "completed") return "collected"
  if (marked === "preparing" || marked === "ready" || marked === "collected") return marked
  return "received"
}

export function versionOf(order: { metadata?: Metadata | null }): number {
  const recorded = order.metadata?.[KEY.version]
  return typeof recorded === "number" && Number.isInteger(recorded) && recorded >= 1 ? recorded : 1
}

/** Counts per SKU (a move's `lines`), or null: "everything". */
export type Counts = Record<string, number> | null

export function countsOf(value: unknown): Record<string, number> {
  const counts: Record<string, number> = {}
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [sku, qty] of Object.entries(value as Record<string, unknown>)) {
      if (typeof qty === "number" && qty >= 0) counts[sku] = qty
    }
  }
  return counts
}
