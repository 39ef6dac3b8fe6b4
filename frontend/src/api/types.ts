/**
 * Wire types of the Surge HTTP API, generated from its OpenAPI reference (`openapi.json`, a copy
 * of the API's `/v3/api-docs` that the API's build checks) by `npm run gen:api` into
 * `schema.d.ts`. Order ids are 64-bit and travel as strings. Only what the reference cannot say
 * (the server-sent events, query shapes) is written here.
 */
import type { components } from './schema'

type Schemas = components['schemas']

export type Role = Schemas['AccessToken']['role']

/** The order's states and what its caller may ask of it: the API's, from its reference. */
export type OrderStatus = Schemas['OrderView']['status']
export type OrderAction = Schemas['OrderView']['actions'][number]

/**
 * Every state, in lifecycle order: the happy path to COMPLETED first, then the side exits (for
 * filters, charts and the progress steps); the compiler holds it to the reference.
 */
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
] as const satisfies readonly OrderStatus[]
/** Compiles only while `ORDER_STATUSES` lists every state of the reference. */
export const ORDER_STATUSES_COMPLETE: [
  Exclude<OrderStatus, (typeof ORDER_STATUSES)[number]>,
] extends [never]
  ? true
  : never = true

export type PaymentOutcome = Schemas['Payment']['outcome']
export type FulfilmentAction = Schemas['Fulfilment']['action']
export type LogType = Schemas['LogEntry']['type']
export const LOG_TYPES = [
  'ORDER',
  'STOCK',
  'FULFILMENT',
  'SECURITY',
] as const satisfies readonly LogType[]

/** The answer of a sign-up: the same whether the account is new or the name was taken. */
export type RegistrationReceived = Schemas['RegistrationReceived']
export type Token = Schemas['AccessToken']
export type Product = Schemas['Product']
export type StockLevels = Pick<Product, 'total' | 'available' | 'locked' | 'sold' | 'sellable'>
export type OrderLine = Schemas['LineRequest']
/** One line, or several: the two shapes `OrderRequest` accepts. */
export type PlaceOrderRequest = OrderLine | { items: OrderLine[] }
export type OrderAccepted = Schemas['OrderAccepted']
export type OrderItem = Schemas['Item']

export type StatusChange = Omit<Schemas['Transition'], 'from' | 'to'> & {
  from?: OrderStatus | null
  to: OrderStatus
}

/** An order; its `actions` are exactly the buttons to show: the API refuses anything else with 409. */
export type Order = Omit<Schemas['OrderView'], 'history'> & {
  history?: StatusChange[]
}

export interface Page<T> {
  content: T[]
  page: number
  size: number
  totalElements: number
}

export type ProductDraft = Schemas['Details']
export type NewProduct = Schemas['NewProduct']
export type LowStock = Schemas['LowStockReport']
export type ThroughputPoint = Schemas['ThroughputPoint']
export type ProductStock = Schemas['Stock']

export type Stats = Omit<Schemas['Statistics'], 'ordersByStatus'> & {
  ordersByStatus: Partial<Record<OrderStatus, number>>
}

export type LogEntry = Schemas['LogEntry']

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
/** The demo data was reset: every order is gone, every stock whole. */
export interface ResetEvent {
  operator: string
}

export interface EventMap {
  stock: StockEvent
  order: OrderEvent
  alert: AlertEvent
  log: LogEvent
  stats: StatsEvent
  reset: ResetEvent
}

/** The number the shop shows as available: the gate's, else MySQL's when the gate did not say. */
export function liveAvailable(levels: Pick<StockLevels, 'sellable' | 'available'>): number {
  return levels.sellable ?? levels.available
}
