import type { MedusaContainer } from "@medusajs/framework/types"
import { expirePickups } from "../pickups/expire"

/** Hourly: no-show pickup orders past their hold give their stock back. */
export default async function expirePickupsJob(container: MedusaContainer) {
  for (let run = 0; run < 50; run++) {
    const { hasMore } = await expirePickups(container, new Date())
    if (!hasMore) return
  }
}

export const config = { name: "comptoir-expire-pickups", schedule: "17 * * * *" }
