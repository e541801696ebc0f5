import { required, type Variant } from "../../operations/sale-stock"
import { orderInput, type SalePayload, vatLabel } from "./plan"

/*
 * The order exactly as `createOrderWorkflow` + our settle used to leave it, built here
 * so Medusa's order module can create it in one call (`createOrdersStep`): the line
 * items as Medusa's `prepareLineItemData` fills them from the fields
 * `createOrderWorkflow` reads of each variant, with the till's tax lines (what
 * `setOrderTaxLinesForItemsStep` wrote) and discounts given inline. Nothing is
 * looked up or recomputed: the till's figures are the order's.
 */

/** The variant fields the sale needs: Medusa's own line-item fields and our stock's. */
export const SALE_VARIANT_FIELDS = [
  "id",
  "title",
  "sku",
  "barcode",
  "manage_inventory",
  "product.id",
  "product.title",
  "product.description",
  "product.subtitle",
  "product.thumbnail",
  "product.type.value",
  "product.type.id",
  "product.collection.title",
  "product.handle",
  "product.discountable",
  "product.shipping_profile.id",
  "inventory_items.inventory_item_id",
  "inventory_items.required_quantity",
  "inventory_items.inventory.id",
  "inventory_items.inventory.title",
  "inventory_items.inventory.sku",
  "inventory_items.inventory.requires_shipping",
]

export function leanOrderInput(
  payload: SalePayload,
  scope: { sales_channel_id: string; region_id: string },
  stockCorrected: boolean,
  variants: Map<string, Variant>
) {
  const base = orderInput(payload, scope, stockCorrected)
  const items = base.items.map((item, index) => {
    const line = payload.sale.lines[index]
    const variant = variants.get(line.variant_id)!
    const product = variant.product ?? null
    return {
      quantity: item.quantity,
      title: item.title,
      subtitle: variant.title,
      thumbnail: product?.thumbnail,
      product_id: product?.id,
      product_title: product?.title,
      product_description: product?.description,
      product_subtitle: product?.subtitle,
      product_type: product?.type?.value ?? null,
      product_type_id: product?.type?.id ?? null,
      product_collection: product?.collection?.title ?? null,
      product_handle: product?.handle,
      variant_id: variant.id,
      variant_sku: variant.sku,
      variant_barcode: variant.barcode,
      variant_title: variant.title,
      is_discountable: product?.discountable,
      is_giftcard: false,
      // createOrderWorkflow does not read the product's shipping profile: its items
      // require shipping when one of their inventory items does.
      requires_shipping: (variant.inventory_items ?? []).some((i) => !!i.inventory?.requires_shipping),
      unit_price: item.unit_price,
      is_tax_inclusive: true,
      is_custom_price: true,
      metadata: item.metadata,
      tax_lines: [
        {
          description: vatLabel(line.vat_bp),
          code: `FR${String(line.vat_bp).padStart(4, "0")}`,
          rate: line.vat_bp / 100,
        },
      ],
      adjustments: item.adjustments,
    }
  })
  return { ...base, items }
}

/** What the fulfilment of one till line holds, as `createOrderFulfillmentWorkflow`
 * makes its fulfilment items (one per inventory item of a managed variant). */
export type LineFulfilment = {
  requires_shipping: boolean
  title: string
  sku: string
  barcode: string
  inventory: { inventory_item_id: string; quantity: number; title: string; sku: string }[]
}

export function lineFulfilments(
  payload: SalePayload,
  variants: Map<string, Variant>
): Record<string, LineFulfilment> {
  return Object.fromEntries(
    payload.sale.lines.map((line) => {
      const variant = variants.get(line.variant_id)!
      const title = variant.title ?? line.name
      const links = variant.manage_inventory ? (variant.inventory_items ?? []) : []
      return [
        String(line.line_no),
        {
          requires_shipping: (variant.inventory_items ?? []).some((i) => !!i.inventory?.requires_shipping),
          title,
          sku: variant.sku || "",
          barcode: variant.barcode || "",
          inventory: links.map((link) => ({
            inventory_item_id: link.inventory_item_id,
            quantity: required(link) * line.quantity,
            title: link.inventory?.title || title,
            sku: link.inventory?.sku || variant.sku || "",
          })),
        },
      ]
    })
  )
}
