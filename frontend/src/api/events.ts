import { url } from './http'
import type { EventMap } from './types'

export type LiveStatus = 'idle' | 'connecting' | 'open' | 'reconnecting'

export type EventHandlers = { [K in keyof EventMap]?: (data: EventMap[K]) => void }

export interface LiveConnection {
  close(): void
}

export interface LiveOptions {
  token: string
  handlers: EventHandlers
  onStatus?: (status: LiveStatus) => void
  /** Called after the stream came back from a break: state may have been missed, so re-read it once. */
  onResync?: () => void
  /** For tests. */
  eventSource?: typeof EventSource
}

const EVENT_NAMES: (keyof EventMap)[] = ['stock', 'order', 'alert', 'log', 'stats', 'reset']
const MAX_DELAY_MS = 30_000

/** Back-off for the n-th consecutive failure: 1 s, 2 s, 4 s … 30 s, with jitter. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.max(0, attempt))
  return Math.round(base * (0.75 + random() * 0.5))
}

/**
 * Subscribes to `/api/events`. EventSource retries by itself after a dropped connection; when the
 * server refuses the stream (it is then CLOSED), we open a new one after a growing delay.
 */
export function connectLive(options: LiveOptions): LiveConnection {
  const Source = options.eventSource ?? globalThis.EventSource
  let source: EventSource | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let attempt = 0
  let closed = false
  let hadBreak = false

  const setStatus = (status: LiveStatus) => options.onStatus?.(status)

  const open = () => {
    if (closed) return
    setStatus(attempt === 0 && !hadBreak ? 'connecting' : 'reconnecting')
    source = new Source(url('/api/events', { access_token: options.token }))
    source.onopen = () => {
      attempt = 0
      setStatus('open')
      if (hadBreak) options.onResync?.()
      hadBreak = false
    }
    source.onerror = () => {
      hadBreak = true
      if (!source || source.readyState === Source.CLOSED) {
        source?.close()
        source = null
        setStatus('reconnecting')
        timer = setTimeout(open, reconnectDelay(attempt++))
      } else {
        setStatus('reconnecting')
      }
    }
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (event) => {
        const handler = options.handlers[name] as ((data: unknown) => void) | undefined
        if (!handler) return
        try {
          handler(JSON.parse((event as MessageEvent<string>).data))
        } catch (error) {
          console.warn(`bad ${name} event`, error)
        }
      })
    }
  }

  open()
  return {
    close() {
      closed = true
      if (timer) clearTimeout(timer)
      source?.close()
      source = null
      setStatus('idle')
    },
  }
}
