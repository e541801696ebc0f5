import { z } from "@medusajs/framework/zod"

/**
 * An argon2id PHC string, as `sync/contract/pins.py` makes and the tills verify. A PIN in
 * clear (digits) does not match: Medusa never receives nor keeps a PIN.
 */
export const PIN_HASH = /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/

const PinHash = z.string().max(200).regex(PIN_HASH, "must be the argon2id hash of the PIN, never the PIN")

export const PostStaff = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/).optional(),
    display_name: z.string().min(1).max(80),
    role: z.enum(["cashier", "pickup", "manager", "admin"]),
    pin_hash: PinHash,
    badge: z.string().min(1).max(64).nullish(),
    language: z.enum(["fr", "en"]).default("fr"),
    location_id: z.string().min(1).max(128).nullish(),
    user_id: z.string().min(1).max(128).nullish(),
  })
  .strict()

export type PostStaffBody = z.infer<typeof PostStaff>

export const PostStaffPin = z.object({ pin_hash: PinHash }).strict()

export type PostStaffPinBody = z.infer<typeof PostStaffPin>
