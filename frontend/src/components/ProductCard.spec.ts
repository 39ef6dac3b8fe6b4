import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/vue'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse, delay } from 'msw'
import { server, API } from '@/test/server'
import { aProduct, anOutOfStock, aRateLimit, problemResponse } from '@/test/fixtures'
import { renderWithApp, freshPinia } from '@/test/render'
import { useProductsStore } from '@/stores/products'
import { useOrdersStore } from '@/stores/orders'
import ProductCard from './ProductCard.vue'

function setup(overrides = {}) {
  const pinia = freshPinia()
  const product = aProduct(overrides)
  useProductsStore().items = [product]
  const utils = renderWithApp(ProductCard, { props: { product }, pinia })
  return { ...utils, product, user: userEvent.setup() }
}

function acceptOrders(requests: { key: string | null; body: unknown }[], wait = 50) {
  server.use(
    http.post(`${API}/api/orders`, async ({ request }) => {
      requests.push({ key: request.headers.get('Idempotency-Key'), body: await request.json() })
      await delay(wait)
      return HttpResponse.json(
        { orderId: '7301234567890123456', orderNo: 'S0001', status: 'ACCEPTED' },
        { status: 202 },
      )
    }),
    http.get(`${API}/api/orders/:id`, () =>
      HttpResponse.json({ orderId: '7301234567890123456', status: 'ACCEPTED', items: [] }),
    ),
  )
}

describe('ProductCard (the order form)', () => {
  it('shows the product with its price and live available stock', () => {
    setup()
    expect(screen.getByRole('heading', { name: '限量版手机 Flash Phone' })).toBeInTheDocument()
    expect(screen.getByText('¥4,999.00')).toBeInTheDocument()
    expect(screen.getByTestId('sellable-1')).toHaveTextContent('78')
    expect(screen.getByRole('img', { name: '限量版手机 Flash Phone 的图片' })).toBeInTheDocument()
  })

  it('refuses an empty quantity', async () => {
    const { user } = setup()
    const quantity = screen.getByLabelText('限量版手机 Flash Phone 的购买数量')
    await user.clear(quantity)
    await user.tab()
    expect(await screen.findByText('请输入 1–99 之间的整数')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /立即购买/ })).toBeDisabled()
  })

  it('places one order for a double click, with an Idempotency-Key', async () => {
    const requests: { key: string | null; body: unknown }[] = []
    acceptOrders(requests)
    const { user } = setup()
    const quantity = screen.getByLabelText('限量版手机 Flash Phone 的购买数量')
    await user.clear(quantity)
    await user.type(quantity, '2')
    await user.tab()
    const buy = screen.getByRole('button', { name: /立即购买/ })
    await user.dblClick(buy)
    await waitFor(() => expect(useOrdersStore().tracked?.orderId).toBe('7301234567890123456'))
    expect(requests).toHaveLength(1)
    expect(requests[0]!.body).toEqual({ productId: 1, quantity: 2 })
    expect(requests[0]!.key).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('shows 库存不足 with the numbers when the gate refuses', async () => {
    server.use(http.post(`${API}/api/orders`, () => problemResponse(anOutOfStock(1, 1, 0))))
    const { user } = setup()
    await user.click(screen.getByRole('button', { name: /立即购买/ }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('库存不足')
    expect(alert).toHaveTextContent('限量版手机 Flash Phone：请求 1 件，仅剩 0 件')
  })

  it('waits as long as Retry-After says after a 429', async () => {
    server.use(
      http.post(`${API}/api/orders`, () => problemResponse(aRateLimit(), { 'Retry-After': '5' })),
    )
    const { user } = setup()
    await user.click(screen.getByRole('button', { name: /立即购买/ }))
    expect(await screen.findByRole('alert')).toHaveTextContent('请求过于频繁')
    const button = screen.getByRole('button', { name: /秒后可重试/ })
    expect(button).toBeDisabled()
    expect(button).toHaveTextContent(/[45] 秒后可重试/)
  })

  it('cannot be bought when sold out', () => {
    setup({ sellable: 0 })
    expect(screen.getByRole('button', { name: /已售罄/ })).toBeDisabled()
  })
})
