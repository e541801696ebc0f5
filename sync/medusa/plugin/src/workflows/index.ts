// The plugin's workflows, exported for a store's own code (`comptoir-medusa-plugin/workflows`).
export { applyPickupMoveWorkflow, type PickupMovePlan } from "./pickup-move"
export { recordSaleWorkflow, type RecordSaleInput } from "./record-sale/lean"
export { payTenderWorkflow, settleSaleWorkflow } from "./record-sale/workflows"
export { applyStockMovementWorkflow } from "./stock-movement"
export { recordTillDayWorkflow } from "./till-day"
export { addStaffWorkflow, changeStaffWorkflow } from "./staff"
export { recordTillReturnWorkflow } from "./till-return"
