import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { generateEntityId } from "@medusajs/framework/utils"
import { shown } from "../../../../modules/comptoir-staff/service"
import { addStaffWorkflow } from "../../../../workflows/staff"
import type { PostStaffBody } from "./validators"

/**
 * `POST /admin/comptoir/staff` {id?, display_name, role, pin_hash, badge?, language?,
 * location_id?, user_id?}: a till staff member, served to the tills by the `staff` feed.
 * `pin_hash` is the argon2id hash the caller made (`comptoir staff` hashes it at the
 * manager's till); the answer leaves it out.
 */
export const POST = async (req: MedusaRequest<PostStaffBody>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await addStaffWorkflow(req.scope).run({
    input: {
      id: body.id ?? generateEntityId("", "stf"),
      display_name: body.display_name,
      role: body.role,
      pin_hash: body.pin_hash,
      badge: body.badge ?? null,
      language: body.language,
      location_id: body.location_id ?? null,
      user_id: body.user_id ?? null,
    },
  })
  res.status(201).json({ staff: shown(result) })
}
