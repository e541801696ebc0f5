import { z } from "@medusajs/framework/zod"

/** The contract's `TerminalKey` (sync/contract/chains.py), a terminal's keys in order. */
const TerminalKey = z
  .object({
    key_id: z.string().regex(/^[0-9a-f]{16}$/),
    public_pem: z.string().min(100).max(400),
    introduced_by: z.string().regex(/^([0-9a-f]{16})?$/).default(""),
    introduction: z.string().regex(/^([A-Za-z0-9+/=]{16,200})?$/).default(""),
  })
  .strict()

export const PostTerminalKeys = z.object({ keys: z.array(TerminalKey).min(1).max(50) }).strict()

export type PostTerminalKeysBody = z.infer<typeof PostTerminalKeys>
