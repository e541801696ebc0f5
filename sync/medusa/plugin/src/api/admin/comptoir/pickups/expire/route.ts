import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { expirePickups } from "../../../../../pickups/expire"
import type { PostExpireBody } from "./validators"

/**
 * `POST /admin/comptoir/pickups/expire` {now?, location_id?}: the expiry job, run now (as the
 * reference server's expire request), e.g. by a test or a catch-up after downtime.
 */
export const POST = async (req: MedusaRequest<PostExpireBody>, res: MedusaResponse) => {
  const now = req.validatedBody.now ? new Date(req.validatedBody.now) : new Date()
  const { expired, hasMore } = await expirePickups(
    req.scope,
    now,
    req.validatedBody.location_id ?? null
  )
  res.json({
    now: now.toISOString(),
    expired: expired.map((e) => ({
      order_id: e.order_id,
      store_id: e.location_id,
      from_state: e.from_state,
    })),
    has_more: hasMore,
  })
}
