import { Module } from "@medusajs/framework/utils"
import ComptoirStaffService from "./service"

export const COMPTOIR_STAFF = "comptoir_staff"

export default Module(COMPTOIR_STAFF, { service: ComptoirStaffService })
