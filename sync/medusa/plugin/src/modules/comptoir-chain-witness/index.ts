import { Module } from "@medusajs/framework/utils"
import ComptoirChainWitnessService from "./service"

export const COMPTOIR_CHAIN_WITNESS = "comptoir_chain_witness"

export default Module(COMPTOIR_CHAIN_WITNESS, { service: ComptoirChainWitnessService })
