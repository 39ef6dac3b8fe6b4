import { ref } from 'vue'
import type { Ref } from 'vue'
import type { Page } from '@/api/types'

/**
 * One page of a list the API pages: the query it was read with, its rows and how many there are in
 * all. `load` merges `next` into the query and reads that page; a failure is the caller's.
 */
export function usePagedList<T, Q extends object>(
  read: (query: Q) => Promise<Page<T>>,
  initial: Q,
) {
  const rows = ref<T[]>([]) as Ref<T[]>
  const total = ref(0)
  const query = ref(initial) as Ref<Q>
  const loading = ref(false)

  async function load(next: Partial<Q> = {}) {
    query.value = { ...query.value, ...next }
    loading.value = true
    try {
      const answer = await read(query.value)
      rows.value = answer.content
      total.value = answer.totalElements
    } finally {
      loading.value = false
    }
  }

  return { rows, total, query, loading, load }
}
