import { z } from "@medusajs/framework/zod"

export const MAX_OPERATIONS = 500

const Id = z.string().min(1).max(128)

export const PostOperations = z
  .object({
    terminal_id: Id,
    sales_channel_id: Id,
    stock_location_id: Id,
    region_id: Id,
    operations: z
      .array(
        z
          .object({
            op_id: Id,
            kind: z.string().min(1).max(64),
            lane: Id,
            payload: z.record(z.string(), z.unknown()),
          })
          .strict()
      )
      .min(1)
      .max(MAX_OPERATIONS),
  })
  .strict()

export type PostOperationsBody = z.infer<typeof PostOperations>
