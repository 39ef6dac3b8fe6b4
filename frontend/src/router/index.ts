import { createRouter, createWebHistory } from 'vue-router'
import type { RouteLocationNormalized } from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import ShopView from '@/views/ShopView.vue'
import LoginView from '@/views/LoginView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    admin?: boolean
    /** i18n key of the page title */
    title?: string
  }
}

export const routes = [
  {
    path: '/login',
    name: 'login',
    component: LoginView,
    meta: { public: true, title: 'auth.login' },
  },
  { path: '/', name: 'shop', component: ShopView, meta: { title: 'nav.shop' } },
  {
    path: '/orders',
    name: 'orders',
    component: () => import('@/views/OrdersView.vue'),
    meta: { title: 'nav.orders' },
  },
  {
    path: '/orders/:id',
    name: 'order',
    component: () => import('@/views/OrderDetailView.vue'),
    props: true,
    meta: { title: 'nav.orders' },
  },
  {
    path: '/admin',
    component: () => import('@/views/admin/AdminLayout.vue'),
    meta: { admin: true, title: 'nav.admin' },
    children: [
      { path: '', name: 'admin', component: () => import('@/views/admin/OverviewView.vue') },
      {
        path: 'orders',
        name: 'admin-orders',
        component: () => import('@/views/admin/FulfilmentView.vue'),
      },
      {
        path: 'orders/:id',
        name: 'admin-order',
        component: () => import('@/views/OrderDetailView.vue'),
        props: true,
      },
      {
        path: 'products',
        name: 'admin-products',
        component: () => import('@/views/admin/ProductsView.vue'),
      },
      { path: 'logs', name: 'admin-logs', component: () => import('@/views/admin/LogsView.vue') },
    ],
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFoundView.vue'),
    meta: { public: true },
  },
]

export function guard(to: RouteLocationNormalized) {
  const auth = useAuthStore()
  if (!to.meta.public && !auth.isAuthenticated) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  if (to.meta.admin && !auth.isAdmin) return { name: 'shop' }
  if (to.name === 'login' && auth.isAuthenticated) return { name: auth.isAdmin ? 'admin' : 'shop' }
  return true
}

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes })
  router.beforeEach(guard)
  return router
}
