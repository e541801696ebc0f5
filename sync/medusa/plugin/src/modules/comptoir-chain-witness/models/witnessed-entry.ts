import { model } from "@medusajs/framework/utils"

/**
 * One chain entry as the till pushed it, with the witness's verdict. `id` is
 * `<terminal>:<chain>:<seq>:<hash of the signature and body>`, so the same entry sent again
 * finds its first verdict. Only `witnessed` entries (signature valid under a registered
 * key, first for their seq) make the chain the later ones are checked against; the others
 * (`bad_signature`, `unknown_key`, `chain_rewrite`, or `not_witnessed` for a terminal that
 * registered no key) are kept as evidence. `body` is null for a ticket: its sale record
 * is the order's (metadata `comptoir_seal` holds the rest).
 */
export const WitnessedEntry = model.define("comptoir_chain_entry", {
  id: model.text().primaryKey(),
  terminal_id: model.text(),
  chain: model.text(),
  seq: model.number(),
  kind: model.text(),
  ref: model.text(),
  at: model.text(),
  key_id: model.text(),
  prev: model.text(),
  sig: model.text(),
  body: model.text().nullable(),
  op_id: model.text(),
  verdict: model.text(),
  warnings: model.json(),
})
