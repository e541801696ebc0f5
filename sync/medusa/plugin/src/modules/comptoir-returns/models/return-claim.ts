import { model } from "@medusajs/framework/utils"

/**
 * One original line a return ticket takes back (`return_id`: the ticket's sale id).
 * `claimed` before the till hands money out, `recorded` once the ticket is pushed; a
 * ticket made offline whose quantity was no longer returnable is kept all the same
 * (it is a signed fiscal fact) with `conflict` set, for the manager's attention list.
 */
export const ReturnClaim = model.define("comptoir_return_claim", {
  id: model.text().primaryKey(),
  return_id: model.text(),
  terminal_id: model.text(),
  origin_sale_id: model.text(),
  origin_line_no: model.number(),
  quantity: model.number(),
  status: model.text(),
  conflict: model.boolean().default(false),
})
