import { describe, expect, it } from 'vitest'
import type { RouteLocationNormalized } from 'vue-router'
import { freshPinia } from '@/test/render'
import { useAuthStore } from '@/stores/auth'
import { guard } from './index'

const to = (fullPath: string, meta: Record<string, unknown> = {}, name = 'x') =>
  ({ fullPath, meta, name }) as unknown as RouteLocationNormalized

function signIn(role: 'ADMIN' | 'CUSTOMER') {
  useAuthStore().session = { token: 't', username: 'u', role, expiresAt: Date.now() + 60_000 }
}

describe('route guard', () => {
  it('sends a visitor to the login page, remembering where they were going', () => {
    freshPinia()
    expect(guard(to('/orders/42'))).toEqual({ name: 'login', query: { redirect: '/orders/42' } })
    expect(guard(to('/login', { public: true }, 'login'))).toBe(true)
  })

  it('keeps customers out of the dashboard', () => {
    freshPinia()
    signIn('CUSTOMER')
    expect(guard(to('/admin', { admin: true }))).toEqual({ name: 'shop' })
    expect(guard(to('/orders'))).toBe(true)
  })

  it('lets an admin in and sends a signed-in user away from the login page', () => {
    freshPinia()
    signIn('ADMIN')
    expect(guard(to('/admin', { admin: true }))).toBe(true)
    expect(guard(to('/login', { public: true }, 'login'))).toEqual({ name: 'admin' })
  })
})
