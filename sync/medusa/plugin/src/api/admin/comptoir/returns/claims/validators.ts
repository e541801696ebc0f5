import { z } from "@medusajs/framework/zod"

export const PostClaim = z.object({
  return_id: z.string().min(1).max(128),
  terminal_id: z.string().min(1).max(64),
  lines: z
    .array(
      z.object({
        origin_sale_id: z.string().min(1).max(128),
        origin_line_no: z.number().int().min(1).max(1000),
        quantity: z.number().int().min(1).max(100_000_000),
      })
    )
    .min(1)
    .max(1000),
})
export type PostClaimBody = z.infer<typeof PostClaim>

export const PostDebit = z.object({
  op_id: z.string().min(1).max(128),
  amount_cents: z.number().int().min(1).max(100_000_000),
  channel: z.enum(["store", "web"]),
})
export type PostDebitBody = z.infer<typeof PostDebit>
