import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { applyBatch } from "../../../../operations/dispatch"
import type { PostOperationsBody } from "./validators"

/**
 * `POST /admin/comptoir/operations`: a batch of till operations, each idempotent by its
 * op id, answered one outcome per operation in the batch's order.
 */
export const POST = async (req: MedusaRequest<PostOperationsBody>, res: MedusaResponse) => {
  const { operations, ...scope } = req.validatedBody
  const outcomes = await applyBatch(req.scope, scope, operations)
  res.json({ outcomes })
}
