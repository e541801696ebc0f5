import { model } from "@medusajs/framework/utils"

/** A credit note (avoir): issued by a return ticket's refund tender, spent by debits. */
export const CreditNote = model.define("comptoir_credit_note", {
  id: model.text().primaryKey(), // the code, AV-XXXX-XXXX-XXXX-CC
  issued_cents: model.number(),
  balance_cents: model.number(),
  issued_at: model.dateTime(),
  expires_at: model.dateTime(),
  issued_by: model.text(),
})

/** One spending of a credit note, idempotent by (code, op_id); a reversal puts it back. */
export const CreditNoteDebit = model.define("comptoir_credit_note_debit", {
  id: model.text().primaryKey(), // `${code}|${op_id}`
  code: model.text(),
  op_id: model.text(),
  amount_cents: model.number(),
  channel: model.text(),
  reversed_at: model.dateTime().nullable(),
})
