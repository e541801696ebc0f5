import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COMPTOIR_TILL_DAY } from "../../../../../../modules/comptoir-till-day"
import type ComptoirTillDayService from "../../../../../../modules/comptoir-till-day/service"

/**
 * `GET /admin/comptoir/terminals/:terminal_id/till-acts`: the sales this terminal
 * cancelled (with their lines) and its drawer openings without a sale, oldest first, as
 * the till recorded them (the reference server's `TillActsView`, without `store_id`).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const terminalId = req.params.terminal_id
  const days = req.scope.resolve<ComptoirTillDayService>(COMPTOIR_TILL_DAY)
  const acts = await days.actsOf(terminalId)
  const none = acts.cancelled_sales.length === 0 && acts.drawer_openings.length === 0
  if (none && !(await days.knowsTerminal(terminalId))) {
    res.status(404).json({ type: "not_found", message: `No terminal ${terminalId} ever sent anything to this Medusa.` })
    return
  }
  res.json({ terminal_id: terminalId, ...acts })
}
