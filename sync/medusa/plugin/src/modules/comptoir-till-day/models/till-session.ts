import { model } from "@medusajs/framework/utils"

/**
 * One till session of a terminal (`id` is `<terminal_id>/<session_id>`: sessions are per
 * terminal, so two tills never share one). `opened` is the opening as the till pushed it
 * (or the Z's header when the Z came first); `z_report` the whole Z once closed, with the
 * op id that closed it: a second Z is refused, a resend of the same one is not.
 */
export const TillSession = model.define("comptoir_till_session", {
  id: model.text().primaryKey(),
  terminal_id: model.text(),
  session_id: model.text(),
  location_id: model.text(),
  status: model.enum(["open", "closed"]),
  opened_at: model.text(),
  opened: model.json(),
  z_report: model.json().nullable(),
  z_op_id: model.text().nullable(),
})
