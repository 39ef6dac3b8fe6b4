import type { OrderStatus, ProductStock, ThroughputPoint } from '@/api/types'
import { ORDER_STATUSES } from '@/api/types'
import { STATUS_COLOR } from '@/domain/orderStates'

/** Pure mappings from API data to ECharts options; the views only pass them to <v-chart>. */

type Translate = (key: string) => string

export const STOCK_COLORS = { available: '#10b981', locked: '#f59e0b', sold: '#6366f1' }
export const THROUGHPUT_COLORS = { accepted: '#10b981', rejected: '#ef4444', total: '#6366f1' }
export const WINDOW_SECONDS = 300

const textStyle = { fontFamily: 'inherit' }
const backgroundColor = 'transparent'

/** Stacked horizontal bars: available / locked / sold per product (they add up to total). */
export function stockBarOption(products: ProductStock[], t: Translate) {
  const series = (['available', 'locked', 'sold'] as const).map((key) => ({
    name: t(`admin.series.${key}`),
    type: 'bar' as const,
    stack: 'stock',
    barMaxWidth: 22,
    itemStyle: { color: STOCK_COLORS[key] },
    emphasis: { focus: 'series' as const },
    data: products.map((p) => p[key]),
  }))
  return {
    backgroundColor,
    textStyle,
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value' as const },
    yAxis: {
      type: 'category' as const,
      inverse: true,
      data: products.map((p) => p.name),
      axisLabel: { width: 110, overflow: 'truncate' as const },
    },
    series,
  }
}

/** One bar per state, in lifecycle order, zero for the states the server did not count. */
/** Current states; PAID is left out: an order passes through it in the payment's transaction. */
export function statusCounts(byStatus: Partial<Record<OrderStatus, number>>) {
  return ORDER_STATUSES.filter((status) => status !== 'PAID').map((status) => ({
    status,
    count: byStatus[status] ?? 0,
  }))
}

export function statusBarOption(byStatus: Partial<Record<OrderStatus, number>>, t: Translate) {
  const counts = statusCounts(byStatus)
  return {
    backgroundColor,
    textStyle,
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' as const, minInterval: 1 },
    yAxis: {
      type: 'category' as const,
      inverse: true,
      data: counts.map((c) => t(`status.${c.status}`)),
    },
    series: [
      {
        name: t('admin.series.orders'),
        type: 'bar' as const,
        barMaxWidth: 18,
        label: { show: true, position: 'right' as const },
        data: counts.map((c) => ({ value: c.count, itemStyle: { color: STATUS_COLOR[c.status] } })),
      },
    ],
  }
}

/** Appends live points, keeps one per second (later wins) and the last WINDOW_SECONDS of them. */
export function mergeThroughput(
  series: ThroughputPoint[],
  incoming: ThroughputPoint[],
  windowSeconds = WINDOW_SECONDS,
): ThroughputPoint[] {
  const bySecond = new Map<number, ThroughputPoint>()
  for (const point of [...series, ...incoming]) {
    const second = Math.floor(Date.parse(point.at) / 1000)
    if (Number.isNaN(second)) continue
    bySecond.set(second, point)
  }
  const seconds = [...bySecond.keys()].sort((a, b) => a - b)
  const newest = seconds.at(-1) ?? 0
  return seconds.filter((s) => s > newest - windowSeconds).map((s) => bySecond.get(s)!)
}

export function throughputTotals(series: ThroughputPoint[]) {
  let accepted = 0
  let rejected = 0
  for (const p of series) {
    accepted += p.accepted
    rejected += p.rejected
  }
  const last = series.at(-1)
  return {
    accepted,
    rejected,
    rejectRate: accepted + rejected === 0 ? 0 : rejected / (accepted + rejected),
    perSecond: last ? last.accepted + last.rejected : 0,
  }
}

export function throughputLineOption(series: ThroughputPoint[], t: Translate) {
  const line = (
    name: string,
    color: string,
    pick: (p: ThroughputPoint) => number,
    area = false,
  ) => ({
    name,
    type: 'line' as const,
    showSymbol: false,
    smooth: false,
    lineStyle: { width: 2, color },
    itemStyle: { color },
    areaStyle: area ? { color, opacity: 0.12 } : undefined,
    data: series.map((p) => [Date.parse(p.at), pick(p)]),
  })
  return {
    backgroundColor,
    textStyle,
    animation: false,
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'time' as const, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value' as const, minInterval: 1, name: '/s' },
    series: [
      line(t('admin.series.total'), THROUGHPUT_COLORS.total, (p) => p.accepted + p.rejected, true),
      line(t('admin.series.accepted'), THROUGHPUT_COLORS.accepted, (p) => p.accepted),
      line(t('admin.series.rejected'), THROUGHPUT_COLORS.rejected, (p) => p.rejected),
    ],
  }
}
