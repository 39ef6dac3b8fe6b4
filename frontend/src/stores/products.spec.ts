import { describe, expect, it, vi } from 'vitest'
import { http, HttpResponse } from 'msw'
import { server, API } from '@/test/server'
import { freshPinia } from '@/test/render'
import { aProduct } from '@/test/fixtures'
import { useProductsStore } from './products'

describe('products store', () => {
  it('loads the catalogue and applies live stock events', async () => {
    let reads = 0
    server.use(
      http.get(`${API}/api/products`, () => {
        reads++
        return HttpResponse.json([aProduct(), aProduct({ id: 2, name: 'B' })])
      }),
    )
    freshPinia()
    const products = useProductsStore()
    await products.load()
    expect(products.items).toHaveLength(2)

    products.applyStock({
      productId: 2,
      total: 100,
      available: 70,
      locked: 20,
      sold: 10,
      sellable: 65,
    })
    expect(products.byId.get(2)).toMatchObject({
      available: 70,
      locked: 20,
      sold: 10,
      sellable: 65,
    })
    expect(products.byId.get(1)?.sellable).toBe(78)
    products.applyStock({ productId: 99, total: 1, available: 1, locked: 0, sold: 0, sellable: 1 })
    await vi.waitFor(() => expect(reads).toBe(2), { timeout: 2000 })
  })

  it('keeps the failure to show it', async () => {
    server.use(
      http.get(`${API}/api/products`, () =>
        HttpResponse.json({ title: 'Unavailable', status: 503 }, { status: 503 }),
      ),
    )
    freshPinia()
    const products = useProductsStore()
    await products.load()
    expect(products.error).toBeTruthy()
    expect(products.loaded).toBe(false)
  })
})
