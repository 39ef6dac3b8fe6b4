import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/vue'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { server, API } from '@/test/server'
import { anOrder } from '@/test/fixtures'
import { renderWithApp } from '@/test/render'
import AdminOrderActions from './AdminOrderActions.vue'

const ID = '7301234567890123456'

function recordFulfilment() {
  const bodies: unknown[] = []
  server.use(
    http.post(`${API}/api/admin/orders/${ID}/fulfilment`, async ({ request }) => {
      bodies.push(await request.json())
      return new HttpResponse(null, { status: 202 })
    }),
  )
  return bodies
}

describe('AdminOrderActions', () => {
  it('starts the fulfilment of an order awaiting it, with a reason', async () => {
    const bodies = recordFulfilment()
    renderWithApp(AdminOrderActions, {
      props: {
        order: anOrder({ status: 'AWAITING_FULFILMENT', actions: ['CANCEL', 'START_FULFILMENT'] }),
      },
    })
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: '开始履约' }))
    const dialog = await screen.findByRole('dialog', { name: '开始履约：订单 S20260101000001' })
    await user.type(within(dialog).getByLabelText('原因'), 'packed')
    await user.click(within(dialog).getByRole('button', { name: '确定' }))
    expect(await screen.findByText('开始履约：已提交')).toBeInTheDocument()
    expect(bodies).toEqual([{ action: 'START', reason: 'packed' }])
  })

  it('needs a reason to fail a fulfilment', async () => {
    const bodies = recordFulfilment()
    renderWithApp(AdminOrderActions, {
      props: {
        order: anOrder({
          status: 'FULFILLING',
          actions: ['COMPLETE_FULFILMENT', 'FAIL_FULFILMENT'],
        }),
      },
    })
    const user = userEvent.setup()
    expect(screen.getByRole('button', { name: '履约完成' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '履约失败' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: '确定' }))
    expect(await within(dialog).findByText('需要告知顾客原因，请填写')).toBeInTheDocument()
    expect(bodies).toEqual([])
  })

  it('approves a refund of an after-sale order', async () => {
    let body: unknown
    server.use(
      http.post(`${API}/api/admin/orders/${ID}/refund-decision`, async ({ request }) => {
        body = await request.json()
        return new HttpResponse(null, { status: 202 })
      }),
    )
    renderWithApp(AdminOrderActions, {
      props: {
        order: anOrder({ status: 'AFTER_SALE', actions: ['APPROVE_REFUND', 'REJECT_REFUND'] }),
      },
    })
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: '同意退款' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: '确定' }))
    expect(await screen.findByText('同意退款：已提交')).toBeInTheDocument()
    expect(body).toEqual({ approve: true, reason: '' })
  })

  it('shows exactly the actions the API lists, naming a restart after a failure a retry', () => {
    renderWithApp(AdminOrderActions, {
      props: {
        order: anOrder({ status: 'FULFILMENT_FAILED', actions: ['CANCEL', 'START_FULFILMENT'] }),
      },
    })
    const buttons = screen.getAllByRole('button').map((button) => button.textContent?.trim())
    expect(buttons).toEqual(['重新履约', '取消订单'])
  })

  it('shows nothing when the API lists nothing', () => {
    renderWithApp(AdminOrderActions, {
      props: { order: anOrder({ status: 'COMPLETED', actions: [] }) },
    })
    expect(screen.queryAllByRole('button')).toEqual([])
  })
})
