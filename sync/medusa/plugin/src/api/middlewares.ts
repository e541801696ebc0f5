import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { PostOperations } from "./admin/comptoir/operations/validators"
import { PostClaim, PostDebit } from "./admin/comptoir/returns/claims/validators"
import { PostExpire } from "./admin/comptoir/pickups/expire/validators"
import { PostStaff, PostStaffPin } from "./admin/comptoir/staff/validators"
import { PostChainBreaks } from "./admin/comptoir/terminals/[terminal_id]/chains/breaks/validators"
import { PostTerminalKeys } from "./admin/comptoir/terminals/[terminal_id]/keys/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/comptoir/operations",
      method: "POST",
      middlewares: [validateAndTransformBody(PostOperations)],
      // A batch of 500 sales is a few MB of JSON.
      bodyParser: { sizeLimit: "16mb" },
    },
    {
      matcher: "/admin/comptoir/pickups/expire",
      method: "POST",
      middlewares: [validateAndTransformBody(PostExpire)],
    },
    {
      matcher: "/admin/comptoir/staff",
      method: "POST",
      middlewares: [validateAndTransformBody(PostStaff)],
    },
    {
      matcher: "/admin/comptoir/staff/:id/pin",
      method: "POST",
      middlewares: [validateAndTransformBody(PostStaffPin)],
    },
    {
      matcher: "/admin/comptoir/terminals/:terminal_id/keys",
      method: "POST",
      middlewares: [validateAndTransformBody(PostTerminalKeys)],
    },
    {
      matcher: "/admin/comptoir/terminals/:terminal_id/chains/breaks",
      method: "POST",
      middlewares: [validateAndTransformBody(PostChainBreaks)],
    },
    {
      matcher: "/admin/comptoir/returns/claims",
      method: "POST",
      middlewares: [validateAndTransformBody(PostClaim)],
    },
    {
      matcher: "/admin/comptoir/credit-notes/:code/debits",
      method: "POST",
      middlewares: [validateAndTransformBody(PostDebit)],
    },
  ],
})
