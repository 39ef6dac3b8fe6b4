import { describe, expect, it } from 'vitest'
import { http, HttpResponse } from 'msw'
import { server, API } from '@/test/server'
import { aToken } from '@/test/fixtures'
import { freshPinia } from '@/test/render'
import { useAuthStore } from './auth'

describe('auth store', () => {
  it('logs in, keeps the session and knows an admin', async () => {
    server.use(http.post(`${API}/api/auth/token`, () => HttpResponse.json(aToken())))
    freshPinia()
    const auth = useAuthStore()
    await auth.login('admin', 'surge-admin')
    expect(auth.isAuthenticated).toBe(true)
    expect(auth.isAdmin).toBe(true)
    expect(auth.token).toBe('jwt')
    expect(JSON.parse(localStorage.getItem('surge.session')!)).toMatchObject({
      token: 'jwt',
      role: 'ADMIN',
    })

    freshPinia()
    expect(useAuthStore().username).toBe('admin')
  })

  it('registers and then logs in', async () => {
    const calls: string[] = []
    server.use(
      http.post(`${API}/api/users`, () => {
        calls.push('register')
        return HttpResponse.json({ username: 'carol' }, { status: 202 })
      }),
      http.post(`${API}/api/auth/token`, () => {
        calls.push('token')
        return HttpResponse.json(aToken({ accessToken: 't', username: 'carol', role: 'CUSTOMER' }))
      }),
    )
    freshPinia()
    const auth = useAuthStore()
    await auth.register('carol', 'carol-secret')
    expect(calls).toEqual(['register', 'token'])
    expect(auth.isAdmin).toBe(false)
  })

  it('forgets an expired session and logs out', () => {
    localStorage.setItem(
      'surge.session',
      JSON.stringify({ token: 'old', username: 'a', role: 'CUSTOMER', expiresAt: Date.now() - 1 }),
    )
    freshPinia()
    expect(useAuthStore().isAuthenticated).toBe(false)

    localStorage.setItem(
      'surge.session',
      JSON.stringify({
        token: 'new',
        username: 'a',
        role: 'CUSTOMER',
        expiresAt: Date.now() + 60_000,
      }),
    )
    freshPinia()
    const auth = useAuthStore()
    expect(auth.isAuthenticated).toBe(true)
    auth.logout()
    expect(auth.isAuthenticated).toBe(false)
    expect(localStorage.getItem('surge.session')).toBeNull()
  })
})
