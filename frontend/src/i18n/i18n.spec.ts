import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN'
import en from './en'
import { detectLocale } from './index'

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  )
}

describe('i18n', () => {
  it('has every string in both languages', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('chooses the saved language, else the browser language, else Chinese', () => {
    expect(detectLocale(['en-US', 'zh-CN'], null)).toBe('en')
    expect(detectLocale(['zh-TW'], null)).toBe('zh-CN')
    expect(detectLocale(['fr-FR'], null)).toBe('zh-CN')
    expect(detectLocale(['en-GB'], 'zh-CN')).toBe('zh-CN')
  })
})
