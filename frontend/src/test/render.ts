import { render } from '@testing-library/vue'
import type { RenderOptions } from '@testing-library/vue'
import { createPinia, setActivePinia } from 'pinia'
import type { Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import { createAppI18n } from '@/i18n'
import type { Locale } from '@/i18n'

/** A fresh pinia that tests and the rendered component share. */
export function freshPinia(): Pinia {
  const pinia = createPinia()
  setActivePinia(pinia)
  return pinia
}

export function renderWithApp<C extends Component>(
  component: C,
  options: RenderOptions<C> & { locale?: Locale; pinia?: Pinia } = {},
) {
  const { locale = 'zh-CN', pinia = freshPinia(), ...rest } = options
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div />' } },
      { path: '/:rest(.*)*', component: { template: '<div />' } },
    ],
  })
  const i18n = createAppI18n(locale)
  return {
    router,
    i18n,
    ...render(component, {
      ...rest,
      global: { plugins: [pinia, i18n, router], ...rest.global },
    } as RenderOptions<C>),
  }
}
