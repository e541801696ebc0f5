import { Module } from "@medusajs/framework/utils"
import ComptoirStockMovementService from "./service"

export const COMPTOIR_STOCK_MOVEMENT = "comptoir_stock_movement"

export default Module(COMPTOIR_STOCK_MOVEMENT, { service: ComptoirStockMovementService })
