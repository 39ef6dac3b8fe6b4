import { computed, onBeforeUnmount, ref } from 'vue'

/** A visible "retry in N s" after a 429 / 503 with Retry-After. */
export function useRetryCountdown() {
  const until = ref(0)
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | null = null

  const seconds = computed(() => Math.max(0, Math.ceil((until.value - now.value) / 1000)))
  const waiting = computed(() => seconds.value > 0)

  function stop() {
    if (timer) clearInterval(timer)
    timer = null
  }

  function start(retryAfter: number | null) {
    if (!retryAfter || retryAfter <= 0) return
    until.value = Date.now() + retryAfter * 1000
    now.value = Date.now()
    stop()
    timer = setInterval(() => {
      now.value = Date.now()
      if (now.value >= until.value) stop()
    }, 250)
  }

  onBeforeUnmount(stop)
  return { seconds, waiting, start }
}
