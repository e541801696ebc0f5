import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ReturnRefused } from "../../../../../../../modules/comptoir-returns/service"
import { answer } from "../../../../../../../returns/desk"
import { findTicketOrderId, readOrigin } from "../../../../../../../returns/origin"

/** `GET /admin/comptoir/terminals/:terminal_id/tickets/:ticket_no`: a till's ticket by its number. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await answer(res, async () => {
    const { terminal_id: terminal, ticket_no: number } = req.params
    const id = /^\d{1,9}$/.test(number) ? await findTicketOrderId(req.scope, terminal, Number(number)) : null
    if (!id) throw new ReturnRefused("not_found", `Terminal ${terminal} has no ticket ${number} in Medusa.`, 404)
    return { origin: await readOrigin(req.scope, id) }
  })
}
