import { Module } from "@medusajs/framework/utils"
import ComptoirReturnsService from "./service"

export const COMPTOIR_RETURNS = "comptoir_returns"

export default Module(COMPTOIR_RETURNS, { service: ComptoirReturnsService })
