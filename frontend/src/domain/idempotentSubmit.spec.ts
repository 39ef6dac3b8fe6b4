import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/problem'
import { IdempotentSubmitter } from './idempotentSubmit'

function keys() {
  let n = 0
  return () => `key-${++n}`
}

describe('IdempotentSubmitter', () => {
  it('joins a second submit of the same body while the first is in flight', async () => {
    let resolve!: (v: string) => void
    const send = vi.fn<(body: unknown, key: string) => Promise<string>>(
      () => new Promise<string>((r) => (resolve = r)),
    )
    const submitter = new IdempotentSubmitter(send, keys())
    const first = submitter.submit({ productId: 1, quantity: 1 })
    const second = submitter.submit({ productId: 1, quantity: 1 })
    resolve('order-1')
    expect(await first).toBe('order-1')
    expect(await second).toBe('order-1')
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('retries with the same key after a failure worth retrying', async () => {
    const send = vi
      .fn<(body: unknown, key: string) => Promise<string>>()
      .mockRejectedValueOnce(
        new ApiError({ type: '/problems/unavailable', title: 'Unavailable', status: 503 }, 1),
      )
      .mockResolvedValueOnce('order-1')
    const submitter = new IdempotentSubmitter(send, keys())
    await expect(submitter.submit({ productId: 1, quantity: 1 })).rejects.toBeInstanceOf(ApiError)
    await submitter.submit({ productId: 1, quantity: 1 })
    expect(send.mock.calls.map((c) => c[1])).toEqual(['key-1', 'key-1'])
  })

  it('takes a new key after a definitive answer and after success', async () => {
    const send = vi
      .fn<(body: unknown, key: string) => Promise<string>>()
      .mockRejectedValueOnce(
        new ApiError({ type: '/problems/out-of-stock', title: 'Out of stock', status: 409 }),
      )
      .mockResolvedValue('order')
    const submitter = new IdempotentSubmitter(send, keys())
    await expect(submitter.submit({ productId: 1, quantity: 9 })).rejects.toBeInstanceOf(ApiError)
    await submitter.submit({ productId: 1, quantity: 9 })
    await submitter.submit({ productId: 1, quantity: 9 })
    expect(send.mock.calls.map((c) => c[1])).toEqual(['key-1', 'key-2', 'key-3'])
  })

  it('gives different bodies different keys', async () => {
    const send = vi.fn<(body: unknown, key: string) => Promise<string>>(async () => 'ok')
    const submitter = new IdempotentSubmitter(send, keys())
    await Promise.all([
      submitter.submit({ productId: 1, quantity: 1 }),
      submitter.submit({ productId: 2, quantity: 1 }),
    ])
    expect(send).toHaveBeenCalledTimes(2)
    expect(new Set(send.mock.calls.map((c) => c[1])).size).toBe(2)
  })
})
