import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COMPTOIR_TILL_DAY } from "../../../../../../modules/comptoir-till-day"
import type ComptoirTillDayService from "../../../../../../modules/comptoir-till-day/service"

/** The adapter's `store_slug`: a store id from a location's name ("Paris Rivoli" → "paris-rivoli"). */
export function storeSlug(name: string): string {
  const ascii = name.normalize("NFKD").replace(/[^\x00-\x7f]/g, "")
  const slug = ascii.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")
  return (slug || "store").slice(0, 64)
}

/**
 * `GET /admin/comptoir/terminals/:terminal_id/sessions`: the terminal's latest till
 * sessions, newest first, each with its opening, cash movements and Z report (null while
 * open): the reference server's `SessionsView` (`sync/contract/till_days.py`). The store
 * id is the one the adapter derives from the sessions' stock location name.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const terminalId = req.params.terminal_id
  const days = req.scope.resolve<ComptoirTillDayService>(COMPTOIR_TILL_DAY)
  const sessions = await days.sessionsOf(terminalId)
  if (sessions.length === 0 && !(await days.knowsTerminal(terminalId))) {
    res.status(404).json({ type: "not_found", message: `No terminal ${terminalId} ever sent anything to this Medusa.` })
    return
  }
  let storeId: string | null = null
  if (sessions.length > 0) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "stock_location",
      fields: ["id", "name"],
      filters: { id: sessions[0].location_id },
    })
    storeId = storeSlug(String((data[0] as { name?: string } | undefined)?.name ?? ""))
  }
  res.json({
    store_id: storeId,
    terminal_id: terminalId,
    sessions: sessions.map((s) => ({
      session_id: s.session_id,
      status: s.status,
      opened: s.opened,
      movements: s.movements,
      z_report: s.z_report,
    })),
  })
}
