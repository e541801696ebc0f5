import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { COMPTOIR_TILL_DAY } from "../modules/comptoir-till-day"
import type ComptoirTillDayService from "../modules/comptoir-till-day/service"
import type {
  ActInput,
  ApprovalInput,
  ClosingInput,
  MovementInput,
  OpeningInput,
  Recorded,
} from "../modules/comptoir-till-day/service"

export type TillDayRecord =
  | { kind: "till_session_opened"; opening: OpeningInput }
  | { kind: "cash_movement"; movement: MovementInput }
  | { kind: "till_session_closed"; closing: ClosingInput }
  | { kind: "approval"; approval: ApprovalInput }
  | { kind: "act"; act: ActInput }

/**
 * One till-day record in the plugin's tables. No compensation: it is the workflow's only
 * write, made in one transaction, and a till day is only ever amended by the till's next
 * record (a session is closed by its Z, never reopened; an approval is never changed).
 */
const recordTillDayStep = createStep(
  "comptoir-record-till-day",
  async (record: TillDayRecord, { container }) => {
    const days = container.resolve<ComptoirTillDayService>(COMPTOIR_TILL_DAY)
    let recorded: Recorded
    if (record.kind === "till_session_opened") recorded = await days.recordOpening(record.opening)
    else if (record.kind === "cash_movement") recorded = await days.recordMovement(record.movement)
    else if (record.kind === "approval") recorded = await days.recordApproval(record.approval)
    else if (record.kind === "act") recorded = await days.recordAct(record.act)
    else recorded = await days.recordClosing(record.closing)
    return new StepResponse<Recorded>(recorded)
  }
)

/** A till session's opening, cash movement, Z report or approval, kept for the operator. */
export const recordTillDayWorkflow = createWorkflow(
  "comptoir-record-till-day",
  function (record: TillDayRecord) {
    return new WorkflowResponse(recordTillDayStep(record))
  }
)
