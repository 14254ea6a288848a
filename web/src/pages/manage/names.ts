// Names for department and item codes, loaded once and shared by the manage
// pages; a code without a name shows as itself.
import { reactive } from 'vue'
import { api } from '../../api/client'

export interface Department {
  code: string
  name: string
  parent_code: string
  region: string
}

export interface Item {
  code: string
  name: string
  dept_code: string
  category: string
}

export const names = reactive({
  departments: [] as Department[],
  items: [] as Item[],
  dept: new Map<string, string>(),
  item: new Map<string, string>(),
})

let loadingDepts: Promise<void> | null = null
let loadingItems: Promise<void> | null = null

// Departments always; items (a longer list) only for pages that name them.
export function loadNames(options: { items?: boolean } = {}): Promise<void> {
  if (!loadingDepts) {
    loadingDepts = api.get<Department[]>('/api/v1/departments').catch(() => [] as Department[]).then((departments) => {
      names.departments = [...departments].sort((a, b) => (a.code < b.code ? -1 : 1))
      names.dept = new Map(departments.map((d) => [d.code, d.name]))
      if (!departments.length) loadingDepts = null // try again next time
    })
  }
  if (options.items && !loadingItems) {
    loadingItems = api.get<Item[]>('/api/v1/items').catch(() => [] as Item[]).then((items) => {
      names.items = items
      names.item = new Map(items.map((i) => [i.code, i.name]))
      if (!items.length) loadingItems = null
    })
  }
  return Promise.all([loadingDepts, options.items ? loadingItems : null]).then(() => undefined)
}

export const deptName = (code: string | null | undefined): string =>
  code ? (names.dept.get(code) ?? code) : '—'
export const itemName = (code: string | null | undefined): string =>
  code ? (names.item.get(code) ?? code) : '—'
