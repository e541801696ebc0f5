import { z } from "@medusajs/framework/zod"
import { canonical } from "./canonical"
import type { ChainEntry } from "./entry"

/** The contract's shapes (`sync/contract/chains.py`): checked before anything is kept. */
const Signature = z.string().regex(/^[A-Za-z0-9+/=]{16,200}$/)
export const ChainSeal = z
  .object({
    terminal_id: z.string().min(1).max(64),
    chain: z.enum(["ticket", "duplicate", "closure", "event", "training"]),
    seq: z.number().int().min(1),
    kind: z.string().min(1).max(64),
    ref: z.string().max(128),
    at: z.string().min(1).max(64),
    key_id: z.string().regex(/^[0-9a-f]{16}$/),
    prev: z.string().regex(/^(GENESIS|sha256:[0-9a-f]{64}|[A-Za-z0-9+/=]{16,200})$/),
    sig: Signature,
  })
  .strict()
export type ChainSeal = z.infer<typeof ChainSeal>

export const ChainEntryPayload = z
  .object({ entry: ChainSeal.extend({ body: z.string().min(2).max(200_000) }).strict() })
  .strict()

/**
 * A sale's ticket entry: its seal with the body rebuilt from the sale record as the till
 * sealed it. The adapter adds each line's `variant_id` (the till names its own product
 * ids, kept too), so that key is the one taken out; any other change to the record
 * leaves a body the signature does not cover.
 */
export function saleEntry(rawSale: unknown, seal: ChainSeal): ChainEntry {
  const sale = { ...(rawSale as Record<string, unknown>) }
  if (Array.isArray(sale.lines)) {
    sale.lines = sale.lines.map((line) => {
      const { variant_id: _variant, ...sealed } = line as Record<string, unknown>
      return sealed
    })
  }
  return { ...seal, body: canonical(sale) }
}
