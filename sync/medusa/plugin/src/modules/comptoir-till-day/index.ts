import { Module } from "@medusajs/framework/utils"
import ComptoirTillDayService from "./service"

export const COMPTOIR_TILL_DAY = "comptoir_till_day"

export default Module(COMPTOIR_TILL_DAY, { service: ComptoirTillDayService })
