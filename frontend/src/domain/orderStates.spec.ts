import { describe, expect, it } from 'vitest'
import { HAPPY_PATH, progressIndex } from './orderStates'

describe('orderStates', () => {
  it('runs the happy path from acceptance to completion', () => {
    expect(HAPPY_PATH.join(' ')).toBe(
      'ACCEPTED PENDING_PAYMENT PAID AWAITING_FULFILMENT FULFILLING COMPLETED',
    )
  })

  it('places a side exit after the last happy state the order reached', () => {
    expect(progressIndex('FULFILLING')).toBe(4)
    expect(progressIndex('CANCELLED', [{ to: 'ACCEPTED' }, { to: 'PENDING_PAYMENT' }])).toBe(1)
  })
})
