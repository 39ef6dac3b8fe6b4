import { ref } from 'vue'
import { useDialogSubmit } from './useSubmit'

/**
 * Asks for a reason before an action is sent: `ask` opens the dialog for an action, `confirm`
 * sends it with the reason given, says `sent(action)` and closes the dialog once it went through.
 * `pending` keeps the last action asked for, so the dialog keeps its title while it closes.
 */
export function useReasonPrompt<A extends string>(
  send: (action: A, reason: string) => Promise<unknown>,
  sent: (action: A) => string,
) {
  const pending = ref<A | null>(null)
  const open = ref(false)
  const { busy, submit } = useDialogSubmit(open)

  function ask(action: A) {
    pending.value = action
    open.value = true
  }

  async function confirm(reason: string) {
    const action = pending.value
    if (action) await submit(() => send(action, reason), sent(action))
  }

  return { pending, open, busy, ask, confirm }
}
