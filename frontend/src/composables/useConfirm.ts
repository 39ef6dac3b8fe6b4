import { useI18n } from 'vue-i18n'
import { ElMessageBox } from 'element-plus'

/** Asking before something that cannot be undone: a warning box with a red confirm button. */
export function useConfirm() {
  const { t } = useI18n()

  /** Whether the user confirmed; cancelling or closing the box is a no. */
  async function confirmDanger(message: string, title: string, confirmText: string) {
    try {
      await ElMessageBox.confirm(message, title, {
        type: 'warning',
        confirmButtonText: confirmText,
        cancelButtonText: t('common.no'),
        confirmButtonClass: 'el-button--danger',
      })
      return true
    } catch {
      return false
    }
  }

  return { confirmDanger }
}
