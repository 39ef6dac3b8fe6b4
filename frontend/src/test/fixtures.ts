import { HttpResponse } from 'msw'
import type { Problem } from '@/api/problem'
import type { Order, Product, Token } from '@/api/types'

export function aProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 1,
    name: '限量版手机 Flash Phone',
    imageUrl: '/img/products/1.svg',
    priceCents: 499900,
    warningStock: 10,
    total: 100,
    available: 80,
    locked: 15,
    sold: 5,
    sellable: 78,
    lowStock: false,
    ...overrides,
  }
}

export function aToken(overrides: Partial<Token> = {}): Token {
  return {
    accessToken: 'jwt',
    tokenType: 'Bearer',
    expiresIn: 3600,
    username: 'admin',
    role: 'ADMIN',
    ...overrides,
  }
}

export function anOrder(overrides: Partial<Order> = {}): Order {
  return {
    orderId: '7301234567890123456',
    orderNo: 'S20260101000001',
    userId: 2,
    status: 'PENDING_PAYMENT',
    statusReason: null,
    totalCents: 999800,
    createdAt: '2026-01-01T10:00:00Z',
    expiresAt: '2026-01-01T10:15:00Z',
    paidAt: null,
    actions: ['PAY', 'CANCEL'],
    items: [
      { productId: 1, productName: '限量版手机 Flash Phone', quantity: 2, unitPriceCents: 499900 },
    ],
    history: [
      {
        from: 'ACCEPTED',
        to: 'PENDING_PAYMENT',
        operator: 'system',
        reason: 'stock locked',
        at: '2026-01-01T10:00:01Z',
      },
    ],
    ...overrides,
  }
}

const problemJson = { 'Content-Type': 'application/problem+json' }

/** A problem as the API answers it: with the problem's status, as problem+json. */
export function problemResponse(
  problem: Partial<Problem> & { status: number },
  headers: Record<string, string> = {},
) {
  return HttpResponse.json(problem, {
    status: problem.status,
    headers: { ...problemJson, ...headers },
  })
}

/** The stock gate's refusal. */
export function anOutOfStock(productId: number, requested: number, available: number): Problem {
  return {
    type: '/problems/out-of-stock',
    title: 'Out of stock',
    status: 409,
    productId,
    requested,
    available,
  }
}

/** The rate limiter's refusal (the wait comes in `Retry-After`). */
export function aRateLimit(): Problem {
  return { type: '/problems/rate-limited', title: 'Too many requests', status: 429 }
}
