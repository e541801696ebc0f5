import { z } from "@medusajs/framework/zod"

export const PostExpire = z
  .object({
    now: z.string().datetime({ offset: true }).optional(),
    location_id: z.string().min(1).max(128).optional(),
  })
  .strict()

export type PostExpireBody = z.infer<typeof PostExpire>
