import { request } from './http'
import type {
  FulfilmentAction,
  LogEntry,
  LogQuery,
  LowStock,
  NewProduct,
  Order,
  OrderAccepted,
  OrderStatus,
  Page,
  PaymentOutcome,
  PlaceOrderRequest,
  Product,
  ProductDraft,
  Stats,
  RegistrationReceived,
  Token,
} from './types'

export * from './types'
export { ApiError, ProblemType } from './problem'
export type { Problem, FieldError } from './problem'

export interface OrderQuery {
  status?: OrderStatus | ''
  page?: number
  size?: number
}

export const authApi = {
  register: (username: string, password: string) =>
    request<RegistrationReceived>('/api/users', {
      method: 'POST',
      body: { username, password },
      authenticated: false,
    }),
  login: (username: string, password: string) =>
    request<Token>('/api/auth/token', {
      method: 'POST',
      body: { username, password },
      authenticated: false,
    }),
}

export const productApi = {
  list: () => request<Product[]>('/api/products'),
  get: (id: number) => request<Product>(`/api/products/${id}`),
}

export const orderApi = {
  place: (body: PlaceOrderRequest, idempotencyKey: string) =>
    request<OrderAccepted>('/api/orders', {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  get: (orderId: string) => request<Order>(`/api/orders/${encodeURIComponent(orderId)}`),
  list: (query: OrderQuery = {}) =>
    request<Page<Order>>('/api/orders', { query: { page: 0, size: 20, ...query } }),
  pay: (orderId: string, outcome: PaymentOutcome) =>
    request<void>(`/api/orders/${encodeURIComponent(orderId)}/payment`, {
      method: 'POST',
      body: { outcome },
    }),
  cancel: (orderId: string, reason: string) =>
    request<void>(`/api/orders/${encodeURIComponent(orderId)}/cancel`, {
      method: 'POST',
      body: { reason },
    }),
  refund: (orderId: string, reason: string) =>
    request<void>(`/api/orders/${encodeURIComponent(orderId)}/refund`, {
      method: 'POST',
      body: { reason },
    }),
}

export const adminApi = {
  createProduct: (product: NewProduct) =>
    request<Product>('/api/admin/products', { method: 'POST', body: product }),
  updateProduct: (id: number, product: ProductDraft) =>
    request<Product>(`/api/admin/products/${id}`, { method: 'PUT', body: product }),
  deleteProduct: (id: number) => request<void>(`/api/admin/products/${id}`, { method: 'DELETE' }),
  restock: (id: number, quantity: number) =>
    request<void>(`/api/admin/products/${id}/restock`, { method: 'POST', body: { quantity } }),
  fulfil: (orderId: string, action: FulfilmentAction, reason: string) =>
    request<void>(`/api/admin/orders/${encodeURIComponent(orderId)}/fulfilment`, {
      method: 'POST',
      body: { action, reason },
    }),
  decideRefund: (orderId: string, approve: boolean, reason: string) =>
    request<void>(`/api/admin/orders/${encodeURIComponent(orderId)}/refund-decision`, {
      method: 'POST',
      body: { approve, reason },
    }),
  orders: (query: OrderQuery = {}) =>
    request<Page<Order>>('/api/admin/orders', { query: { page: 0, size: 20, ...query } }),
  order: (orderId: string) => request<Order>(`/api/orders/${encodeURIComponent(orderId)}`),
  lowStock: (threshold?: number) =>
    request<LowStock>('/api/admin/inventory/low-stock', { query: { threshold } }),
  stats: () => request<Stats>('/api/admin/stats'),
  logs: (query: LogQuery = {}) =>
    request<Page<LogEntry>>('/api/admin/logs', {
      query: { page: 0, size: 20, ...query } as Record<string, string | number | null | undefined>,
    }),
  resetDemo: () => request<void>('/api/admin/demo/reset', { method: 'POST' }),
}
