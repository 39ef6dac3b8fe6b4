import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/vue'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { server, API } from '@/test/server'
import { anOrder, problemResponse } from '@/test/fixtures'
import { renderWithApp } from '@/test/render'
import OrderDetailView from './OrderDetailView.vue'

const ID = '7301234567890123456'

describe('OrderDetailView', () => {
  it('shows the state, the items and the timeline from order_status_log', async () => {
    server.use(http.get(`${API}/api/orders/${ID}`, () => HttpResponse.json(anOrder())))
    renderWithApp(OrderDetailView, { props: { id: ID } })
    expect(await screen.findByRole('heading', { name: '订单 S20260101000001' })).toBeInTheDocument()
    expect(within(screen.getByTestId('order-status')).getByText('待支付')).toBeInTheDocument()
    expect(screen.getByText('操作人: system')).toBeInTheDocument()
    expect(screen.getByText('· 原因: stock locked')).toBeInTheDocument()
    expect(screen.getAllByText('¥9,998.00').length).toBeGreaterThan(0)
  })

  it('sends the simulated payment outcome', async () => {
    let outcome: unknown
    server.use(
      http.get(`${API}/api/orders/${ID}`, () => HttpResponse.json(anOrder())),
      http.post(`${API}/api/orders/${ID}/payment`, async ({ request }) => {
        outcome = await request.json()
        return new HttpResponse(null, { status: 202 })
      }),
    )
    renderWithApp(OrderDetailView, { props: { id: ID } })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: '支付成功' }))
    expect(await screen.findByText('支付结果已提交')).toBeInTheDocument()
    expect(outcome).toEqual({ outcome: 'SUCCESS' })
  })

  it('asks for a reason before a refund and shows an illegal transition', async () => {
    server.use(
      http.get(`${API}/api/orders/${ID}`, () =>
        HttpResponse.json(anOrder({ status: 'COMPLETED', actions: ['REQUEST_REFUND'] })),
      ),
      http.post(`${API}/api/orders/${ID}/refund`, () =>
        problemResponse({
          type: '/problems/illegal-transition',
          title: 'Illegal transition',
          status: 409,
          currentStatus: 'REFUNDED',
          action: 'REQUEST_REFUND',
          actions: [],
        }),
      ),
    )
    renderWithApp(OrderDetailView, { props: { id: ID } })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: '申请退款' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: '确定' }))
    expect(await within(dialog).findByText('请填写原因')).toBeInTheDocument()
    await user.type(within(dialog).getByLabelText('原因'), 'arrived broken')
    await user.click(within(dialog).getByRole('button', { name: '确定' }))
    expect(await screen.findByText('当前状态不允许此操作')).toBeInTheDocument()
    expect(
      screen.getByText('订单当前状态为「已退款」，不能执行「REQUEST_REFUND」'),
    ).toBeInTheDocument()
  })

  it('offers exactly the actions the API lists, whatever the state', async () => {
    server.use(
      http.get(`${API}/api/orders/${ID}`, () =>
        HttpResponse.json(anOrder({ status: 'FULFILMENT_FAILED', actions: ['CANCEL'] })),
      ),
    )
    renderWithApp(OrderDetailView, { props: { id: ID } })
    expect(await screen.findByRole('button', { name: '取消订单' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '申请退款' })).toBeNull()
    expect(screen.queryByRole('button', { name: '支付成功' })).toBeNull()
  })
})
