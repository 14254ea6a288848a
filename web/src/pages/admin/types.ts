// What the admin routes answer (src/server/json_out.cc, api_admin.cc, api_catalog.cc).
import type { Department, Item, TimeLimit } from '../../api/catalog'

export type { Department, Item, TimeLimit }

export interface User {
  id: number
  name: string
  display_name: string
  role: string
  dept_code: string
  locked_until: string | null
  disabled: boolean
  must_change_password: boolean
  created_at: string
}

export interface Token {
  id: number
  name: string
  source: string
  dept_codes: string[]
  created_by: string
  created_at: string
  revoked_at: string | null
  last_used_at: string | null
}

export interface QuarantineRecord {
  id: number
  source: string
  input: string
  line: number
  reason: string
  message: string
  original_text: string
  received_at: string
  resolved: boolean
  resolved_seq: number
}

export interface RetrySummary {
  retried: number
  stored: number
  duplicate: number
  still_quarantined: number
  reasons: Record<string, number>
}

export interface OpsRecord {
  seq: number
  at: string
  actor: string
  actor_role: string
  action: string
  object: string
  result: string
  detail: string
  client: string
  hash: string
}

export interface ChainReport {
  ok: boolean
  checked: number
  broken_seq: number
  problem: string
  algorithm: string
  head: string
}

export interface VerifyResult {
  ok: boolean
  events: ChainReport
  operations: ChainReport
}

export interface Page<T> {
  items: T[]
  next_cursor: number | null
}

// The roles an administrator may give (src/auth/role.cc).
export const ROLES = ['supervisor', 'assessor', 'dept_officer', 'complaint_desk', 'sysadmin', 'secadmin', 'auditor']

// How an account stands: disabled by an administrator, locked for a while
// after wrong passwords, or active.
export type AccountState = 'disabled' | 'locked' | 'active'

export function accountState(user: User, now: Date): AccountState {
  if (user.disabled) return 'disabled'
  if (user.locked_until && new Date(user.locked_until) > now) return 'locked'
  return 'active'
}
