import { model } from "@medusajs/framework/utils"

/**
 * A terminal's public signing key, registered by `comptoir link-medusa` (the private half
 * never leaves the till). `id` is `<terminal>:<key_id>`. A key after the first carries
 * the previous key's signature over it (`introduction`), checked before it is kept; a
 * second root key for a terminal that already had one is kept but marked `replaced_root`
 * (someone re-linked the terminal from another data folder): the witness then flags
 * every entry of the old chains signed again.
 */
export const TerminalKey = model.define("comptoir_terminal_key", {
  id: model.text().primaryKey(),
  terminal_id: model.text(),
  key_id: model.text(),
  public_pem: model.text(),
  introduced_by: model.text(),
  introduction: model.text(),
  replaced_root: model.boolean().default(false),
})
