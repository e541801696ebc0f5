// The plugin's workflows, exported for a store's own code (`comptoir-medusa-plugin/workflows`).
export {
  payTenderWorkflow,
  recordSaleOrderWorkflow,
  settleSaleWorkflow,
} from "./record-sale/workflows"
