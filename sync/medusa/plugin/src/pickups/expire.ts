import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OperationRefused } from "../operations/types"
import { movePickup } from "./move"
import { DEFAULT_HOLD_DAYS, KEY } from "./rules"

export const EXPIRE_BATCH = 200
const DAY_MS = 24 * 3600 * 1000

export type Expired = { order_id: string; location_id: string; from_state: string }

/** The plugin's options as the store's `medusa-config` gives them. */
export function holdDays(container: MedusaContainer): number {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as any
  const mine = (config?.plugins ?? []).find(
    (p: any) => (typeof p === "string" ? p : p?.resolve) === "comptoir-medusa-plugin"
  )
  const days = mine?.options?.pickup_hold_days
  return typeof days === "number" && days > 0 ? days : DEFAULT_HOLD_DAYS
}

/**
 * Expires the open pickup orders not collected `days` after placement (or after being
 * made ready, whichever is later: as the reference server), releasing their stock.
 * `locationId` limits the run to one store. `hasMore`: the run stopped at its batch size.
 */
export async function expirePickups(
  container: MedusaContainer,
  now: Date,
  locationId: string | null = null,
  days = holdDays(container)
): Promise<{ expired: Expired[]; hasMore: boolean }> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const cutoff = new Date(now.getTime() - days * DAY_MS)
  const found = await pg.raw(
    `SELECT id, metadata->>? AS location, coalesce(metadata->>?, 'received') AS state
       FROM "order"
      WHERE status = 'pending' AND deleted_at IS NULL AND (metadata->>?) IS NOT NULL
        AND coalesce(metadata->>?, 'received') IN ('received', 'preparing', 'ready')
        AND created_at <= ?
        AND coalesce((metadata->>?)::timestamptz, created_at) <= ?
        AND (?::text IS NULL OR metadata->>? = ?)
      ORDER BY created_at LIMIT ?`,
    [
      KEY.location, KEY.state, KEY.code, KEY.state, cutoff, KEY.readyAt, cutoff,
      locationId, KEY.location, locationId, EXPIRE_BATCH + 1,
    ]
  )
  const rows = found.rows as { id: string; location: string; state: string }[]
  const expired: Expired[] = []
  for (const row of rows.slice(0, EXPIRE_BATCH)) {
    try {
      await movePickup(container, {
        order_id: row.id,
        to_state: "expired",
        op_id: `expire:${row.id}`,
        at: now.toISOString(),
      })
      expired.push({ order_id: row.id, location_id: row.location, from_state: row.state })
    } catch (error) {
      // Moved meanwhile (collected, cancelled): no longer this run's to expire.
      if (!(error instanceof OperationRefused)) throw error
    }
  }
  return { expired, hasMore: rows.length > EXPIRE_BATCH }
}
