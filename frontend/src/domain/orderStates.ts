import { ORDER_STATUSES } from '@/api/types'
import type { OrderStatus } from '@/api/types'

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export const STATUS_TAG: Record<OrderStatus, TagType> = {
  ACCEPTED: 'info',
  PENDING_PAYMENT: 'warning',
  PAID: 'primary',
  AWAITING_FULFILMENT: 'primary',
  FULFILLING: 'primary',
  COMPLETED: 'success',
  REJECTED: 'danger',
  CANCELLED: 'info',
  FULFILMENT_FAILED: 'danger',
  AFTER_SALE: 'warning',
  REFUNDED: 'info',
}

/** Chart colours per state, in the order the happy path runs. */
export const STATUS_COLOR: Record<OrderStatus, string> = {
  ACCEPTED: '#94a3b8',
  PENDING_PAYMENT: '#f59e0b',
  PAID: '#6366f1',
  AWAITING_FULFILMENT: '#3b82f6',
  FULFILLING: '#06b6d4',
  COMPLETED: '#10b981',
  REJECTED: '#ef4444',
  CANCELLED: '#64748b',
  FULFILMENT_FAILED: '#dc2626',
  AFTER_SALE: '#f97316',
  REFUNDED: '#a855f7',
}

/** The happy path, for the progress steps of an order: the lifecycle up to COMPLETED. */
export const HAPPY_PATH: readonly OrderStatus[] = ORDER_STATUSES.slice(
  0,
  ORDER_STATUSES.indexOf('COMPLETED') + 1,
)

export const FINAL_STATES: ReadonlySet<OrderStatus> = new Set([
  'COMPLETED',
  'REJECTED',
  'CANCELLED',
  'REFUNDED',
])

export function isFinal(status: OrderStatus): boolean {
  return FINAL_STATES.has(status)
}

/** Index in HAPPY_PATH the order has reached (for a side exit: the last happy state before it). */
export function progressIndex(status: OrderStatus, history: { to: OrderStatus }[] = []): number {
  const direct = HAPPY_PATH.indexOf(status)
  if (direct >= 0) return direct
  let best = 0
  for (const change of history) best = Math.max(best, HAPPY_PATH.indexOf(change.to))
  return best
}
