import { describe, expect, it, vi } from 'vitest'
import { http, HttpResponse } from 'msw'
import { server, API } from '@/test/server'
import { anOutOfStock, aRateLimit, problemResponse } from '@/test/fixtures'
import { configureHttp, parseJson, request } from './http'
import { ApiError, parseRetryAfter, ProblemType } from './problem'
import { authApi, orderApi } from './index'

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

describe('API client', () => {
  it('parses an out-of-stock problem with its extension fields', async () => {
    server.use(http.post(`${API}/api/orders`, () => problemResponse(anOutOfStock(3, 5, 2))))
    const error = await failure(orderApi.place({ productId: 3, quantity: 5 }, 'key-1'))
    expect(error.status).toBe(409)
    expect(error.problem.title).toBe('Out of stock')
    expect(error.is(ProblemType.outOfStock)).toBe(true)
    expect(error.extensions).toEqual({ productId: 3, requested: 5, available: 2 })
    expect(error.retryable).toBe(false)
  })

  it('matches problem types sent as absolute URIs', async () => {
    server.use(
      http.post(`${API}/api/orders/1/payment`, () =>
        problemResponse({
          type: 'https://surge.dev/problems/illegal-transition',
          title: 'Illegal transition',
          status: 409,
          currentStatus: 'CANCELLED',
          action: 'PAY',
        }),
      ),
    )
    const error = await failure(orderApi.pay('1', 'SUCCESS'))
    expect(error.is(ProblemType.illegalTransition)).toBe(true)
    expect(error.extensions.currentStatus).toBe('CANCELLED')
  })

  it('makes a problem out of an error that is not problem+json', async () => {
    server.use(
      http.get(
        `${API}/api/products`,
        () =>
          new HttpResponse('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
      ),
    )
    const error = await failure(request('/api/products'))
    expect(error.problem).toMatchObject({ type: 'about:blank', title: 'Bad Gateway', status: 502 })
    expect(error.retryable).toBe(true)
  })

  it('reads validation errors', async () => {
    server.use(
      http.post(`${API}/api/users`, () =>
        problemResponse({
          type: '/problems/invalid-request',
          title: 'Invalid request',
          status: 400,
          errors: [{ field: 'password', message: 'size must be between 8 and 72' }],
        }),
      ),
    )
    const error = await failure(authApi.register('bob', 'short'))
    expect(error.problem.errors).toEqual([
      { field: 'password', message: 'size must be between 8 and 72' },
    ])
  })

  it('honours Retry-After on 429 and 503', async () => {
    server.use(
      http.post(`${API}/api/orders`, () => problemResponse(aRateLimit(), { 'Retry-After': '7' })),
      http.get(`${API}/api/products`, () =>
        problemResponse(
          { type: '/problems/unavailable', title: 'Unavailable', status: 503 },
          { 'Retry-After': '2' },
        ),
      ),
    )
    const limited = await failure(orderApi.place({ productId: 1, quantity: 1 }, 'k'))
    expect(limited.retryAfter).toBe(7)
    expect(limited.retryable).toBe(true)
    expect((await failure(request('/api/products'))).retryAfter).toBe(2)
  })

  it('parses Retry-After given as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30)
    expect(parseRetryAfter('12', now)).toBe(12)
    expect(parseRetryAfter(null, now)).toBeNull()
    expect(parseRetryAfter('soon', now)).toBeNull()
  })

  it('calls the unauthorized hook on a 401 of an authenticated call only', async () => {
    const onUnauthorized = vi.fn<() => void>()
    configureHttp({ token: () => 'expired', onUnauthorized })
    server.use(
      http.get(`${API}/api/orders`, () => problemResponse({ title: 'Unauthorized', status: 401 })),
      http.post(`${API}/api/auth/token`, () =>
        problemResponse({ title: 'Bad credentials', status: 401 }),
      ),
    )
    await failure(orderApi.list())
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
    await failure(authApi.login('alice', 'wrong-password'))
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('sends the bearer token and the Idempotency-Key', async () => {
    configureHttp({ token: () => 'tok-123' })
    let seen: Headers | undefined
    server.use(
      http.post(`${API}/api/orders`, ({ request }) => {
        seen = request.headers
        return HttpResponse.json(
          { orderId: '7301234567890123456', orderNo: 'S1', status: 'ACCEPTED' },
          { status: 202 },
        )
      }),
    )
    const accepted = await orderApi.place({ productId: 1, quantity: 1 }, 'idem-42')
    expect(accepted.orderId).toBe('7301234567890123456')
    expect(seen?.get('authorization')).toBe('Bearer tok-123')
    expect(seen?.get('idempotency-key')).toBe('idem-42')
  })

  it('turns a failed connection into a retryable network problem', async () => {
    server.use(http.get(`${API}/api/products`, () => HttpResponse.error()))
    const error = await failure(request('/api/products'))
    expect(error.status).toBe(0)
    expect(error.is(ProblemType.network)).toBe(true)
    expect(error.retryable).toBe(true)
  })

  it('keeps every digit of a 64-bit order id even if it arrives as a number', () => {
    const parsed = parseJson<{ orderId: string }>('{"orderId": 7301234567890123457}')
    expect(parsed.orderId).toBe('7301234567890123457')
  })
})
