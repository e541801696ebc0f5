import { Module } from "@medusajs/framework/utils"
import ComptoirCartCodeService from "./service"

export const COMPTOIR_CART_CODE = "comptoir_cart_code"

export default Module(COMPTOIR_CART_CODE, { service: ComptoirCartCodeService })
