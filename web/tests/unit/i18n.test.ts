import { describe, expect, it } from 'vitest'
import { buildMessages } from '../../src/i18n'

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`))
}

function leaf(tree: Tree, path: string): string | Tree | undefined {
  return path.split('.').reduce<string | Tree | undefined>(
    (node, part) => (node && typeof node === 'object' ? node[part] : undefined), tree)
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
}

describe('i18n', () => {
  const messages = buildMessages()
  const zh = keys(messages['zh-CN'] as Tree)
  const en = keys(messages.en as Tree)

  it('has every key in both languages', () => {
    expect(en.filter((k) => !zh.includes(k))).toEqual([])
    expect(zh.filter((k) => !en.includes(k))).toEqual([])
    expect(zh.length).toBeGreaterThan(50)
  })

  it('has no empty text and the same placeholders in both languages', () => {
    for (const key of zh) {
      const a = leaf(messages['zh-CN'] as Tree, key) as string
      const b = leaf(messages.en as Tree, key) as string
      expect(a.trim(), `zh-CN ${key}`).not.toBe('')
      expect(b.trim(), `en ${key}`).not.toBe('')
      expect(placeholders(a), key).toEqual(placeholders(b))
    }
  })

  it('writes Chinese in the Chinese text', () => {
    const chinese = zh.filter((k) => /[\u4e00-\u9fff]/.test(leaf(messages['zh-CN'] as Tree, k) as string))
    // Proper names (Oversight, XLSX) may stay Latin; nearly everything else is Chinese.
    expect(chinese.length / zh.length).toBeGreaterThan(0.9)
  })
})
