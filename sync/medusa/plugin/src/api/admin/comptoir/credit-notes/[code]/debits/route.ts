import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answer, creditNoteView, returnsOf } from "../../../../../../returns/desk"
import type { PostDebitBody } from "../../../returns/claims/validators"

/**
 * `POST /admin/comptoir/credit-notes/:code/debits` {op_id, amount_cents, channel}: spends
 * that much once per op id (a till: `<sale_id>:t<seq>`; the web shop's backend: its order).
 * Short: 409 `credit_note_spent`; expired: 409 `credit_note_expired`; unknown: 404.
 */
export const POST = async (req: MedusaRequest<PostDebitBody>, res: MedusaResponse) => {
  await answer(res, async () => {
    const { note } = await returnsOf(req.scope).debit(req.params.code, req.validatedBody, { force: false })
    return { credit_note: creditNoteView(note) }
  })
}
