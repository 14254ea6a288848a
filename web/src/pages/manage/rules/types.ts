// The rules API's shapes (server/api_rules.cc).
export type RuleLevel = 'department' | 'common' | 'accountability'
export const RULE_LEVELS: RuleLevel[] = ['department', 'common', 'accountability']
export type RuleStatus = 'draft' | 'pending_approval' | 'active' | 'retired'
export const RULE_STATUSES: RuleStatus[] = ['draft', 'pending_approval', 'active', 'retired']

export interface Rule {
  id: string
  version: number
  title: string
  level: RuleLevel
  kind: string
  status: RuleStatus
  case_kind: string
  owner_dept: string
  legal_basis: string
  description: string
  origin: string // FILE:LINE where the rule starts
}

export interface RuleStep {
  version: number
  status: string
  actor: string
  at: string
  note: string
}

export interface RuleDetail {
  rule: Rule
  yaml: string
  history: RuleStep[]
}

export const STATUS_TAG: Record<string, 'info' | 'warning' | 'success' | 'danger'> = {
  draft: 'info',
  pending_approval: 'warning',
  active: 'success',
  retired: 'danger',
}

// The line a rule starts at in its file ("…/file.yaml:12" → 12).
export function originLine(origin: string): number | undefined {
  const m = /:(\d+)$/.exec(origin)
  return m ? Number(m[1]) : undefined
}
