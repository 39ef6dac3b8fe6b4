import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/problem'
import type { Problem } from '@/api/problem'
import { anOutOfStock, aRateLimit } from '@/test/fixtures'
import { createAppI18n } from '@/i18n'
import { describeProblem } from './useProblem'

const zh = createAppI18n('zh-CN').global.t as (
  key: string,
  named?: Record<string, unknown>,
) => string
const en = createAppI18n('en').global.t as (key: string, named?: Record<string, unknown>) => string

describe('describeProblem', () => {
  it('shows 库存不足 with the requested and available numbers', () => {
    const view = describeProblem(new ApiError(anOutOfStock(1, 3, 1)), zh, (id) =>
      id === 1 ? '限量版手机' : undefined,
    )
    expect(view.title).toBe('库存不足')
    expect(view.lines).toEqual(['限量版手机：请求 3 件，仅剩 1 件'])
  })

  it.each<{ does: string; problem: Problem; t: typeof zh; title: string; lines: string[] }>([
    {
      does: 'speaks English too',
      problem: anOutOfStock(1, 3, 1),
      t: en,
      title: 'Out of stock',
      lines: ['Product #1: 3 requested, only 1 available'],
    },
    {
      does: 'lists the fields of a validation problem',
      problem: {
        type: '/problems/invalid-request',
        title: 'Invalid request',
        status: 400,
        errors: [{ field: 'quantity', message: 'must be at least 1' }],
      },
      t: zh,
      title: '请求有误',
      lines: ['quantity: must be at least 1'],
    },
    {
      does: 'names the current state of an illegal transition',
      problem: {
        type: '/problems/illegal-transition',
        title: 'Illegal transition',
        status: 409,
        currentStatus: 'CANCELLED',
        action: 'PAY',
      },
      t: zh,
      title: '当前状态不允许此操作',
      lines: ['订单当前状态为「已取消」，不能执行「PAY」'],
    },
    {
      does: 'shows the title, detail and fields of a problem it does not know',
      problem: {
        type: '/problems/product-has-open-orders',
        title: 'Product has open orders',
        status: 409,
        detail: 'Orders are still open',
        productId: 4,
      },
      t: en,
      title: 'Product has open orders',
      lines: ['Orders are still open', 'productId: 4'],
    },
  ])('$does', ({ problem, t, title, lines }) => {
    const view = describeProblem(new ApiError(problem), t)
    expect(view.title).toBe(title)
    expect(view.lines).toEqual(lines)
  })

  it('tells when to retry after a rate limit', () => {
    const view = describeProblem(new ApiError(aRateLimit(), 5), zh)
    expect(view.title).toBe('请求过于频繁')
    expect(view.retryAfter).toBe(5)
    expect(view.lines).toContain('请在 5 秒后重试')
  })
})
