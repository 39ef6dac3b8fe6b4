import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/vue'
import userEvent from '@testing-library/user-event'
import { anOrder } from '@/test/fixtures'
import { renderWithApp } from '@/test/render'
import OrderTable from './OrderTable.vue'

const order = anOrder({ status: 'AWAITING_FULFILMENT', actions: ['START_FULFILMENT'] })

describe('OrderTable', () => {
  it('opens a customer’s order from its row', async () => {
    const { router } = renderWithApp(OrderTable, { props: { orders: [order], loading: false } })
    expect(await screen.findByRole('link', { name: 'S20260101000001' })).toHaveAttribute(
      'href',
      `/orders/${order.orderId}`,
    )
    expect(screen.queryByRole('button', { name: '开始履约' })).not.toBeInTheDocument()
    await userEvent.setup().click(screen.getByText('限量版手机 Flash Phone × 2'))
    await expect.poll(() => router.currentRoute.value.path).toBe(`/orders/${order.orderId}`)
  })

  it('shows the admin who ordered and what may be done', async () => {
    renderWithApp(OrderTable, { props: { orders: [order], loading: false, admin: true } })
    const row = (await screen.findByRole('link', { name: 'S20260101000001' })).closest('tr')!
    expect(within(row).getByRole('link')).toHaveAttribute('href', `/admin/orders/${order.orderId}`)
    expect(within(row).getByText('#2')).toBeInTheDocument()
    expect(within(row).getByRole('button', { name: '开始履约' })).toBeInTheDocument()
  })
})
