import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shown } from "../../../../../../modules/comptoir-staff/service"
import { changeStaffWorkflow } from "../../../../../../workflows/staff"
import type { PostStaffPinBody } from "../../validators"

/** `POST /admin/comptoir/staff/:id/pin` {pin_hash}: a new PIN, as its argon2id hash only. */
export const POST = async (req: MedusaRequest<PostStaffPinBody>, res: MedusaResponse) => {
  const { result } = await changeStaffWorkflow(req.scope).run({
    input: { id: req.params.id, pin_hash: req.validatedBody.pin_hash },
  })
  res.json({ staff: shown(result) })
}
