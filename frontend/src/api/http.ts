import { ApiError, parseRetryAfter, problemFrom, ProblemType } from './problem'

export interface HttpConfig {
  /** Prefix of every path, '' for same origin (the Vite proxy or the API server itself). */
  baseUrl: string
  token: () => string | null
  /** Called on any 401 of an authenticated call: log out and go to the login page. */
  onUnauthorized: () => void
}

const config: HttpConfig = {
  baseUrl: '',
  token: () => null,
  onUnauthorized: () => {},
}

export function configureHttp(options: Partial<HttpConfig>): void {
  Object.assign(config, options)
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  body?: unknown
  query?: Record<string, string | number | boolean | null | undefined>
  headers?: Record<string, string>
  /** false for the calls that may answer 401 for a reason other than an expired session (login). */
  authenticated?: boolean
  signal?: AbortSignal
}

/** For other channels (the event stream) that learn the session is gone. */
export function notifyUnauthorized(): void {
  config.onUnauthorized()
}

export function url(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const qs = params.toString()
  return `${config.baseUrl}${path}${qs ? `?${qs}` : ''}`
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, authenticated = true, signal } = options
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    ...options.headers,
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const token = config.token()
  if (authenticated && token) headers.Authorization = `Bearer ${token}`

  let response: Response
  try {
    response = await fetch(url(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError({
      type: ProblemType.network,
      title: 'Network error',
      status: 0,
      detail: cause instanceof Error ? cause.message : String(cause),
    })
  }

  if (!response.ok) {
    const problem = await problemFrom(response)
    const retryAfter =
      response.status === 429 || response.status === 503
        ? (parseRetryAfter(response.headers.get('Retry-After')) ??
          (typeof problem.retryAfter === 'number' ? problem.retryAfter : null))
        : null
    const error = new ApiError(problem, retryAfter)
    if (response.status === 401 && authenticated) config.onUnauthorized()
    throw error
  }

  if (response.status === 204) return undefined as T
  const text = await response.text()
  if (!text) return undefined as T
  return parseJson<T>(text)
}

/**
 * Order ids are 64-bit: the API sends them as strings. Should one ever arrive as a bare number,
 * keep its digits instead of letting JSON.parse round it to a double.
 */
export function parseJson<T>(text: string): T {
  return JSON.parse(text.replace(/("orderId"\s*:\s*)(\d{16,})/g, '$1"$2"')) as T
}
