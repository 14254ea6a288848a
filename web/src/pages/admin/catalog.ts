// Filtering and wording for the catalog page (departments and items).
import type { Department, Item, TimeLimit } from './types'

// Matches a code or a name, case-insensitively; an empty query matches all.
export function matches(query: string, ...fields: string[]): boolean {
  const q = query.trim().toLowerCase()
  if (!q) return true
  return fields.some((f) => f.toLowerCase().includes(q))
}

export function filterDepartments(list: Department[], query: string): Department[] {
  return list.filter((d) => matches(query, d.code, d.name, d.region))
}

export function filterItems(list: Item[], query: string, dept: string): Item[] {
  return list.filter((i) => (!dept || i.dept_code === dept) && matches(query, i.code, i.name, i.category))
}

// A time limit as words: the unit's key under admin.catalog.units and the amount.
export function limitParts(limit: TimeLimit | null): { key: string; n: number } | null {
  if (!limit) return null
  const key = ({ working_days: 'workingDays', natural_days: 'naturalDays', hours: 'hours' } as Record<string, string>)[limit.unit]
  return key ? { key, n: limit.amount } : null
}

// Fees are kept in fen; shown in yuan with two decimals.
export function feeYuan(fen: number | null): string {
  return fen === null ? '—' : (fen / 100).toFixed(2)
}
