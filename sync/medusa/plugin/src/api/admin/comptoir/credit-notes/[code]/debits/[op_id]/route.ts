import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answer, creditNoteView, returnsOf } from "../../../../../../../returns/desk"

/** `DELETE /admin/comptoir/credit-notes/:code/debits/:op_id`: the spending is given back
 * (its sale was abandoned); again, or never debited: nothing changes. */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await answer(res, async () => ({
    credit_note: creditNoteView(await returnsOf(req.scope).reverse(req.params.code, req.params.op_id)),
  }))
}
