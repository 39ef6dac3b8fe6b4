import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import { productApi } from '@/api'
import type { Product, ProductStock, StockEvent } from '@/api/types'

export const useProductsStore = defineStore('products', () => {
  const items = ref<Product[]>([])
  const loading = ref(false)
  const error = ref<unknown>(null)
  const loaded = ref(false)

  const byId = computed(() => new Map(items.value.map((p) => [p.id, p])))

  async function load() {
    loading.value = true
    error.value = null
    try {
      items.value = await productApi.list()
      loaded.value = true
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }

  let reloadTimer: ReturnType<typeof setTimeout> | null = null
  /** A product we do not know yet (just created): read the catalogue again, once for a burst. */
  function scheduleReload() {
    if (reloadTimer || !loaded.value) return
    reloadTimer = setTimeout(() => {
      reloadTimer = null
      void load()
    }, 1000)
  }

  /** Live stock from the `stock` event. */
  function applyStock(event: StockEvent) {
    const product = items.value.find((p) => p.id === event.productId)
    if (!product) return scheduleReload()
    product.total = event.total
    product.available = event.available
    product.locked = event.locked
    product.sold = event.sold
    product.sellable = event.sellable
  }

  function applyStockLevels(levels: ProductStock[]) {
    for (const level of levels) applyStock({ ...level, productId: level.id })
  }

  function upsert(product: Product) {
    const index = items.value.findIndex((p) => p.id === product.id)
    if (index >= 0) items.value[index] = { ...items.value[index], ...product }
    else items.value.push(product)
  }

  function remove(id: number) {
    items.value = items.value.filter((p) => p.id !== id)
  }

  function name(id: number): string | undefined {
    return byId.value.get(id)?.name
  }

  return {
    items,
    loading,
    error,
    loaded,
    byId,
    load,
    applyStock,
    applyStockLevels,
    upsert,
    remove,
    name,
  }
})
