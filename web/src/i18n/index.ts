// Simplified Chinese first, English beside it. Each area of the app keeps its
// words in its own file here; this merges them under the area's name.
import { createI18n } from 'vue-i18n'
import core from './core'
import ops from './ops'
import manage from './manage'
import admin from './admin'
import portal from './portal'

export type Locale = 'zh-CN' | 'en'
export const LOCALES: Locale[] = ['zh-CN', 'en']

type Tree = { [key: string]: string | Tree }
type AreaMessages = Record<Locale, Tree>

const areas: Record<string, AreaMessages> = { ops, manage, admin, portal }

export function buildMessages(): Record<Locale, Tree> {
  const out = {} as Record<Locale, Tree>
  for (const locale of LOCALES) {
    out[locale] = { ...core[locale] }
    for (const [name, messages] of Object.entries(areas)) out[locale][name] = messages[locale]
  }
  return out
}

const STORAGE_KEY = 'ovs.locale'

export function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null
  return saved === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: buildMessages(),
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
}
