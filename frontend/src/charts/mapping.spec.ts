import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/i18n'
import {
  mergeThroughput,
  statusBarOption,
  statusCounts,
  stockBarOption,
  throughputLineOption,
  throughputTotals,
} from './mapping'

const t = createAppI18n('en').global.t as (key: string) => string

describe('chart data mapping', () => {
  it('stacks available, locked and sold per product', () => {
    const option = stockBarOption(
      [
        {
          id: 1,
          name: 'Phone',
          total: 100,
          available: 60,
          locked: 30,
          sold: 10,
          sellable: 58,
          lowStock: false,
        },
        {
          id: 2,
          name: 'Buds',
          total: 50,
          available: 50,
          locked: 0,
          sold: 0,
          sellable: 50,
          lowStock: false,
        },
      ],
      t,
    )
    expect(option.yAxis.data).toEqual(['Phone', 'Buds'])
    expect(option.series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['Available', 'stock', [60, 50]],
      ['Locked', 'stock', [30, 0]],
      ['Sold', 'stock', [10, 0]],
    ])
  })

  it('counts every resting state in lifecycle order, zero when absent', () => {
    const counts = statusCounts({ COMPLETED: 4, PENDING_PAYMENT: 2, PAID: 0 })
    expect(counts).toHaveLength(10)
    expect(counts.map((c) => c.status)).not.toContain('PAID')
    expect(counts[0]).toEqual({ status: 'ACCEPTED', count: 0 })
    expect(counts.find((c) => c.status === 'COMPLETED')?.count).toBe(4)
    const option = statusBarOption({ PENDING_PAYMENT: 2 }, t)
    expect(option.yAxis.data[1]).toBe('Pending payment')
    expect(option.series[0]!.data[1]!.value).toBe(2)
  })

  it('keeps one throughput point per second within the window', () => {
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, s)).toISOString()
    const merged = mergeThroughput(
      [
        { at: at(0), accepted: 1, rejected: 0 },
        { at: at(1), accepted: 2, rejected: 0 },
      ],
      [
        { at: at(1), accepted: 5, rejected: 1 },
        { at: at(4), accepted: 3, rejected: 3 },
      ],
      4,
    )
    expect(merged.map((p) => p.accepted)).toEqual([5, 3])
    expect(throughputTotals(merged)).toEqual({
      accepted: 8,
      rejected: 4,
      rejectRate: 1 / 3,
      perSecond: 6,
    })
  })

  it('draws total, accepted and rejected lines against time', () => {
    const option = throughputLineOption(
      [{ at: '2026-01-01T10:00:00Z', accepted: 3, rejected: 2 }],
      t,
    )
    expect(option.series.map((s) => s.name)).toEqual(['Orders', 'Accepted', 'Rejected'])
    expect(option.series.map((s) => s.data[0]![1])).toEqual([5, 3, 2])
    expect(option.series[0]!.data[0]![0]).toBe(Date.parse('2026-01-01T10:00:00Z'))
  })
})
