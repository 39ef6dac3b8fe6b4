import { computed, ref, watch } from 'vue'
import { defineStore } from 'pinia'
import { orderApi, ApiError } from '@/api'
import type { OrderAccepted, OrderLine, PlaceOrderRequest } from '@/api/types'
import { IdempotentSubmitter } from '@/domain/idempotentSubmit'
import { useProductsStore } from './products'
import { useOrdersStore } from './orders'

const STORAGE_KEY = 'surge.cart'
export const MAX_PER_LINE = 99

function loadLines(): OrderLine[] {
  try {
    const lines = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as OrderLine[]
    return Array.isArray(lines) ? lines.filter((l) => l.productId && l.quantity > 0) : []
  } catch {
    return []
  }
}

export const useCartStore = defineStore('cart', () => {
  const products = useProductsStore()
  const orders = useOrdersStore()
  const lines = ref<OrderLine[]>(loadLines())
  const submitting = ref(false)
  /** epoch millis before which a new submission would only be refused again (Retry-After). */
  const retryAt = ref(0)
  const submitter = new IdempotentSubmitter<PlaceOrderRequest, OrderAccepted>((body, key) =>
    orderApi.place(body, key),
  )

  watch(lines, (value) => localStorage.setItem(STORAGE_KEY, JSON.stringify(value)), { deep: true })

  const count = computed(() => lines.value.reduce((sum, l) => sum + l.quantity, 0))
  const detailed = computed(() =>
    lines.value.map((line) => {
      const product = products.byId.get(line.productId)
      return {
        ...line,
        product,
        subtotalCents: (product?.priceCents ?? 0) * line.quantity,
      }
    }),
  )
  const totalCents = computed(() => detailed.value.reduce((sum, l) => sum + l.subtotalCents, 0))

  function add(productId: number, quantity = 1) {
    const line = lines.value.find((l) => l.productId === productId)
    if (line) line.quantity = Math.min(MAX_PER_LINE, line.quantity + quantity)
    else lines.value.push({ productId, quantity: Math.min(MAX_PER_LINE, quantity) })
  }

  function setQuantity(productId: number, quantity: number) {
    const line = lines.value.find((l) => l.productId === productId)
    if (line) line.quantity = Math.max(1, Math.min(MAX_PER_LINE, Math.floor(quantity)))
  }

  function remove(productId: number) {
    lines.value = lines.value.filter((l) => l.productId !== productId)
  }

  function clear() {
    lines.value = []
  }

  async function place(body: PlaceOrderRequest): Promise<OrderAccepted> {
    try {
      const accepted = await submitter.submit(body)
      const items = 'items' in body ? body.items : [body]
      orders.track(
        accepted,
        items.map((l) => ({
          ...l,
          productName: products.name(l.productId),
          unitPriceCents: products.byId.get(l.productId)?.priceCents,
        })),
      )
      return accepted
    } catch (error) {
      if (error instanceof ApiError && error.retryAfter !== null) {
        retryAt.value = Date.now() + error.retryAfter * 1000
      }
      throw error
    }
  }

  /** Buy one product at once, without touching the cart. */
  function buyNow(productId: number, quantity: number) {
    return place({ productId, quantity })
  }

  /** Place the whole cart as one order; the cart is emptied once the order is accepted. */
  async function checkout() {
    const items = lines.value.map((l) => ({ productId: l.productId, quantity: l.quantity }))
    const body: PlaceOrderRequest =
      items.length === 1
        ? (items[0] as OrderLine)
        : { items: [...items].sort((a, b) => a.productId - b.productId) }
    submitting.value = true
    try {
      const accepted = await place(body)
      clear()
      return accepted
    } finally {
      submitting.value = false
    }
  }

  return {
    lines,
    submitting,
    retryAt,
    count,
    detailed,
    totalCents,
    add,
    setQuantity,
    remove,
    clear,
    buyNow,
    checkout,
  }
})
