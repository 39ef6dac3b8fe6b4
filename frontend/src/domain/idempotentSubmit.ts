import { ApiError } from '@/api/problem'
import { uuid } from './format'

interface Attempt<R> {
  key: string
  inFlight: Promise<R> | null
}

/**
 * Sends a request with an Idempotency-Key per checkout:
 * - while a submission of the same body is in flight, a second submit (a double click) joins it;
 * - after a failure worth retrying (network, 429, 5xx, request-in-flight) the same body is sent again
 *   with the same key, so the server can answer with the first result instead of placing a new order;
 * - after success or a definitive answer (out of stock, invalid …) the next submit gets a new key.
 */
export class IdempotentSubmitter<B, R> {
  private readonly attempts = new Map<string, Attempt<R>>()

  constructor(
    private readonly send: (body: B, key: string) => Promise<R>,
    private readonly newKey: () => string = uuid,
  ) {}

  submit(body: B): Promise<R> {
    const fingerprint = JSON.stringify(body)
    let attempt = this.attempts.get(fingerprint)
    if (attempt?.inFlight) return attempt.inFlight
    if (!attempt) {
      attempt = { key: this.newKey(), inFlight: null }
      this.attempts.set(fingerprint, attempt)
    }
    const current = attempt
    current.inFlight = this.send(body, current.key).then(
      (result) => {
        this.attempts.delete(fingerprint)
        return result
      },
      (error: unknown) => {
        const retryable = error instanceof ApiError ? error.retryable : false
        if (retryable) current.inFlight = null
        else this.attempts.delete(fingerprint)
        throw error
      },
    )
    return current.inFlight
  }

  isInFlight(body: B): boolean {
    return Boolean(this.attempts.get(JSON.stringify(body))?.inFlight)
  }

  /** The key the next submit of this body would use (undefined: a new one). */
  pendingKey(body: B): string | undefined {
    return this.attempts.get(JSON.stringify(body))?.key
  }
}
