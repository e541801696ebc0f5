import type { ILockingModule, InventoryTypes } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createInventoryLevelsStep } from "@medusajs/medusa/core-flows"
import { COMPTOIR_STOCK_MOVEMENT } from "../modules/comptoir-stock-movement"
import type ComptoirStockMovementService from "../modules/comptoir-stock-movement/service"
import type { MovementApplied, MovementInput } from "../modules/comptoir-stock-movement/service"

export type StockMovementWorkflowInput = {
  movement: MovementInput
  /** Levels our location lacks for the movement's items, made at 0 first. */
  missing_levels: InventoryTypes.CreateInventoryLevelInput[]
}

/**
 * The movement and its level changes in one transaction (see the module's service),
 * under Medusa's own lock on the inventory items, the one its inventory steps take.
 * No compensation: it is the last step, and a till movement is only ever undone by
 * another movement from the till.
 */
const applyStockMovementStep = createStep(
  "comptoir-apply-stock-movement",
  async (input: MovementInput, { container }) => {
    const movements = container.resolve<ComptoirStockMovementService>(COMPTOIR_STOCK_MOVEMENT)
    const locking = container.resolve<ILockingModule>(Modules.LOCKING)
    const keys = [...new Set(input.changes.map((change) => change.inventory_item_id))]
    const applied = await locking.execute(keys, () => movements.applyMovement(input))
    return new StepResponse<MovementApplied>(applied)
  }
)

/**
 * A till stock movement at the batch's location: the missing levels made (Medusa's
 * step, deleted again if the movement fails), then the delta applied exactly once.
 */
export const applyStockMovementWorkflow = createWorkflow(
  "comptoir-apply-stock-movement",
  function (input: StockMovementWorkflowInput) {
    when("comptoir-movement-missing-levels", { input }, ({ input }) => input.missing_levels.length > 0).then(
      () => {
        createInventoryLevelsStep(input.missing_levels)
      }
    )
    return new WorkflowResponse(applyStockMovementStep(input.movement))
  }
)
