import type { components } from './schema'

/** RFC 9457 problem details, as the API sends them with `application/problem+json`. */
export interface FieldError {
  field: string
  message: string
}

export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  instance?: string
  errors?: FieldError[]
  [extension: string]: unknown
}

/**
 * Problem type URIs the UI reacts to (the path part; servers may send them absolute). Each is one
 * of the reference's `ProblemType`s, except `network`, which the client makes up itself.
 */
export const ProblemType = {
  outOfStock: '/problems/out-of-stock',
  invalidRequest: '/problems/invalid-request',
  unknownProduct: '/problems/unknown-product',
  idempotencyKeyReused: '/problems/idempotency-key-reused',
  requestInFlight: '/problems/request-in-flight',
  rateLimited: '/problems/rate-limited',
  unavailable: '/problems/unavailable',
  illegalTransition: '/problems/illegal-transition',
  network: '/problems/network',
} as const satisfies Record<string, components['schemas']['ProblemType'] | '/problems/network'>

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors'])

/** An HTTP call that did not succeed. Always carries a problem, parsed or synthesised. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem
  /** Seconds to wait before retrying, from `Retry-After` (429 / 503). */
  readonly retryAfter: number | null

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title)
    this.name = 'ApiError'
    this.status = problem.status
    this.problem = problem
    this.retryAfter = retryAfter
  }

  /** True when the problem has the given type, whether the server sent it relative or absolute. */
  is(type: string): boolean {
    return problemTypeMatches(this.problem.type, type)
  }

  /** The extension members (everything but the standard RFC 9457 ones). */
  get extensions(): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(this.problem).filter(([key]) => !STANDARD_MEMBERS.has(key)),
    )
  }

  /** A failure worth retrying with the same Idempotency-Key. */
  get retryable(): boolean {
    return (
      this.status === 0 ||
      this.status === 429 ||
      this.status >= 500 ||
      this.is(ProblemType.requestInFlight)
    )
  }
}

export function problemTypeMatches(actual: string | undefined, expected: string): boolean {
  if (!actual) return false
  if (actual === expected) return true
  try {
    return new URL(actual, 'http://x').pathname === expected
  } catch {
    return false
  }
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return null
  return Math.max(0, Math.ceil((at - now) / 1000))
}

function isProblemLike(body: unknown): body is Partial<Problem> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
}

/** Turns any failed response into a problem, falling back to the status line when the body is not one. */
export async function problemFrom(response: Response): Promise<Problem> {
  const contentType = response.headers.get('content-type') ?? ''
  let body: unknown = null
  if (contentType.includes('json')) {
    try {
      body = await response.json()
    } catch {
      body = null
    }
  }
  const base: Problem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  }
  if (!isProblemLike(body)) return base
  return {
    ...base,
    ...body,
    type: typeof body.type === 'string' ? body.type : base.type,
    title: typeof body.title === 'string' && body.title ? body.title : base.title,
    status: typeof body.status === 'number' ? body.status : base.status,
  } as Problem
}
