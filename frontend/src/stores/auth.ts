import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import { authApi } from '@/api'
import type { Role } from '@/api/types'

export interface Session {
  token: string
  username: string
  role: Role
  /** epoch millis */
  expiresAt: number
}

const STORAGE_KEY = 'surge.session'

function loadSession(now = Date.now()): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    if (!raw) return null
    const session = JSON.parse(raw) as Session
    return session.token && session.expiresAt > now ? session : null
  } catch {
    return null
  }
}

export const useAuthStore = defineStore('auth', () => {
  const session = ref<Session | null>(loadSession())

  const isAuthenticated = computed(() => session.value !== null)
  const isAdmin = computed(() => session.value?.role === 'ADMIN')
  const username = computed(() => session.value?.username ?? '')
  const token = computed(() => session.value?.token ?? null)

  function save(next: Session | null) {
    session.value = next
    try {
      if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
      else localStorage.removeItem(STORAGE_KEY)
    } catch {
      // storage unavailable: the session lasts for this page only
    }
  }

  async function login(name: string, password: string): Promise<Session> {
    const answer = await authApi.login(name, password)
    const next: Session = {
      token: answer.accessToken,
      username: answer.username ?? name,
      role: answer.role ?? 'CUSTOMER',
      expiresAt: Date.now() + (answer.expiresIn ?? 3600) * 1000,
    }
    save(next)
    return next
  }

  async function register(name: string, password: string): Promise<Session> {
    await authApi.register(name, password)
    return login(name, password)
  }

  function logout() {
    save(null)
  }

  return { session, isAuthenticated, isAdmin, username, token, login, register, logout }
})
