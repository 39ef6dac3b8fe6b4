import { describe, expect, it } from 'vitest'
import { http, HttpResponse } from 'msw'
import { server, API } from '@/test/server'
import { freshPinia } from '@/test/render'
import { anOrder } from '@/test/fixtures'
import type { LogEntry } from '@/api/types'
import { useDashboardStore } from './dashboard'

const entry = (overrides: Partial<LogEntry> = {}): LogEntry => ({
  at: '2026-01-01T10:00:00Z',
  type: 'ORDER',
  orderId: '1',
  productId: 1,
  operator: 'system',
  action: 'PENDING_PAYMENT',
  reason: null,
  ...overrides,
})

describe('dashboard store', () => {
  it('loads the stats and follows the live stream', async () => {
    server.use(
      http.get(`${API}/api/admin/stats`, () =>
        HttpResponse.json({
          ordersByStatus: { PENDING_PAYMENT: 3 },
          paid: 5,
          products: [
            {
              id: 1,
              name: 'A',
              total: 10,
              available: 6,
              locked: 3,
              sold: 1,
              sellable: 5,
              lowStock: false,
            },
          ],
          throughput: [{ at: '2026-01-01T10:00:00Z', accepted: 4, rejected: 1 }],
        }),
      ),
    )
    freshPinia()
    const dashboard = useDashboardStore()
    await dashboard.loadStats()
    expect(dashboard.ordersByStatus.PENDING_PAYMENT).toBe(3)
    expect(dashboard.paid).toBe(5)
    dashboard.pushStats({ at: '2026-01-01T10:00:01Z', accepted: 7, rejected: 2 })
    expect(dashboard.totals).toMatchObject({ accepted: 11, rejected: 3, perSecond: 9 })
    dashboard.applyStock({ productId: 1, total: 10, available: 5, locked: 4, sold: 1, sellable: 4 })
    expect(dashboard.stock[0]).toMatchObject({ available: 5, locked: 4, sellable: 4 })
  })

  it('adds live log lines to the first page only when they match the filters', () => {
    freshPinia()
    const dashboard = useDashboardStore()
    dashboard.logQuery = { type: 'STOCK', page: 0, size: 20 }
    dashboard.applyLog(entry({ type: 'ORDER' }))
    dashboard.applyLog(entry({ type: 'STOCK', action: 'PRELOCK' }))
    expect(dashboard.logs.map((l) => l.action)).toEqual(['PRELOCK'])

    dashboard.logQuery = { type: 'ORDER', page: 1, size: 20 }
    dashboard.applyLog(entry())
    expect(dashboard.logs).toHaveLength(1)

    // the ORDER log holds every transition, fulfilment ones included
    dashboard.logQuery = { type: 'ORDER', page: 0, size: 20 }
    dashboard.applyLog(entry({ type: 'FULFILMENT', action: 'FULFILLING→COMPLETED' }))
    expect(dashboard.logs.map((l) => l.action)).toEqual(['FULFILLING→COMPLETED', 'PRELOCK'])

    dashboard.liveTail = false
    dashboard.applyLog(entry())
    expect(dashboard.logs).toHaveLength(2)
  })

  it('updates the status of a listed order from an order event', () => {
    freshPinia()
    const dashboard = useDashboardStore()
    dashboard.orders = [anOrder({ orderId: '9', status: 'AWAITING_FULFILMENT', items: [] })]
    dashboard.applyOrder({ orderId: '9', userId: 1, status: 'FULFILLING', statusReason: null })
    expect(dashboard.orders[0]!.status).toBe('FULFILLING')
  })

  it('reads every part again after a demo reset and forgets what it showed', async () => {
    const emptyPage = { content: [], totalElements: 0, page: 0, size: 20 }
    server.use(
      http.get(`${API}/api/admin/stats`, () =>
        HttpResponse.json({
          ordersByStatus: { PENDING_PAYMENT: 0 },
          paid: 0,
          products: [],
          throughput: [],
        }),
      ),
      http.get(`${API}/api/admin/inventory/low-stock`, () =>
        HttpResponse.json({ lowStock: [], outOfStock: [] }),
      ),
      http.get(`${API}/api/admin/orders`, () => HttpResponse.json(emptyPage)),
      http.get(`${API}/api/admin/logs`, () => HttpResponse.json(emptyPage)),
    )
    freshPinia()
    const dashboard = useDashboardStore()
    dashboard.paid = 5
    dashboard.throughput = [{ at: '2026-01-01T10:00:00Z', accepted: 4, rejected: 1 }]
    dashboard.orders = [anOrder({ orderId: '9', status: 'AWAITING_FULFILMENT', items: [] })]
    dashboard.logs = [entry()]
    dashboard.recentAlerts = [{ productId: 1, name: 'A', available: 1, warningStock: 5 }]

    await dashboard.reload()

    expect(dashboard.paid).toBe(0)
    expect(dashboard.throughput).toEqual([])
    expect(dashboard.orders).toEqual([])
    expect(dashboard.logs).toEqual([])
    expect(dashboard.recentAlerts).toEqual([])
  })
})
