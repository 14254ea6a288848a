// The catalog the server keeps (部门, 事项): its shapes, and the department and
// item lists loaded once per visit and shared by every page that names codes.
// A failed or empty load is tried again by the next caller.
import { api } from './client'

export interface TimeLimit {
  amount: number
  unit: string // working_days | natural_days | hours
}

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
  statutory_limit: TimeLimit | null
  promised_limit: TimeLimit | null
  fee_fen: number | null
  online_depth: number
}

function cachedList<T>(path: string): () => Promise<T[]> {
  let pending: Promise<T[]> | null = null
  return () => {
    if (!pending) {
      pending = api.get<T[]>(path).catch(() => [] as T[])
      pending.then((list) => {
        if (!list.length) pending = null
      })
    }
    return pending
  }
}

export const loadDepartments = cachedList<Department>('/api/v1/departments')
export const loadItems = cachedList<Item>('/api/v1/items')
