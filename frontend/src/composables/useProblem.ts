import { h } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElNotification } from 'element-plus'
import { ApiError, ProblemType } from '@/api/problem'
import type { OrderStatus } from '@/api/types'

type Translate = (key: string, named?: Record<string, unknown>) => string

export interface ProblemView {
  title: string
  lines: string[]
  /** Seconds until a retry makes sense (429 / 503). */
  retryAfter: number | null
  status: number
}

const SHOWN_ELSEWHERE = new Set(['retryAfter', 'timestamp', 'path', 'requestId', 'traceId'])

/**
 * What to tell a person about a failed call: a translated title for the problem types we know, the
 * problem's own title otherwise, and its detail and extension fields as lines.
 */
export function describeProblem(
  error: unknown,
  t: Translate,
  productName: (id: number) => string | undefined = () => undefined,
): ProblemView {
  if (!(error instanceof ApiError)) {
    return {
      title: t('problem.generic'),
      lines: [error instanceof Error ? error.message : String(error)],
      retryAfter: null,
      status: 0,
    }
  }
  const p = error.problem
  const ext = error.extensions
  const view: ProblemView = {
    title: p.title,
    lines: [],
    retryAfter: error.retryAfter,
    status: error.status,
  }
  const product = (id: unknown) =>
    (typeof id === 'number' && productName(id)) || t('problem.product', { id: String(id ?? '?') })

  if (error.is(ProblemType.outOfStock)) {
    view.title = t('problem.outOfStock')
    view.lines.push(
      t('problem.outOfStockDetail', {
        product: product(ext.productId),
        requested: ext.requested ?? '?',
        available: ext.available ?? '?',
      }),
    )
    return view
  }
  if (error.is(ProblemType.invalidRequest)) {
    view.title = t('problem.invalidRequest')
    for (const fe of p.errors ?? []) view.lines.push(`${fe.field}: ${fe.message}`)
    if (!view.lines.length && p.detail) view.lines.push(p.detail)
    return view
  }
  if (error.is(ProblemType.illegalTransition)) {
    view.title = t('problem.illegalTransition')
    const status = String(ext.currentStatus ?? '?')
    view.lines.push(
      t('problem.illegalTransitionDetail', {
        status: t(`status.${status as OrderStatus}`),
        action: String(ext.action ?? '?'),
      }),
    )
    return view
  }
  if (error.is(ProblemType.rateLimited) || error.status === 429) {
    view.title = t('problem.rateLimited')
  } else if (error.is(ProblemType.unavailable) || error.status === 503) {
    view.title = t('problem.unavailable')
  } else if (error.is(ProblemType.network)) {
    view.title = t('problem.network')
    view.lines.push(t('problem.networkDetail'))
    return view
  } else if (error.is(ProblemType.unknownProduct)) {
    view.title = t('problem.unknownProduct')
  } else if (error.is(ProblemType.idempotencyKeyReused)) {
    view.title = t('problem.idempotencyKeyReused')
  } else if (error.is(ProblemType.requestInFlight)) {
    view.title = t('problem.requestInFlight')
  } else if (error.status === 403) {
    view.title = t('problem.forbidden')
  } else if (error.status === 404 && p.type === 'about:blank') {
    view.title = t('problem.notFound')
  }
  if (p.detail && p.detail !== p.title) view.lines.push(p.detail)
  for (const [key, value] of Object.entries(ext)) {
    if (SHOWN_ELSEWHERE.has(key) || value === null || typeof value === 'object') continue
    view.lines.push(`${key}: ${String(value)}`)
  }
  if (view.retryAfter !== null) view.lines.push(t('problem.retryAfter', { s: view.retryAfter }))
  return view
}

/** Shows a failed call as a notification; returns the view for inline display too. */
export function useProblem(productName?: (id: number) => string | undefined) {
  const { t } = useI18n()
  function show(error: unknown): ProblemView {
    const view = describeProblem(error, t, productName)
    ElNotification({
      offset: 64,
      type: view.status === 429 || view.status === 503 ? 'warning' : 'error',
      title: view.title,
      message: h(
        'div',
        { class: 'problem-lines' },
        view.lines.map((line) => h('div', line)),
      ),
      duration: view.retryAfter ? Math.max(4500, view.retryAfter * 1000) : 6000,
    })
    return view
  }
  return { show, describe: (error: unknown) => describeProblem(error, t, productName) }
}
