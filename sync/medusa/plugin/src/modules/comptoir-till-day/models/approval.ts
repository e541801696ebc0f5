import { model } from "@medusajs/framework/utils"

/**
 * A manager's approval of a colleague's act, as the till pushed it (`id`:
 * `<terminal_id>/<approval_id>`). Append-only: a trigger refuses any update or delete
 * (migration `Migration20261206150000`), since an approval is an audit record. The cash
 * movement or Z report that used it names it by `approval_id`.
 */
export const Approval = model.define("comptoir_approval", {
  id: model.text().primaryKey(),
  terminal_id: model.text(),
  approval_id: model.text(),
  location_id: model.text(),
  right: model.text(),
  asked_by: model.text(),
  approved_by: model.text(),
  at: model.text(),
  op_id: model.text(),
  payload: model.json(),
})
