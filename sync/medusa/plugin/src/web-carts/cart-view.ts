import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CartCodeRow } from "../modules/comptoir-cart-code/service"

/** Crockford's base32 as the till types it: case, spaces and hyphens ignored, O/I/L read 0/1/1. */
export function normalizeCode(text: string): string | null {
  const raw = text
    .replace(/[\s-]/g, "")
    .toUpperCase()
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1")
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(raw)) return null
  return `${raw.slice(0, 4)}-${raw.slice(4)}`
}

export const CART_QR_PREFIX = "CMPT-CART:"

/**
 * The cart's own figures as Medusa computed them (its prices, promotions, taxes): the
 * till charges exactly these. The same fields as the adapter's `/store/carts` read.
 */
export const CART_FIELDS = [
  "id",
  "email",
  "customer_id",
  "region_id",
  "sales_channel_id",
  "currency_code",
  "completed_at",
  "created_at",
  "updated_at",
  "total",
  "tax_total",
  "discount_total",
  "items.id",
  "items.variant_id",
  "items.variant_sku",
  "items.variant_barcode",
  "items.title",
  "items.variant_title",
  "items.product_title",
  "items.quantity",
  "items.unit_price",
  "items.compare_at_unit_price",
  "items.total",
  "items.discount_total",
  "items.tax_lines.rate",
]

export async function readCart(
  container: MedusaContainer,
  cartId: string
): Promise<Record<string, unknown> | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: CART_FIELDS, filters: { id: cartId } })
  return (data[0] as Record<string, unknown> | undefined) ?? null
}

/** What the till reads: the code's state beside the cart as Medusa prices it. */
export function codeView(row: CartCodeRow, cart: Record<string, unknown>) {
  return {
    code: row.id,
    qr_text: `${CART_QR_PREFIX}${row.id}`,
    state: row.sale_id ? "converted" : "open",
    expires_at: row.expires_at,
    sale_id: row.sale_id,
    converted_at: row.converted_at,
    converted_terminal_id: row.converted_terminal_id,
    converted_store_id: row.converted_store_id,
    cart,
  }
}

/** The code in a typed code or a scanned `CMPT-CART:` QR text; null if neither. */
export function codeOf(text: string): string | null {
  // Express has already decoded the path parameter.
  return normalizeCode(text.startsWith(CART_QR_PREFIX) ? text.slice(CART_QR_PREFIX.length) : text)
}

export function convertedMessage(row: CartCodeRow): string {
  const at = row.converted_at instanceof Date ? row.converted_at.toISOString() : String(row.converted_at)
  const where = row.converted_store_id ? ` of ${row.converted_store_id}` : ""
  return `Cart ${row.id} already became sale ${row.sale_id} at terminal ${row.converted_terminal_id ?? "?"}${where} at ${at}.`
}
