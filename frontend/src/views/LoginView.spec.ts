import { describe, expect, it } from 'vitest'
import { screen } from '@testing-library/vue'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { server, API } from '@/test/server'
import { problemResponse } from '@/test/fixtures'
import { renderWithApp } from '@/test/render'
import LoginView from './LoginView.vue'

describe('LoginView', () => {
  it('checks the registration form before sending it', async () => {
    renderWithApp(LoginView)
    const user = userEvent.setup()
    await user.click(screen.getByRole('tab', { name: '注册' }))
    await user.type(screen.getByLabelText('用户名'), 'a!')
    await user.type(screen.getByLabelText('密码'), 'short')
    await user.type(screen.getByLabelText('确认密码'), 'other')
    await user.click(screen.getByRole('button', { name: '注册并登录' }))
    expect(await screen.findByText('用户名为 3–32 位字母、数字或 _ . -')).toBeInTheDocument()
    expect(await screen.findByText('密码长度为 8–72 位')).toBeInTheDocument()
    expect(await screen.findByText('两次输入的密码不一致')).toBeInTheDocument()
  })

  it('says when the credentials are wrong', async () => {
    server.use(
      http.post(`${API}/api/auth/token`, () =>
        problemResponse({ title: 'Unauthorized', status: 401 }),
      ),
    )
    renderWithApp(LoginView)
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('用户名'), 'alice')
    await user.type(screen.getByLabelText('密码'), 'wrong-password')
    await user.click(screen.getByRole('button', { name: '登录' }))
    expect(await screen.findByText('用户名或密码错误')).toBeInTheDocument()
  })

  it('does not say that a username is taken, only that signing in after sign-up failed', async () => {
    server.use(
      http.post(`${API}/api/users`, () =>
        HttpResponse.json({ username: 'alice' }, { status: 202 }),
      ),
      http.post(`${API}/api/auth/token`, () =>
        problemResponse({
          type: '/problems/bad-credentials',
          title: 'Bad credentials',
          status: 401,
        }),
      ),
    )
    renderWithApp(LoginView, { locale: 'en' })
    const user = userEvent.setup()
    await user.click(screen.getByRole('tab', { name: 'Register' }))
    await user.type(screen.getByLabelText('Username'), 'alice')
    await user.type(screen.getByLabelText('Password'), 'long-enough')
    await user.type(screen.getByLabelText('Confirm password'), 'long-enough')
    await user.click(screen.getByRole('button', { name: 'Register and log in' }))
    expect(
      await screen.findByText(
        'Could not register and log in with this username and password. If it is your account, log in with its password; otherwise choose another username.',
      ),
    ).toBeInTheDocument()
    expect(screen.queryByText(/taken/)).not.toBeInTheDocument()
  })
})
