import { ref } from 'vue'
import { defineStore } from 'pinia'
import { ElMessage, ElNotification } from 'element-plus'
import { connectLive } from '@/api/events'
import { notifyUnauthorized } from '@/api/http'
import type { LiveConnection, LiveStatus } from '@/api/events'
import { i18n } from '@/i18n'
import { useAuthStore } from './auth'
import { useProductsStore } from './products'
import { useOrdersStore } from './orders'
import { useDashboardStore } from './dashboard'

/** The one `/api/events` stream of the page, feeding every store. */
export const useLiveStore = defineStore('live', () => {
  const status = ref<LiveStatus>('idle')
  const lastEventAt = ref<number | null>(null)
  let connection: LiveConnection | null = null
  let connectedToken: string | null = null

  function start() {
    const auth = useAuthStore()
    const products = useProductsStore()
    const orders = useOrdersStore()
    const dashboard = useDashboardStore()
    if (!auth.token) return stop()
    if (connection && connectedToken === auth.token) return
    stop()
    connectedToken = auth.token
    orders.setLiveProbe(() => status.value === 'open')
    const seen = () => (lastEventAt.value = Date.now())

    connection = connectLive({
      token: auth.token,
      onStatus: (next) => {
        status.value = next
        // the stream is refused once the token expired: end the session like a 401 would
        const session = auth.session
        if (next === 'reconnecting' && session && session.expiresAt <= Date.now()) {
          notifyUnauthorized()
        }
      },
      onResync: () => {
        void products.load()
        if (orders.current) void orders.refresh(orders.current.orderId).catch(() => {})
        if (orders.tracked) void orders.refresh(orders.tracked.orderId).catch(() => {})
        if (auth.isAdmin) void dashboard.loadStats()
      },
      handlers: {
        stock: (event) => {
          seen()
          products.applyStock(event)
          if (auth.isAdmin) dashboard.applyStock(event)
        },
        order: (event) => {
          seen()
          orders.applyEvent(event)
          if (auth.isAdmin) dashboard.applyOrder(event)
        },
        alert: (event) => {
          seen()
          if (!auth.isAdmin) return
          dashboard.addAlert(event)
          ElNotification({
            offset: 64,
            type: 'warning',
            title: i18n.global.t('admin.alerts'),
            message: i18n.global.t('admin.lowStockAlert', {
              name: event.name,
              available: event.available,
              warning: event.warningStock,
            }),
            duration: 8000,
          })
        },
        log: (event) => {
          seen()
          if (auth.isAdmin) dashboard.applyLog(event)
        },
        stats: (event) => {
          seen()
          if (auth.isAdmin) dashboard.pushStats(event)
        },
        reset: () => {
          seen()
          void products.load()
          orders.reload()
          if (auth.isAdmin) {
            void dashboard.reload()
            ElMessage.success(i18n.global.t('admin.resetDone'))
          }
        },
      },
    })
  }

  function stop() {
    connection?.close()
    connection = null
    connectedToken = null
    status.value = 'idle'
  }

  return { status, lastEventAt, start, stop }
})
