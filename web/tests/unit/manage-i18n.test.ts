// Every word the manage pages ask for exists, in both languages.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import manage from '../../src/i18n/manage'

type Tree = { [key: string]: string | Tree }
const flat = (o: Tree, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [p + k] : flat(v, `${p}${k}.`)))

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? sources(p) : [p]
  })
}

describe('manage words', () => {
  const zh = new Set(flat(manage['zh-CN'] as Tree))
  const en = new Set(flat(manage.en as Tree))

  it('has the same keys in Chinese and English', () => {
    expect([...zh].filter((k) => !en.has(k))).toEqual([])
    expect([...en].filter((k) => !zh.has(k))).toEqual([])
  })

  it('has every key the pages use', () => {
    const missing: string[] = []
    for (const file of sources(join(__dirname, '../../src/pages/manage'))) {
      const text = readFileSync(file, 'utf8')
      for (const [, key] of text.matchAll(/'manage\.([A-Za-z0-9_.]+)'/g)) {
        // A key built at run time ('manage.x.' + value) must at least have its group.
        const ok = key.endsWith('.') ? [...zh].some((k) => k.startsWith(key)) : zh.has(key) || [...zh].some((k) => k.startsWith(key + '.'))
        if (!ok) missing.push(`${file.split('/pages/manage/')[1]}: ${key}`)
      }
    }
    expect(missing).toEqual([])
  })
})
