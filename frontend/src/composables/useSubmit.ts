import { ref } from 'vue'
import { useProblem } from './useProblem'

/**
 * One call at a time: `busy` while it runs, a failure shown as a problem notification. `run`
 * answers whether the call went through (false too when another one was still running).
 */
export function useSubmit() {
  const busy = ref(false)
  const problem = useProblem()

  async function run(call: () => Promise<unknown>): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    try {
      await call()
      return true
    } catch (error) {
      problem.show(error)
      return false
    } finally {
      busy.value = false
    }
  }

  return { busy, run }
}
