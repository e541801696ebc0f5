import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answer, originByCode } from "../../../../../returns/desk"

/** `GET /admin/comptoir/origins/:code`: a till sale (its sale id) or a web order (id or
 * number) as a return sees it. Unknown: 404 `not_found`. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await answer(res, async () => ({ origin: await originByCode(req.scope, req.params.code) }))
}
