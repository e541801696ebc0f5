import { model } from "@medusajs/framework/utils"

/**
 * A store's till staff member, as the tills cache them (the contract's `StaffItem`). Not
 * a Medusa user: those are back-office accounts (e-mail, password, invitation) with no
 * role a till knows and no PIN, and most cashiers have neither an e-mail nor any business
 * in Medusa's admin. `user_id` optionally names the Medusa user a manager also is.
 * `pin_hash` is the argon2id hash made by the caller: the PIN itself never reaches
 * Medusa. `version` counts changes; `location_id` null means every store's tills.
 */
export const Staff = model.define("comptoir_staff", {
  id: model.text().primaryKey(),
  display_name: model.text(),
  role: model.enum(["cashier", "pickup", "manager", "admin"]),
  pin_hash: model.text(),
  badge: model.text().nullable(),
  language: model.enum(["fr", "en"]),
  active: model.boolean(),
  version: model.number(),
  location_id: model.text().nullable(),
  user_id: model.text().nullable(),
})
