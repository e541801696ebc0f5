import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answer, returnsOf } from "../../../../../../returns/desk"

/** `DELETE /admin/comptoir/returns/claims/:return_id`: the return was abandoned before it
 * was committed; its quantities are returnable again. Recorded: 409 `claim_consumed`. */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await answer(res, async () => {
    await returnsOf(req.scope).release(req.params.return_id)
    return { return_id: req.params.return_id, released: true }
  })
}
