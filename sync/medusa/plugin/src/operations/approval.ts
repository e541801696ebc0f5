import { z } from "@medusajs/framework/zod"
import { COMPTOIR_STAFF } from "../modules/comptoir-staff"
import type ComptoirStaffService from "../modules/comptoir-staff/service"
import { Id, Instant, ownTerminal, parsed, record, Terminal } from "./till-day"
import { type Handler, OperationRefused } from "./types"

/** The contract's `ApprovalPayload` (`sync/contract/staff.py`), kept whole as the till sent it. */
const StaffId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/)
const Name = z.string().min(1).max(80)
const ApprovalPayload = z
  .object({
    approval_id: Id,
    terminal_id: Terminal,
    right: z.string().min(1).max(64),
    asked_by: StaffId,
    asked_by_name: Name,
    approved_by: StaffId,
    approved_by_name: Name,
    what: z.string().max(500),
    amount_cents: z.number().int().min(0).nullable(),
    at: Instant,
  })
  .loose()

/** Rights no one approves for someone else (`pos/domain/rights.py` `APPROVABLE`'s complement). */
const NOT_APPROVABLE = new Set(["settings", "staff_admin", "approve"])
/** The roles that hold the right to approve (`Right.APPROVE`). */
const APPROVERS = new Set(["manager", "admin"])

/**
 * `approval`: a manager's PIN-checked yes to a colleague's act, filed once by its op id
 * (its approval id). The till checked the PIN offline against the staff the plugin
 * serves; Medusa checks again what it can: the approver is a manager or admin of this
 * store in the staff module (`approver_lacks_right` otherwise: a till with a stale or
 * local staff list cannot file a cashier's approval as a manager's).
 */
export const approval: Handler = async (context) => {
  const found = parsed(ApprovalPayload, context.op.payload)
  if (found.approval_id !== context.op.op_id) {
    throw new OperationRefused(
      "invalid_payload",
      `An approval's op_id must be its approval_id (${JSON.stringify(found.approval_id)}).`
    )
  }
  ownTerminal(context, found.terminal_id)
  if (found.approved_by === found.asked_by) {
    throw new OperationRefused("self_approval", `${found.approved_by} cannot approve their own act.`)
  }
  if (NOT_APPROVABLE.has(found.right)) {
    throw new OperationRefused("not_approvable", `No one can approve '${found.right}' for someone else.`)
  }
  await checkApprover(context.container.resolve<ComptoirStaffService>(COMPTOIR_STAFF), found, context.scope.stock_location_id)
  return record(context, {
    kind: "approval",
    approval: {
      terminal_id: found.terminal_id,
      location_id: context.scope.stock_location_id,
      op_id: context.op.op_id,
      approval_id: found.approval_id,
      right: found.right,
      asked_by: found.asked_by,
      approved_by: found.approved_by,
      at: found.at,
      payload: context.op.payload,
    },
  })
}

/**
 * A deactivated manager still passes: the approval was given at the till, maybe before
 * the deactivation reached it, and the act it allowed is already done and recorded.
 */
async function checkApprover(
  staff: ComptoirStaffService,
  found: z.infer<typeof ApprovalPayload>,
  locationId: string
): Promise<void> {
  const member = await staff.member(found.approved_by)
  const who = `${found.approved_by_name} (${found.approved_by})`
  if (!member) {
    throw new OperationRefused(
      "approver_lacks_right",
      `${who} is not in this Medusa's Comptoir staff: only a manager or admin of the store may approve '${found.right}'.`
    )
  }
  if (!APPROVERS.has(member.role)) {
    throw new OperationRefused(
      "approver_lacks_right",
      `${who} is a ${member.role}: only a manager or admin may approve '${found.right}'.`
    )
  }
  if (member.location_id !== null && member.location_id !== locationId) {
    throw new OperationRefused(
      "approver_lacks_right",
      `${who} is a ${member.role} of another store: only this store's managers may approve here.`
    )
  }
}
