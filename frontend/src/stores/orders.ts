import { ref } from 'vue'
import { defineStore } from 'pinia'
import { orderApi } from '@/api'
import type { OrderQuery } from '@/api'
import type { Order, OrderAccepted, OrderEvent, OrderStatus, PaymentOutcome } from '@/api/types'
import { isFinal } from '@/domain/orderStates'
import { usePagedList } from '@/composables/usePagedList'

/** What the shop knows of an order it placed before the API has it in full. */
export type TrackedOrder = Pick<Order, 'orderId' | 'orderNo' | 'status' | 'items'> & Partial<Order>

/** Delays of the few follow-up reads of a fresh order, used only while the live stream is down. */
export const FOLLOW_UP_DELAYS_MS = [1000, 2500, 5000, 10000]

export const useOrdersStore = defineStore('orders', () => {
  const {
    rows: page,
    total: totalElements,
    query,
    loading,
    load,
  } = usePagedList<Order, Required<OrderQuery>>(orderApi.list, { status: '', page: 0, size: 10 })
  const error = ref<unknown>(null)

  /** The order opened in the detail view or the live tracker. */
  const current = ref<Order | null>(null)
  /** The order just placed, shown in the tracker until dismissed. */
  /** The order just placed: what the answer said, then what the API says as it moves. */
  const tracked = ref<TrackedOrder | null>(null)
  /** Last status seen on the live stream, so an event that beats the 202 is not lost. */
  const lastSeen = new Map<string, OrderStatus>()
  let liveOpen = () => false

  async function loadPage(next: Partial<OrderQuery> = {}) {
    error.value = null
    try {
      await load(next)
    } catch (e) {
      error.value = e
    }
  }

  const refreshing = new Map<string, Promise<void>>()
  /** Reads one order again; concurrent calls for the same id share one request. */
  function refresh(orderId: string): Promise<void> {
    const running = refreshing.get(orderId)
    if (running) return running
    const job = orderApi
      .get(orderId)
      .then((order) => merge(order))
      .finally(() => refreshing.delete(orderId))
    refreshing.set(orderId, job)
    return job
  }

  function merge(order: Order) {
    if (current.value?.orderId === order.orderId) current.value = { ...current.value, ...order }
    if (tracked.value?.orderId === order.orderId) tracked.value = { ...tracked.value, ...order }
    const row = page.value.find((o) => o.orderId === order.orderId)
    if (row) Object.assign(row, { ...order, history: undefined })
  }

  async function open(orderId: string) {
    if (current.value?.orderId !== orderId) current.value = null
    const order = await orderApi.get(orderId)
    current.value = order
  }

  function track(accepted: OrderAccepted, items: Order['items']) {
    const seen = lastSeen.get(accepted.orderId)
    tracked.value = {
      orderId: accepted.orderId,
      orderNo: accepted.orderNo,
      status: seen ?? 'ACCEPTED',
      items,
    }
    void refresh(accepted.orderId).catch(() => {})
    followUp(accepted.orderId, 0)
  }

  function followUp(orderId: string, step: number) {
    const delay = FOLLOW_UP_DELAYS_MS[step]
    if (delay === undefined) return
    setTimeout(() => {
      const order = tracked.value
      if (!order || order.orderId !== orderId || order.status !== 'ACCEPTED' || liveOpen()) return
      void refresh(orderId)
        .catch(() => {})
        .finally(() => followUp(orderId, step + 1))
    }, delay)
  }

  function untrack() {
    tracked.value = null
  }

  /** True while the order list is on screen: a new order then shows up in it. */
  const listActive = ref(false)
  let listTimer: ReturnType<typeof setTimeout> | null = null
  function scheduleListReload() {
    if (listTimer || !listActive.value || query.value.page !== 0) return
    listTimer = setTimeout(() => {
      listTimer = null
      if (listActive.value) void loadPage()
    }, 1000)
  }

  /** A live `order` event: update what is shown and read the order again for its history. */
  function applyEvent(event: OrderEvent) {
    lastSeen.set(event.orderId, event.status)
    if (lastSeen.size > 500) lastSeen.delete(lastSeen.keys().next().value as string)
    let shown = false
    for (const order of [current.value, tracked.value, ...page.value]) {
      if (order?.orderId === event.orderId) {
        // its actions belong to the old state: none until the order is read again
        if (order.status !== event.status) order.actions = []
        order.status = event.status
        order.statusReason = event.statusReason
        shown = true
      }
    }
    if (current.value?.orderId === event.orderId || tracked.value?.orderId === event.orderId) {
      void refresh(event.orderId).catch(() => {})
    }
    if (!page.value.some((o) => o.orderId === event.orderId)) scheduleListReload()
    return shown
  }

  async function pay(orderId: string, outcome: PaymentOutcome) {
    await orderApi.pay(orderId, outcome)
  }
  async function cancel(orderId: string, reason: string) {
    await orderApi.cancel(orderId, reason)
  }
  async function requestRefund(orderId: string, reason: string) {
    await orderApi.refund(orderId, reason)
  }

  function setLiveProbe(probe: () => boolean) {
    liveOpen = probe
  }

  /** After a demo reset: every order is gone; the list is read again if it is on screen. */
  function reload() {
    reset()
    if (listActive.value) void loadPage({ page: 0 })
  }

  function reset() {
    page.value = []
    totalElements.value = 0
    current.value = null
    tracked.value = null
    lastSeen.clear()
  }

  return {
    page,
    totalElements,
    query,
    loading,
    error,
    current,
    tracked,
    listActive,
    loadPage,
    refresh,
    open,
    track,
    untrack,
    applyEvent,
    pay,
    cancel,
    requestRefund,
    setLiveProbe,
    reset,
    reload,
    isFinal,
  }
})
