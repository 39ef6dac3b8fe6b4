import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import { adminApi } from '@/api'
import type { OrderQuery } from '@/api'
import type {
  AlertEvent,
  LogEntry,
  LogQuery,
  Order,
  OrderEvent,
  OrderStatus,
  Product,
  ProductStock,
  StockEvent,
  ThroughputPoint,
} from '@/api/types'
import { mergeThroughput, throughputTotals } from '@/charts/mapping'
import { usePagedList } from '@/composables/usePagedList'

export const STATS_REFRESH_MS = 2000
const MAX_TAIL = 200

/** State of the operations dashboard, fed by one read and then by the live stream. */
export const useDashboardStore = defineStore('dashboard', () => {
  const ordersByStatus = ref<Partial<Record<OrderStatus, number>>>({})
  const paid = ref(0)
  const stock = ref<ProductStock[]>([])
  const throughput = ref<ThroughputPoint[]>([])
  const lowStock = ref<Product[]>([])
  const outOfStock = ref<Product[]>([])
  const recentAlerts = ref<AlertEvent[]>([])
  const statsError = ref<unknown>(null)

  const totals = computed(() => throughputTotals(throughput.value))
  const alertCount = computed(() => lowStock.value.length + outOfStock.value.length)

  async function loadStats() {
    try {
      const stats = await adminApi.stats()
      ordersByStatus.value = stats.ordersByStatus ?? {}
      paid.value = stats.paid ?? 0
      stock.value = stats.products ?? []
      throughput.value = mergeThroughput(throughput.value, stats.throughput ?? [])
      statsError.value = null
    } catch (e) {
      statsError.value = e
    }
  }

  async function loadLowStock() {
    const answer = await adminApi.lowStock()
    lowStock.value = answer.lowStock ?? []
    outOfStock.value = answer.outOfStock ?? []
  }

  let statsTimer: ReturnType<typeof setTimeout> | null = null
  /** Order counts change with order events; read them again at most every STATS_REFRESH_MS. */
  function scheduleStatsRefresh() {
    if (statsTimer) return
    statsTimer = setTimeout(() => {
      statsTimer = null
      void loadStats()
    }, STATS_REFRESH_MS)
  }

  function pushStats(point: ThroughputPoint) {
    throughput.value = mergeThroughput(throughput.value, [point])
  }

  function applyStock(event: StockEvent) {
    const row = stock.value.find((p) => p.id === event.productId)
    // the figures change here, the low-stock flag is the API's: read it again soon
    scheduleStatsRefresh()
    if (row) {
      row.total = event.total
      row.available = event.available
      row.locked = event.locked
      row.sold = event.sold
      row.sellable = event.sellable
    }
    for (const list of [lowStock.value, outOfStock.value]) {
      const product = list.find((p) => p.id === event.productId)
      if (product) Object.assign(product, { ...event, id: product.id })
    }
    if (lowStock.value.some((p) => p.id === event.productId)) scheduleLowStockRefresh()
  }

  let lowStockTimer: ReturnType<typeof setTimeout> | null = null
  function scheduleLowStockRefresh() {
    if (lowStockTimer) return
    lowStockTimer = setTimeout(() => {
      lowStockTimer = null
      void loadLowStock().catch(() => {})
    }, STATS_REFRESH_MS)
  }

  function addAlert(alert: AlertEvent) {
    recentAlerts.value = [
      alert,
      ...recentAlerts.value.filter((a) => a.productId !== alert.productId),
    ].slice(0, 20)
    scheduleLowStockRefresh()
  }

  // --- all users' orders (fulfilment) ---
  const {
    rows: orders,
    total: ordersTotal,
    query: ordersQuery,
    loading: ordersLoading,
    load: loadOrders,
  } = usePagedList<Order, Required<OrderQuery>>(adminApi.orders, {
    status: 'AWAITING_FULFILMENT',
    page: 0,
    size: 20,
  })

  function applyOrder(event: OrderEvent) {
    const row = orders.value.find((o) => o.orderId === event.orderId)
    if (row && row.status !== event.status) {
      // its actions belong to the old state: none until the API says what the new one allows
      row.actions = []
      row.status = event.status
      row.statusReason = event.statusReason
      void adminApi
        .order(event.orderId)
        .then((order) => {
          if (row.status === order.status) row.actions = order.actions
        })
        .catch(() => {})
    }
    scheduleStatsRefresh()
  }

  // --- logs ---
  const {
    rows: logs,
    total: logsTotal,
    query: logQuery,
    loading: logsLoading,
    load: loadLogs,
  } = usePagedList<LogEntry, LogQuery>(adminApi.logs, {
    type: 'ORDER',
    orderId: '',
    productId: null,
    operator: '',
    page: 0,
    size: 20,
  })
  const liveTail = ref(true)

  /** A live log line joins the first page when it matches the filters. */
  function applyLog(entry: LogEntry) {
    const q = logQuery.value
    if (!liveTail.value || (q.page ?? 0) !== 0) return
    // live lines are order transitions: the ORDER log has them all, FULFILMENT its own
    const type = q.type ?? 'ORDER'
    if (
      type === 'ORDER' ? entry.type !== 'ORDER' && entry.type !== 'FULFILMENT' : entry.type !== type
    )
      return
    if (q.operator && entry.operator !== q.operator) return
    if (q.orderId && entry.orderId !== q.orderId) return
    if (q.productId && entry.productId !== q.productId) return
    logs.value = [entry, ...logs.value].slice(0, Math.max(q.size ?? 20, 1))
    logsTotal.value += 1
    if (logs.value.length > MAX_TAIL) logs.value.length = MAX_TAIL
  }

  /** After a demo reset: nothing shown before holds, so every part is read again. */
  async function reload() {
    throughput.value = []
    recentAlerts.value = []
    await Promise.all([
      loadStats(),
      loadLowStock().catch(() => {}),
      loadOrders({ page: 0 }).catch(() => {}),
      loadLogs({ page: 0 }).catch(() => {}),
    ])
  }

  return {
    ordersByStatus,
    paid,
    stock,
    throughput,
    lowStock,
    outOfStock,
    recentAlerts,
    statsError,
    totals,
    alertCount,
    loadStats,
    loadLowStock,
    scheduleStatsRefresh,
    pushStats,
    applyStock,
    addAlert,
    orders,
    ordersTotal,
    ordersQuery,
    ordersLoading,
    loadOrders,
    applyOrder,
    logs,
    logsTotal,
    logQuery,
    logsLoading,
    liveTail,
    loadLogs,
    applyLog,
    reload,
  }
})
