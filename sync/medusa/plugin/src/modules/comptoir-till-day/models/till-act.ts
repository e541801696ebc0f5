import { model } from "@medusajs/framework/utils"

/*
 * A till act kept beside the till day, as the till pushed it (`id`:
 * `<terminal_id>/<act_id>`): append-only like the approvals (a trigger refuses update
 * and delete). `approval_id` names the manager's approval that allowed it, if any.
 */
const fields = {
  id: model.text().primaryKey(),
  terminal_id: model.text(),
  act_id: model.text(),
  location_id: model.text(),
  at: model.text(),
  op_id: model.text(),
  approval_id: model.text().nullable(),
  payload: model.json(),
}

/** A sale cancelled before completion, with its lines (`act_id`: the sale id). */
export const CancelledSale = model.define("comptoir_cancelled_sale", { ...fields })

/** The cash drawer opened without a sale, with its reason (`act_id`: the opening id). */
export const DrawerOpening = model.define("comptoir_drawer_opening", { ...fields })
