import { model } from "@medusajs/framework/utils"

/**
 * The short code a customer reads out (or shows as a QR) at the till for a web cart.
 * A cart has one code, a code one cart; `sale_id` is the till sale that charged the
 * cart: set once, so the same cart can never be sold twice, and the same sale asking
 * again (a retry after a lost reply) gets the same answer.
 */
export const CartCode = model.define("comptoir_cart_code", {
  id: model.text().primaryKey(), // the canonical code, "K7M2-Q9XD"
  cart_id: model.text().unique(),
  expires_at: model.dateTime(),
  sale_id: model.text().nullable(),
  converted_at: model.dateTime().nullable(),
  converted_terminal_id: model.text().nullable(),
  converted_store_id: model.text().nullable(),
})
