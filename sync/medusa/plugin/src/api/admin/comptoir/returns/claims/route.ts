import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answer, returnsOf, withLimits } from "../../../../../returns/desk"
import type { PostClaimBody } from "./validators"

/**
 * `POST /admin/comptoir/returns/claims` {return_id, terminal_id, lines}: takes these
 * quantities back for the return ticket `return_id`, atomically (two tills at once:
 * one wins, the other is answered 409 `not_returnable`). The same claim again answers
 * the same (idempotent by `return_id`).
 */
export const POST = async (req: MedusaRequest<PostClaimBody>, res: MedusaResponse) => {
  const body = req.validatedBody
  await answer(res, async () => {
    const lines = await withLimits(req.scope, body.lines)
    const claimed = await returnsOf(req.scope).claim(body.return_id, body.terminal_id, lines, {
      recorded: false,
      force: false,
    })
    return {
      return_id: body.return_id,
      lines: claimed.lines.map(({ origin_sale_id, origin_line_no, quantity, remaining_after }) => ({
        origin_sale_id,
        origin_line_no,
        quantity,
        remaining_after,
      })),
    }
  })
}
