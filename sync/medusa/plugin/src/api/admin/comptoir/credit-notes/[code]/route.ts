import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ReturnRefused } from "../../../../../modules/comptoir-returns/service"
import { answer, creditNoteView, returnsOf } from "../../../../../returns/desk"

/** `GET /admin/comptoir/credit-notes/:code`: its balance and state. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await answer(res, async () => {
    const note = await returnsOf(req.scope).creditNote(req.params.code)
    if (!note) throw new ReturnRefused("not_found", `There is no credit note ${req.params.code}.`, 404)
    return { credit_note: creditNoteView(note) }
  })
}
