import { describe, expect, it } from 'vitest'
import { freshPinia } from '@/test/render'
import { aProduct } from '@/test/fixtures'
import { useProductsStore } from './products'
import { useCartStore, MAX_PER_LINE } from './cart'

describe('cart store', () => {
  it('merges lines of one product, caps the quantity and totals in cents', () => {
    freshPinia()
    useProductsStore().items = [
      aProduct({ id: 1, priceCents: 1050 }),
      aProduct({ id: 2, priceCents: 200 }),
    ]
    const cart = useCartStore()
    cart.add(1, 2)
    cart.add(1, 3)
    cart.add(2, 1)
    expect(cart.lines).toEqual([
      { productId: 1, quantity: 5 },
      { productId: 2, quantity: 1 },
    ])
    expect(cart.count).toBe(6)
    expect(cart.totalCents).toBe(5450)
    cart.setQuantity(2, 500)
    expect(cart.lines[1]!.quantity).toBe(MAX_PER_LINE)
    cart.remove(1)
    expect(cart.lines).toHaveLength(1)
  })
})
