// Names for codes: departments, items (事项) and rules, loaded once per session
// and shared by the ops pages. A page that cannot load them shows the codes.
import { reactive } from 'vue'
import { api } from '../../api/client'
import { can } from '../../api/session'
import { loadDepartments, loadItems } from '../../api/catalog'
import type { Department, Item, RuleSummary } from './types'

export const catalog = reactive({
  departments: [] as Department[],
  items: [] as Item[],
  rules: [] as RuleSummary[],
  deptName: new Map<string, string>(),
  itemByCode: new Map<string, Item>(),
  ruleTitle: new Map<string, string>(),
})

let loadingRules: Promise<RuleSummary[]> | null = null

// Departments and rules for every ops page; items (a longer list) only for
// the pages that name them.
export async function loadCatalog(withItems = false): Promise<void> {
  if (!loadingRules) {
    loadingRules = can('read_rules')
      ? api.get<{ rules: RuleSummary[] }>('/api/v1/rules').then((r) => r.rules).catch(() => [] as RuleSummary[])
      : Promise.resolve([] as RuleSummary[])
  }
  const [departments, rules, items] = await Promise.all([
    loadDepartments(), loadingRules, withItems ? loadItems() : null,
  ])
  catalog.departments = departments
  catalog.deptName = new Map(departments.map((d) => [d.code, d.name]))
  catalog.rules = rules
  catalog.ruleTitle = new Map(rules.map((r) => [r.id, r.title]))
  if (items) {
    catalog.items = items
    catalog.itemByCode = new Map(items.map((i) => [i.code, i]))
  }
}

export const deptName = (code: string): string => catalog.deptName.get(code) ?? code
export const itemName = (code: string): string => catalog.itemByCode.get(code)?.name ?? code
