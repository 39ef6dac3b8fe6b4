import { onBeforeUnmount, ref } from 'vue'

/** A clock that ticks once a second while the component lives (for countdowns). */
export function useNow(intervalMs = 1000) {
  const now = ref(Date.now())
  const timer = setInterval(() => (now.value = Date.now()), intervalMs)
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
