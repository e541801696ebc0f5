import { z } from "@medusajs/framework/zod"

/** `POST .../chains/breaks`: the seqs of one chain a push just brought. */
export const PostChainBreaks = z
  .object({
    chain: z.enum(["ticket", "duplicate", "closure", "event", "training"]),
    seqs: z.array(z.number().int().min(1).max(2_000_000_000)).min(1).max(1000),
  })
  .strict()

export type PostChainBreaksBody = z.infer<typeof PostChainBreaks>
