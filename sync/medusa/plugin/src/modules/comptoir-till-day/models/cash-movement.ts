import { model } from "@medusajs/framework/utils"

/** Cash put into or taken out of a terminal's drawer (`id`: `<terminal_id>/<movement_id>`). */
export const CashMovement = model.define("comptoir_cash_movement", {
  id: model.text().primaryKey(),
  terminal_id: model.text(),
  movement_id: model.text(),
  session_id: model.text(),
  location_id: model.text(),
  at: model.text(),
  op_id: model.text(),
  payload: model.json(),
})
