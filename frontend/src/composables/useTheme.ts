import { ref } from 'vue'

const STORAGE_KEY = 'surge.theme'

function initial(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'dark'
  } catch {
    return false
  }
}

/** One dark-mode switch for the page: the `dark` class on <html> (Element Plus) and the charts. */
const dark = ref(initial())

export function applyTheme() {
  document.documentElement.classList.toggle('dark', dark.value)
}

export function useTheme() {
  function toggle() {
    dark.value = !dark.value
    applyTheme()
    try {
      localStorage.setItem(STORAGE_KEY, dark.value ? 'dark' : 'light')
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
  }
  return { dark, toggle }
}
