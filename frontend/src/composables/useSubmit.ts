import { ref } from 'vue'
import type { Ref } from 'vue'
import { ElMessage } from 'element-plus'
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

/**
 * Sends what a dialog asks for, one call at a time: once it went through, says so with `success`
 * and closes the dialog; after a failure the dialog stays open with what was typed.
 */
export function useDialogSubmit(open: Ref<boolean>) {
  const { busy, run } = useSubmit()

  async function submit(call: () => Promise<unknown>, success: string) {
    if (!(await run(call))) return
    ElMessage.success(success)
    open.value = false
  }

  return { busy, submit }
}
