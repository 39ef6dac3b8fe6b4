import { describe, expect, it, vi } from 'vitest'
import { http, HttpResponse } from 'msw'
import { server, API } from '@/test/server'
import { freshPinia } from '@/test/render'
import { anOrder } from '@/test/fixtures'
import { useOrdersStore } from './orders'

describe('orders store', () => {
  it('pages my orders with a status filter', async () => {
    let query: URLSearchParams | undefined
    server.use(
      http.get(`${API}/api/orders`, ({ request }) => {
        query = new URL(request.url).searchParams
        return HttpResponse.json({ content: [anOrder()], page: 1, size: 10, totalElements: 11 })
      }),
    )
    freshPinia()
    const orders = useOrdersStore()
    await orders.loadPage({ status: 'PENDING_PAYMENT', page: 1 })
    expect(query?.get('status')).toBe('PENDING_PAYMENT')
    expect(query?.get('page')).toBe('1')
    expect(orders.totalElements).toBe(11)
  })

  it('moves the tracked order with live events and reads its history again', async () => {
    const reads = vi.fn<() => void>()
    server.use(
      http.get(`${API}/api/orders/:id`, () => {
        reads()
        return HttpResponse.json(anOrder({ status: 'PAID' }))
      }),
    )
    freshPinia()
    const orders = useOrdersStore()
    orders.setLiveProbe(() => true)
    orders.track({ orderId: '7301234567890123456', orderNo: 'S1', status: 'ACCEPTED' }, [])
    expect(orders.tracked?.status).toBe('ACCEPTED')
    await vi.waitFor(() => expect(orders.tracked?.status).toBe('PAID'))

    orders.applyEvent({
      orderId: '7301234567890123456',
      userId: 2,
      status: 'AWAITING_FULFILMENT',
      statusReason: null,
    })
    expect(orders.tracked?.status).toBe('AWAITING_FULFILMENT')
    await vi.waitFor(() => expect(reads).toHaveBeenCalledTimes(2))
  })

  it('does not lose an event that arrives before the 202', () => {
    server.use(
      http.get(`${API}/api/orders/:id`, () =>
        HttpResponse.json({ orderId: '1', status: 'ACCEPTED', items: [] }),
      ),
    )
    freshPinia()
    const orders = useOrdersStore()
    orders.setLiveProbe(() => true)
    orders.applyEvent({ orderId: '1', userId: 2, status: 'PENDING_PAYMENT', statusReason: null })
    orders.track({ orderId: '1', orderNo: 'S1', status: 'ACCEPTED' }, [])
    expect(orders.tracked?.status).toBe('PENDING_PAYMENT')
  })
})
