import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shown } from "../../../../../../modules/comptoir-staff/service"
import { changeStaffWorkflow } from "../../../../../../workflows/staff"

/**
 * `POST /admin/comptoir/staff/:id/deactivate`: the member can no longer sign in at any
 * till once it pulled the `staff` feed (kept, never deleted: their sales name them).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { result } = await changeStaffWorkflow(req.scope).run({
    input: { id: req.params.id, active: false },
  })
  res.json({ staff: shown(result) })
}
