import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COMPTOIR_TILL_DAY } from "../../../../../../modules/comptoir-till-day"
import type ComptoirTillDayService from "../../../../../../modules/comptoir-till-day/service"

/**
 * `GET /admin/comptoir/terminals/:terminal_id/approvals`: the managers' approvals this
 * terminal pushed, oldest first, each as the till recorded it (the reference server's
 * `ApprovalPayload`) plus `used_by`: the cash movements and Z reports that name it.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const terminalId = req.params.terminal_id
  const days = req.scope.resolve<ComptoirTillDayService>(COMPTOIR_TILL_DAY)
  const approvals = await days.approvalsOf(terminalId)
  if (approvals.length === 0 && !(await days.knowsTerminal(terminalId))) {
    res.status(404).json({ type: "not_found", message: `No terminal ${terminalId} ever sent anything to this Medusa.` })
    return
  }
  res.json({
    terminal_id: terminalId,
    approvals: approvals.map((row) => ({ ...row.payload, used_by: row.used_by })),
  })
}
