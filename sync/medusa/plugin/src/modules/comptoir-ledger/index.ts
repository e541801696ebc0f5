import { Module } from "@medusajs/framework/utils"
import ComptoirLedgerService from "./service"

export const COMPTOIR_LEDGER = "comptoir_ledger"

export default Module(COMPTOIR_LEDGER, { service: ComptoirLedgerService })
