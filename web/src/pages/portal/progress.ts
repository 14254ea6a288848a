// The progress lookup (办件进度查询): what GET /api/v1/public/cases/{id}
// answers (src/server/api_cases.cc), read into what the page shows. Nothing
// personal is in it; the check characters the citizen typed are never shown back.
import { isCheckDigits } from '../../lib/mask'

export interface PublicDue {
  amount: number
  unit: string // working_days | natural_days | hours
  at: string | null // null while the clock is stopped
}

export interface PublicCaseAnswer {
  id: string
  item: { code: string; name: string }
  department: { code: string; name: string }
  channel: string
  stage: string // the latest step's type: accept, review …
  submitted_at: string
  accepted_at: string | null
  promised_due: PublicDue | null
  statutory_due: PublicDue | null
  paused: boolean
  concluded_at: string | null
  result: string | null // complete | reject | withdraw
  overdue: boolean
  timeline: { type: string; at: string }[]
  as_of: string
}

export interface PublicCase {
  id: string
  item: string
  department: string
  stage: string
  submittedAt: string
  acceptedAt: string | null
  promised: PublicDue | null
  statutory: PublicDue | null
  paused: boolean
  concluded: boolean
  concludedAt: string | null
  result: string | null
  overdue: boolean
  steps: { type: string; at: string }[] // newest first
}

export function readPublicCase(a: PublicCaseAnswer): PublicCase {
  return {
    id: a.id,
    item: a.item?.name || a.item?.code || '',
    department: a.department?.name || a.department?.code || '',
    stage: a.stage,
    submittedAt: a.submitted_at,
    acceptedAt: a.accepted_at,
    promised: a.promised_due,
    statutory: a.statutory_due,
    paused: a.paused,
    concluded: a.concluded_at !== null,
    concludedAt: a.concluded_at,
    result: a.result,
    overdue: a.overdue,
    steps: [...(a.timeline ?? [])].sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0)),
  }
}

export interface LookupInput {
  id: string
  check: string
}

// Which field is wrong before asking the server: '' when both are fine.
export function lookupProblem(input: LookupInput): '' | 'id' | 'check' {
  const id = input.id.trim()
  if (!id || id.length > 64 || /\s/.test(id)) return 'id'
  if (!isCheckDigits(input.check)) return 'check'
  return ''
}

export function lookupPath(input: LookupInput): string {
  return `/api/v1/public/cases/${encodeURIComponent(input.id.trim())}`
}

// The key of a time limit's unit under admin-free words: workingDays, naturalDays, hours.
export function unitKey(unit: string): string {
  return ({ working_days: 'workingDays', natural_days: 'naturalDays', hours: 'hours' } as Record<string, string>)[unit] ?? 'workingDays'
}
