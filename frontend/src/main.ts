import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { ElMessage } from 'element-plus'
import 'element-plus/theme-chalk/dark/css-vars.css'
import './styles/main.css'

import App from './App.vue'
import { createAppRouter } from './router'
import { i18n } from './i18n'
import { configureHttp } from './api/http'
import { useAuthStore } from './stores/auth'
import { useLiveStore } from './stores/live'
import { applyTheme } from './composables/useTheme'

applyTheme()

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
const router = createAppRouter()
app.use(router)
app.use(i18n)

const auth = useAuthStore()
let expiredShown = false
configureHttp({
  baseUrl: import.meta.env.VITE_API_BASE ?? '',
  token: () => auth.token,
  onUnauthorized: () => {
    const wasLoggedIn = auth.isAuthenticated
    auth.logout()
    useLiveStore().stop()
    const current = router.currentRoute.value
    if (current.name !== 'login') {
      if (wasLoggedIn && !expiredShown) {
        expiredShown = true
        ElMessage.warning({
          message: i18n.global.t('auth.sessionExpired'),
          onClose: () => (expiredShown = false),
        })
      }
      void router.push({ name: 'login', query: { redirect: current.fullPath } })
    }
  },
})

document.documentElement.lang = i18n.global.locale.value
app.mount('#app')
