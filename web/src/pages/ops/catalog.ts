// Names for codes: departments, items (事项) and rules, loaded once per session
// and shared by the ops pages. A page that cannot load them shows the codes.
import { reactive } from 'vue'
import { api } from '../../api/client'
import { can } from '../../api/session'
import type { Department, Item, RuleSummary } from './types'

export const catalog = reactive({
  departments: [] as Department[],
  items: [] as Item[],
  rules: [] as RuleSummary[],
  deptName: new Map<string, string>(),
  itemByCode: new Map<string, Item>(),
  ruleTitle: new Map<string, string>(),
})

let loading: Promise<void> | null = null
let loadingItems: Promise<void> | null = null

// Departments and rules for every ops page; items (a longer list) only for
// the pages that name them.
export function loadCatalog(withItems = false): Promise<void> {
  if (!loading) {
    loading = Promise.all([
      api.get<Department[]>('/api/v1/departments').catch(() => [] as Department[]),
      can('read_rules')
        ? api.get<{ rules: RuleSummary[] }>('/api/v1/rules').then((r) => r.rules).catch(() => [] as RuleSummary[])
        : Promise.resolve([] as RuleSummary[]),
    ]).then(([departments, rules]) => {
      catalog.departments = departments
      catalog.rules = rules
      catalog.deptName = new Map(departments.map((d) => [d.code, d.name]))
      catalog.ruleTitle = new Map(rules.map((r) => [r.id, r.title]))
      // A failed load is tried again by the next page that asks.
      if (!departments.length) loading = null
    })
  }
  if (withItems && !loadingItems) {
    loadingItems = api.get<Item[]>('/api/v1/items').catch(() => [] as Item[]).then((items) => {
      catalog.items = items
      catalog.itemByCode = new Map(items.map((i) => [i.code, i]))
      if (!items.length) loadingItems = null
    })
  }
  return withItems ? Promise.all([loading, loadingItems]).then(() => undefined) : loading
}

export const deptName = (code: string): string => catalog.deptName.get(code) ?? code
export const itemName = (code: string): string => catalog.itemByCode.get(code)?.name ?? code
