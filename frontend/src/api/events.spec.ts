import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { connectLive, reconnectDelay } from './events'
import type { LiveStatus } from './events'

class FakeEventSource {
  static CONNECTING = 0
  static OPEN = 1
  static CLOSED = 2
  static instances: FakeEventSource[] = []
  readyState = FakeEventSource.CONNECTING
  onopen: (() => void) | null = null
  onerror: (() => void) | null = null
  listeners = new Map<string, (e: MessageEvent) => void>()
  constructor(public url: string) {
    FakeEventSource.instances.push(this)
  }
  addEventListener(name: string, fn: (e: MessageEvent) => void) {
    this.listeners.set(name, fn)
  }
  close() {
    this.readyState = FakeEventSource.CLOSED
  }
  open() {
    this.readyState = FakeEventSource.OPEN
    this.onopen?.()
  }
  emit(name: string, data: unknown) {
    this.listeners.get(name)?.(new MessageEvent(name, { data: JSON.stringify(data) }))
  }
  fail(closed: boolean) {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING
    this.onerror?.()
  }
}

describe('live events', () => {
  beforeEach(() => {
    FakeEventSource.instances = []
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('passes the token in the URL and the parsed events to the handlers', () => {
    const stock = vi.fn<(data: unknown) => void>()
    const statuses: LiveStatus[] = []
    connectLive({
      token: 'tok',
      handlers: { stock },
      onStatus: (s) => statuses.push(s),
      eventSource: FakeEventSource as unknown as typeof EventSource,
    })
    const source = FakeEventSource.instances[0]!
    expect(source.url).toContain('/api/events?access_token=tok')
    source.open()
    source.emit('stock', { productId: 1, sellable: 3 })
    expect(stock).toHaveBeenCalledWith({ productId: 1, sellable: 3 })
    expect(statuses).toEqual(['connecting', 'open'])
  })

  it('opens a new stream with back-off when the server closed it, then resyncs', () => {
    const onResync = vi.fn<() => void>()
    const connection = connectLive({
      token: 'tok',
      handlers: {},
      onResync,
      eventSource: FakeEventSource as unknown as typeof EventSource,
    })
    FakeEventSource.instances[0]!.open()
    FakeEventSource.instances[0]!.fail(true)
    expect(FakeEventSource.instances).toHaveLength(1)
    vi.advanceTimersByTime(2000)
    expect(FakeEventSource.instances).toHaveLength(2)
    FakeEventSource.instances[1]!.open()
    expect(onResync).toHaveBeenCalledTimes(1)

    connection.close()
    FakeEventSource.instances[1]!.fail(true)
    vi.advanceTimersByTime(60_000)
    expect(FakeEventSource.instances).toHaveLength(2)
  })

  it('leaves a dropped connection to the browser’s own retry', () => {
    connectLive({
      token: 't',
      handlers: {},
      eventSource: FakeEventSource as unknown as typeof EventSource,
    })
    FakeEventSource.instances[0]!.fail(false)
    vi.advanceTimersByTime(60_000)
    expect(FakeEventSource.instances).toHaveLength(1)
  })

  it('backs off from 1 s up to 30 s', () => {
    const mid = () => 0.5
    expect([0, 1, 2, 3, 10].map((n) => reconnectDelay(n, mid))).toEqual([
      1000, 2000, 4000, 8000, 30000,
    ])
  })
})
