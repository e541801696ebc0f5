import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { BadCursor, decodeCursor, encodeCursor, FeedRefused } from "../../../../../feeds/cursor"
import { FEEDS } from "../../../../../feeds/registry"

export const MAX_LIMIT = 1000

const FeedParams = z
  .object({
    cursor: z.string().max(1024).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(500),
    location_id: z.string().min(1).max(128).optional(),
    sales_channel_id: z.string().min(1).max(128).optional(),
    region_id: z.string().min(1).max(128).optional(),
  })
  .strict()

/**
 * `GET /admin/comptoir/feeds/:feed?cursor=&limit=&location_id=&sales_channel_id=&region_id=`:
 * the rows changed after the cursor, oldest change first, with the cursor to resume from. A caught-up feed
 * gives back the cursor it was given (the till asks again later from there).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const feed = req.params.feed
  const read = FEEDS[feed]
  if (!read) {
    res.status(404).json({ type: "not_found", message: `There is no Comptoir feed ${feed}.` })
    return
  }
  const params = FeedParams.safeParse(req.query)
  if (!params.success) {
    const field = params.error.issues[0]?.path.join(".") || "query"
    res.status(400).json({ type: "invalid_data", message: `Invalid ${field}: ${params.error.issues[0]?.message}` })
    return
  }
  let after
  try {
    after = decodeCursor(feed, params.data.cursor)
  } catch (error) {
    if (error instanceof BadCursor) {
      res.status(400).json({ type: "bad_cursor", message: error.message })
      return
    }
    throw error
  }
  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  let page
  try {
    page = await read(pg, { after, ...params.data }, req.scope)
  } catch (error) {
    if (error instanceof FeedRefused) {
      res.status(400).json({ type: "invalid_data", message: error.message })
      return
    }
    throw error
  }
  const last = page.last ?? after
  res.json({
    feed,
    items: page.items,
    next_cursor: last ? encodeCursor(feed, last) : null,
    has_more: page.has_more,
  })
}
