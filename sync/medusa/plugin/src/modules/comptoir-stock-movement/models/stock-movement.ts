import { model } from "@medusajs/framework/utils"

/**
 * One till stock movement applied to Medusa's inventory levels, keyed by the till's op
 * id. It is written in the same PostgreSQL transaction as the level change, so "this
 * movement was applied" and "the level moved" are one fact: a resend after a crash finds
 * the row and applies nothing again. `levels` is the answer: each inventory level (item,
 * location) with its stocked quantity right after this movement.
 */
export const StockMovement = model.define("comptoir_stock_movement", {
  id: model.text().primaryKey(),
  terminal_id: model.text(),
  variant_id: model.text(),
  sku: model.text(),
  reason: model.text(),
  delta: model.number(),
  ref: model.text().nullable(),
  location_id: model.text(),
  levels: model.json(),
})
