import { model } from "@medusajs/framework/utils"

/**
 * One till operation as the plugin received it: the op id is the till's own, stable
 * across retries, so a re-sent or concurrent duplicate finds this row and gets the
 * first answer. `fingerprint` is a hash of the payload: the same id with other content
 * is refused, never applied. An `in_progress` row older than the lease belongs to a
 * worker that died; the next try claims it again and resumes from `progress`. `instance_id`
 * is the Medusa process holding the claim: when that process stopped beating (see
 * `LedgerInstance`) the claim is taken over without waiting for the lease.
 */
export const TillOperation = model.define("comptoir_till_operation", {
  id: model.text().primaryKey(),
  kind: model.text(),
  terminal_id: model.text(),
  fingerprint: model.text(),
  claim_token: model.text(),
  instance_id: model.text().nullable(),
  status: model.enum(["in_progress", "applied", "rejected"]).default("in_progress"),
  result: model.json().nullable(),
  progress: model.json().nullable(),
})
