import type { EntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { randomInt } from "node:crypto"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { CartCode } from "./models/cart-code"

/** Crockford's base32 without I, L, O, U: what `sync/contract/codes.py` reads. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
/** How long a code works after the web shop last asked for it (the contract's CART_MAX_DAYS). */
export const CODE_DAYS = 30

export type CartCodeRow = {
  id: string
  cart_id: string
  expires_at: Date
  sale_id: string | null
  converted_at: Date | null
  converted_terminal_id: string | null
  converted_store_id: string | null
}

export type Conversion =
  | { status: "converted"; row: CartCodeRow; now: boolean }
  | { status: "not_found" | "expired" }
  | { status: "other_sale"; row: CartCodeRow }

/** 40 random bits shown `XXXX-XXXX`: not derivable from the cart id, hopeless to guess. */
export function newCode(): string {
  let raw = ""
  for (let i = 0; i < 8; i++) raw += ALPHABET[randomInt(ALPHABET.length)]
  return `${raw.slice(0, 4)}-${raw.slice(4)}`
}

/** Raw rows typed as the table's: the conditional updates below need plain SQL. */
async function rows(manager: EntityManager, sql: string, params: unknown[]): Promise<CartCodeRow[]> {
  return (await manager.execute(sql, params)) as unknown as CartCodeRow[]
}

const COLUMNS = `"id", "cart_id", "expires_at", "sale_id", "converted_at", "converted_terminal_id", "converted_store_id"`

/**
 * Short codes for web carts. Plain SQL with conditional updates: two tills converting
 * the same cart at once cannot both win, and a lost reply asked again gets the same row.
 */
export default class ComptoirCartCodeService extends MedusaService({ CartCode }) {
  /** The cart's code, made on first request; asking again renews an unsold cart's lifetime. */
  @InjectManager()
  async codeFor(
    cartId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ row: CartCodeRow; created: boolean }> {
    const manager = sharedContext.manager as EntityManager
    for (let attempt = 0; ; attempt++) {
      const code = newCode()
      try {
        const [row] = await rows(manager,
          `insert into "comptoir_cart_code" ("id", "cart_id", "expires_at")
           values (?, ?, now() + make_interval(days => ?))
           on conflict ("cart_id") where "deleted_at" is null do update
             set "expires_at" = case when "comptoir_cart_code"."sale_id" is null
                 then excluded."expires_at" else "comptoir_cart_code"."expires_at" end,
               "updated_at" = now()
           returning ${COLUMNS}`,
          [code, cartId, CODE_DAYS]
        )
        return { row, created: row.id === code }
      } catch (error) {
        // Two carts drew the same code (1 in 2^40): draw again.
        if ((error as { code?: string }).code !== "23505" || attempt >= 3) throw error
      }
    }
  }

  @InjectManager()
  async byCode(code: string, @MedusaContext() sharedContext: Context = {}): Promise<CartCodeRow | null> {
    const [row] = await rows(sharedContext.manager as EntityManager,
      `select ${COLUMNS} from "comptoir_cart_code" where "id" = ? and "deleted_at" is null`,
      [code]
    )
    return row ?? null
  }

  /** Records that till sale `saleId` charged the cart: once; the same sale again is a no-op. */
  @InjectManager()
  async convert(
    input: { code: string; sale_id: string; terminal_id: string | null; store_id: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Conversion> {
    const manager = sharedContext.manager as EntityManager
    const [claimed] = await rows(manager,
      `update "comptoir_cart_code" set "sale_id" = ?, "converted_at" = now(),
         "converted_terminal_id" = ?, "converted_store_id" = ?, "updated_at" = now()
       where "id" = ? and "sale_id" is null and "expires_at" > now() and "deleted_at" is null
       returning ${COLUMNS}`,
      [input.sale_id, input.terminal_id, input.store_id, input.code]
    )
    if (claimed) return { status: "converted", row: claimed, now: true }
    const row = await this.byCode(input.code, sharedContext)
    if (!row) return { status: "not_found" }
    if (row.sale_id === input.sale_id) return { status: "converted", row, now: false }
    if (row.sale_id) return { status: "other_sale", row }
    return { status: "expired" }
  }

  /** Undoes a conversion this sale made (a workflow's compensation): never another sale's. */
  @InjectManager()
  async unconvert(
    code: string,
    saleId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await (sharedContext.manager as EntityManager).execute(
      `update "comptoir_cart_code" set "sale_id" = null, "converted_at" = null,
         "converted_terminal_id" = null, "converted_store_id" = null, "updated_at" = now()
       where "id" = ? and "sale_id" = ?`,
      [code, saleId]
    )
  }

  /** Forgets a code just made (a workflow's compensation). */
  @InjectManager()
  async forget(code: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await (sharedContext.manager as EntityManager).execute(
      `delete from "comptoir_cart_code" where "id" = ? and "sale_id" is null`,
      [code]
    )
  }
}
