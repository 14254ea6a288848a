// Complaints (投诉举报) as the API sends them (server/api_complaints.cc), the
// steps a user may take next, and the deadlines worth showing.

export type ComplaintState = 'received' | 'fed_back' | 'resolved' | 'reopened'
export const COMPLAINT_STATES: ComplaintState[] = ['received', 'fed_back', 'resolved', 'reopened']
export const CHANNELS = ['hotline', 'window', 'online', 'mobile', 'letter', 'email'] as const

export interface Satisfaction {
  level: number
  level_name: string
  comment: string
  at: string
}

export interface Complaint {
  id: string
  state: ComplaintState | null
  dept_code: string
  item_code: string
  received_at: string
  last_step_at: string
  steps: number
  source: string
  registered: boolean
  channel: string
  about_case: string | null
  category: string | null
  complainant: { name: string; contact: string } | null
  satisfaction: Satisfaction | null
}

export interface TimelineEvent {
  seq: number
  type: string
  step: string
  at: string
  actor: string
  attrs: Record<string, unknown>
  source: string
}

export interface DeadlineStage {
  level: string
  limit: { amount: number; unit: string } | null
  due: string | null
  state: string
}

export interface CaseDeadline {
  rule_id: string
  title: string
  start: string
  stopped_at: string | null
  stopped_by: string
  paused_ms: number
  stages: DeadlineStage[]
}

export interface AlertBrief {
  id: number
  rule_id: string
  level: string
  state: string
  raised_at: string
  due: string | null
  reason: string
}

export interface ComplaintDetail extends Complaint {
  content?: string
  timeline: TimelineEvent[]
  deadlines: CaseDeadline[]
  alerts: AlertBrief[]
}

export type ComplaintStep = 'feedback' | 'resolve' | 'reopen' | 'satisfaction'

// The steps open to a user on a complaint in `state`: the department answers
// its own complaints (respond_alert), the desk any (manage_complaints); only
// the desk reopens and records satisfaction, once per resolution.
export function allowedSteps(c: Pick<Complaint, 'state' | 'satisfaction'>, can: (p: string) => boolean): ComplaintStep[] {
  const desk = can('manage_complaints')
  const answers = desk || can('respond_alert')
  const out: ComplaintStep[] = []
  switch (c.state) {
    case 'received':
      if (answers) out.push('feedback')
      break
    case 'fed_back':
    case 'reopened':
      if (answers) out.push('feedback', 'resolve')
      break
    case 'resolved':
      if (desk) out.push('reopen')
      if (desk && !c.satisfaction) out.push('satisfaction')
      break
  }
  return out
}

// The instant a deadline is judged at: its yellow card's due (the breach),
// else its last rung's.
export function dueOf(d: CaseDeadline): string | null {
  const yellow = d.stages.find((s) => s.level === 'yellow' && s.due)
  if (yellow) return yellow.due
  const withDue = d.stages.filter((s) => s.due)
  return withDue.length ? withDue[withDue.length - 1].due : null
}

// The first-feedback deadline (24 hours), if the case has one.
export function feedbackDeadline(deadlines: CaseDeadline[]): CaseDeadline | undefined {
  return deadlines.find((d) => d.rule_id === 'complaint.first-feedback-24h') ??
    deadlines.find((d) => d.rule_id.includes('feedback'))
}

// What a step said: its text attribute, if any.
export function stepText(e: TimelineEvent): string {
  const t = e.attrs?.text
  return typeof t === 'string' ? t : ''
}
