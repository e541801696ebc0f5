import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { COMPTOIR_STAFF } from "../modules/comptoir-staff"
import type ComptoirStaffService from "../modules/comptoir-staff/service"
import type { NewStaff, StaffRow } from "../modules/comptoir-staff/service"

const addStaffStep = createStep(
  "comptoir-add-staff",
  async (input: NewStaff, { container }) => {
    const staff = container.resolve<ComptoirStaffService>(COMPTOIR_STAFF)
    const row = await staff.addStaff(input)
    return new StepResponse<StaffRow, string>(row, row.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<ComptoirStaffService>(COMPTOIR_STAFF).removeStaff(id)
  }
)

export type StaffChange = { id: string; active?: boolean; pin_hash?: string }

const changeStaffStep = createStep(
  "comptoir-change-staff",
  async (input: StaffChange, { container }) => {
    const staff = container.resolve<ComptoirStaffService>(COMPTOIR_STAFF)
    const { before, after } = await staff.changeStaff(input.id, input)
    return new StepResponse<StaffRow, StaffRow>(after, before)
  },
  async (before, { container }) => {
    // Back to what it was (a new version: the tills that saw the change see it undone).
    if (before) {
      await container
        .resolve<ComptoirStaffService>(COMPTOIR_STAFF)
        .changeStaff(before.id, { active: before.active, pin_hash: before.pin_hash })
    }
  }
)

/** A new till staff member (a store's own code may add steps after it, e.g. a welcome). */
export const addStaffWorkflow = createWorkflow("comptoir-add-staff", function (input: NewStaff) {
  return new WorkflowResponse(addStaffStep(input))
})

/** A member deactivated or reactivated, or given a new PIN hash. */
export const changeStaffWorkflow = createWorkflow("comptoir-change-staff", function (input: StaffChange) {
  return new WorkflowResponse(changeStaffStep(input))
})
