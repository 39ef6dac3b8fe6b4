/** Wire types of the Surge HTTP API. Order ids are 64-bit and travel as strings. */

export type Role = 'CUSTOMER' | 'ADMIN'

export const ORDER_STATUSES = [
  'ACCEPTED',
  'PENDING_PAYMENT',
  'PAID',
  'AWAITING_FULFILMENT',
  'FULFILLING',
  'COMPLETED',
  'REJECTED',
  'CANCELLED',
  'FULFILMENT_FAILED',
  'AFTER_SALE',
  'REFUNDED',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export type PaymentOutcome = 'SUCCESS' | 'FAILURE' | 'TIMEOUT'
export type FulfilmentAction = 'START' | 'COMPLETE' | 'FAIL'
export const LOG_TYPES = ['ORDER', 'STOCK', 'FULFILMENT', 'SECURITY'] as const
export type LogType = (typeof LOG_TYPES)[number]

/** The answer of a sign-up: the same whether the account is new or the name was taken. */
export interface RegistrationReceived {
  username: string
}

export interface Token {
  accessToken: string
  tokenType: 'Bearer'
  expiresIn: number
  username: string
  role: Role
}

export interface StockLevels {
  total: number
  available: number
  locked: number
  sold: number
  /** What the Redis gate can still sell: the live "available" of the shop (null: gate unknown). */
  sellable: number | null
}

export interface Product extends StockLevels {
  id: number
  name: string
  imageUrl: string
  priceCents: number
  warningStock: number
  /** The API's low-stock rule: available at or below warningStock. */
  lowStock: boolean
}

export interface OrderLine {
  productId: number
  quantity: number
}

export type PlaceOrderRequest = OrderLine | { items: OrderLine[] }

export interface OrderAccepted {
  orderId: string
  orderNo: string
  status: 'ACCEPTED'
}

export interface OrderItem {
  productId: number
  productName?: string
  quantity: number
  unitPriceCents?: number
}

export interface StatusChange {
  from: OrderStatus | null
  to: OrderStatus
  operator: string
  reason: string | null
  at: string
}

export interface Order {
  orderId: string
  orderNo?: string
  userId?: number
  status: OrderStatus
  statusReason?: string | null
  totalCents?: number
  createdAt?: string
  expiresAt?: string | null
  paidAt?: string | null
  items: OrderItem[]
  history?: StatusChange[]
}

export interface Page<T> {
  content: T[]
  page: number
  size: number
  totalElements: number
}

export interface ProductDraft {
  name: string
  imageUrl: string
  priceCents: number
  warningStock: number
}

export interface NewProduct extends ProductDraft {
  initialStock: number
}

export interface LowStock {
  lowStock: Product[]
  outOfStock: Product[]
}

export interface ThroughputPoint {
  at: string
  accepted: number
  rejected: number
}

export interface ProductStock extends StockLevels {
  id: number
  name: string
  /** The API's low-stock rule: available at or below the product's warning level. */
  lowStock: boolean
}

export interface Stats {
  ordersByStatus: Partial<Record<OrderStatus, number>>
  /** Orders whose payment succeeded, whatever their state now (no order rests in PAID). */
  paid: number
  products: ProductStock[]
  throughput: ThroughputPoint[]
}

export interface LogEntry {
  at: string
  type: LogType
  orderId: string | null
  productId: number | null
  operator: string | null
  action: string
  reason: string | null
  detail?: string | null
}

export interface LogQuery {
  /** One log at a time; the server reads ORDER when none is given. */
  type?: LogType
  orderId?: string
  productId?: number | null
  operator?: string
  page?: number
  size?: number
}

/** Server-sent events of `/api/events`. */
export interface StockEvent extends StockLevels {
  productId: number
}
export interface OrderEvent {
  orderId: string
  userId: number
  status: OrderStatus
  statusReason: string | null
}
export interface AlertEvent {
  productId: number
  name: string
  available: number
  warningStock: number
}
export type LogEvent = LogEntry
export type StatsEvent = ThroughputPoint

export interface EventMap {
  stock: StockEvent
  order: OrderEvent
  alert: AlertEvent
  log: LogEvent
  stats: StatsEvent
}

/** The number the shop shows as available: the gate's, else MySQL's when the gate did not say. */
export function liveAvailable(levels: Pick<StockLevels, 'sellable' | 'available'>): number {
  return levels.sellable ?? levels.available
}
