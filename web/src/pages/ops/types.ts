// The JSON the case and alert routes send (src/server/json_out.cc), field for field.
import type { Department, Item, TimeLimit } from '../../api/catalog'

export type { Department, Item, TimeLimit }

export interface Page<T> {
  items: T[]
  next_cursor: number | null
}

export interface CaseSummary {
  id: string
  kind: string // approval | complaint | rating
  item_code: string
  dept_code: string
  applicant_type: string
  applicant: string // masked by the server
  channel: string
  source: string
  stage: string // type of the latest event
  first_at: string
  last_at: string
  event_count: number
}

export interface CaseEvent {
  seq: number
  source: string
  source_event_id: string
  case_id: string
  type: string
  step: string
  at: string
  dept_code: string
  item_code: string
  actor: string
  channel: string
  attrs: Record<string, unknown>
  ingested_at: string
  hash: string
}

export interface DeadlineStage {
  level: string // notice | yellow | red
  limit: TimeLimit | null
  due: string | null
  state: string // met | breached | running | paused | no limit
}

export interface Deadline {
  rule_id: string
  title: string
  start: string
  stopped_at: string | null
  stopped_by: string
  paused_ms: number
  stages: DeadlineStage[]
}

export interface Alert {
  id: number
  rule_id: string
  rule_version: number
  case_id: string
  occurrence: number
  level: string
  state: string
  dept_code: string
  raised_at: string
  due: string | null
  reason: string
  withdrawn_at: string | null
  withdraw_reason: string
  reopened_at: string | null
  noticed_at?: string | null
  linked_alert_id: number | null
}

export interface CaseDetail {
  case: CaseSummary
  timeline: CaseEvent[]
  deadlines: Deadline[]
  alerts: Alert[]
}

export interface AlertStep {
  id: number
  alert_id: number
  action: string
  from_state: string
  to_state: string
  actor: string
  actor_role: string
  at: string
  text: string
  response_kind: string | null
  findings: string
  outcome: string
}

export interface AlertRule {
  id: string
  version: number
  title: string
  legal_basis: string
  description: string
}

export interface AlertDetail {
  alert: Alert
  thread: AlertStep[]
  rule: AlertRule | null
}

export interface AlertCount {
  dept_code: string
  level: string
  state: string
  count: number
}

export interface RuleSummary {
  id: string
  version: number
  title: string
  level: string
  kind: string
  status: string
  case_kind: string
  legal_basis: string
}
