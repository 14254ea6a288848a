// Names for department and item codes, loaded once and shared by the manage
// pages; a code without a name shows as itself.
import { reactive } from 'vue'
import { loadDepartments, loadItems, type Department, type Item } from '../../api/catalog'

export type { Department, Item }

export const names = reactive({
  departments: [] as Department[],
  items: [] as Item[],
  dept: new Map<string, string>(),
  item: new Map<string, string>(),
})

// Departments always; items (a longer list) only for pages that name them.
export async function loadNames(options: { items?: boolean } = {}): Promise<void> {
  const [departments, items] = await Promise.all([loadDepartments(), options.items ? loadItems() : null])
  names.departments = [...departments].sort((a, b) => (a.code < b.code ? -1 : 1))
  names.dept = new Map(departments.map((d) => [d.code, d.name]))
  if (items) {
    names.items = items
    names.item = new Map(items.map((i) => [i.code, i.name]))
  }
}

export const deptName = (code: string | null | undefined): string =>
  code ? (names.dept.get(code) ?? code) : '—'
export const itemName = (code: string | null | undefined): string =>
  code ? (names.item.get(code) ?? code) : '—'
