import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/vue'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse, delay } from 'msw'
import { server, API } from '@/test/server'
import { aProduct } from '@/test/fixtures'
import { renderWithApp, freshPinia } from '@/test/render'
import { useProductsStore } from '@/stores/products'
import { useCartStore } from '@/stores/cart'
import CartDrawer from './CartDrawer.vue'

describe('CartDrawer', () => {
  it('submits the cart as one multi-item order once, then empties it', async () => {
    const requests: { key: string | null; body: unknown }[] = []
    server.use(
      http.post(`${API}/api/orders`, async ({ request }) => {
        requests.push({ key: request.headers.get('Idempotency-Key'), body: await request.json() })
        await delay(50)
        return HttpResponse.json(
          { orderId: '7301234567890123999', orderNo: 'S0002', status: 'ACCEPTED' },
          { status: 202 },
        )
      }),
      http.get(`${API}/api/orders/:id`, () =>
        HttpResponse.json({ orderId: '7301234567890123999', status: 'ACCEPTED', items: [] }),
      ),
    )
    const pinia = freshPinia()
    useProductsStore().items = [
      aProduct({ id: 1 }),
      aProduct({ id: 2, name: '降噪耳机', priceCents: 89900 }),
    ]
    const cart = useCartStore()
    cart.add(2, 1)
    cart.add(1, 2)
    renderWithApp(CartDrawer, { props: { modelValue: true }, pinia })

    expect(await screen.findByText('¥10,897.00')).toBeInTheDocument()
    const user = userEvent.setup()
    await user.dblClick(screen.getByRole('button', { name: '提交订单' }))
    await waitFor(() => expect(cart.lines).toHaveLength(0))
    expect(requests).toHaveLength(1)
    expect(requests[0]!.body).toEqual({
      items: [
        { productId: 1, quantity: 2 },
        { productId: 2, quantity: 1 },
      ],
    })
  })

  it('says so when the cart is empty', async () => {
    renderWithApp(CartDrawer, { props: { modelValue: true } })
    expect(await screen.findByText('购物车是空的，去挑点好东西吧')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '提交订单' })).toBeDisabled()
  })
})
