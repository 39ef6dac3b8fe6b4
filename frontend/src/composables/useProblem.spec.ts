import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/problem'
import { anOutOfStock, aRateLimit } from '@/test/fixtures'
import { createAppI18n } from '@/i18n'
import { describeProblem } from './useProblem'

const zh = createAppI18n('zh-CN').global.t as (
  key: string,
  named?: Record<string, unknown>,
) => string
const en = createAppI18n('en').global.t as (key: string, named?: Record<string, unknown>) => string

const outOfStock = new ApiError(anOutOfStock(1, 3, 1))

describe('describeProblem', () => {
  it('shows 库存不足 with the requested and available numbers', () => {
    const view = describeProblem(outOfStock, zh, (id) => (id === 1 ? '限量版手机' : undefined))
    expect(view.title).toBe('库存不足')
    expect(view.lines).toEqual(['限量版手机：请求 3 件，仅剩 1 件'])
  })

  it('speaks English too', () => {
    const view = describeProblem(outOfStock, en)
    expect(view.title).toBe('Out of stock')
    expect(view.lines).toEqual(['Product #1: 3 requested, only 1 available'])
  })

  it('lists the fields of a validation problem', () => {
    const view = describeProblem(
      new ApiError({
        type: '/problems/invalid-request',
        title: 'Invalid request',
        status: 400,
        errors: [{ field: 'quantity', message: 'must be at least 1' }],
      }),
      zh,
    )
    expect(view.title).toBe('请求有误')
    expect(view.lines).toEqual(['quantity: must be at least 1'])
  })

  it('names the current state of an illegal transition', () => {
    const view = describeProblem(
      new ApiError({
        type: '/problems/illegal-transition',
        title: 'Illegal transition',
        status: 409,
        currentStatus: 'CANCELLED',
        action: 'PAY',
      }),
      zh,
    )
    expect(view.title).toBe('当前状态不允许此操作')
    expect(view.lines[0]).toContain('已取消')
  })

  it('shows the title, detail and fields of a problem it does not know', () => {
    const view = describeProblem(
      new ApiError({
        type: '/problems/product-has-open-orders',
        title: 'Product has open orders',
        status: 409,
        detail: 'Orders are still open',
        productId: 4,
      }),
      en,
    )
    expect(view.title).toBe('Product has open orders')
    expect(view.lines).toEqual(['Orders are still open', 'productId: 4'])
  })

  it('tells when to retry after a rate limit', () => {
    const view = describeProblem(new ApiError(aRateLimit(), 5), zh)
    expect(view.title).toBe('请求过于频繁')
    expect(view.retryAfter).toBe(5)
    expect(view.lines).toContain('请在 5 秒后重试')
  })
})
