// The alert workflow as the page needs it: which actions apply to a state for
// whom, and which fields each one carries. Mirrors src/workflow/alert_workflow.cc
// so the page offers only legal steps; the server still decides.

export type ActionName =
  | 'respond' | 'accept' | 'reject_response' | 'escalate' | 'open_accountability' | 'close' | 'withdraw'

export type FieldName = 'text' | 'findings' | 'outcome'

export const STATES = ['open', 'responded', 'accepted', 'escalated', 'accountability', 'closed', 'withdrawn'] as const

const TRANSITIONS: Record<string, Partial<Record<ActionName, string>>> = {
  open: { respond: 'responded', escalate: 'escalated' },
  responded: { accept: 'accepted', reject_response: 'open', escalate: 'escalated' },
  escalated: { open_accountability: 'accountability', close: 'closed' },
  accepted: { close: 'closed' },
  accountability: { close: 'closed' },
}

// The bureau's actions in the order the page shows them.
const BUREAU_ORDER: ActionName[] = ['accept', 'reject_response', 'escalate', 'open_accountability', 'close', 'withdraw']

export function isTerminal(state: string): boolean {
  return state === 'closed' || state === 'withdrawn'
}

// The state `action` leads to from `state`, or null when it is not legal.
export function nextState(state: string, action: ActionName): string | null {
  if (action === 'withdraw') return isTerminal(state) || !(state in TRANSITIONS) ? null : 'withdrawn'
  return TRANSITIONS[state]?.[action] ?? null
}

// The department answers (respond_alert); the bureau judges (judge_alert).
export function permissionFor(action: ActionName): string {
  return action === 'respond' ? 'respond_alert' : 'judge_alert'
}

export function mayRespond(state: string, permissions: string[]): boolean {
  return permissions.includes('respond_alert') && nextState(state, 'respond') !== null
}

// The bureau's steps legal from `state` for someone holding `permissions`.
export function judgeActions(state: string, permissions: string[]): ActionName[] {
  if (!permissions.includes('judge_alert')) return []
  return BUREAU_ORDER.filter((a) => nextState(state, a) !== null)
}

export interface ActionField {
  name: FieldName
  required: boolean
}

// The free-text fields of a bureau step, as CheckFields requires them: the
// reason (text) for reject, escalate and withdraw; findings to open
// accountability; an outcome to close what was escalated or under accountability.
export function fieldsFor(action: ActionName, from: string): ActionField[] {
  switch (action) {
    case 'respond':
      return [{ name: 'text', required: true }]
    case 'accept':
      return [{ name: 'text', required: false }]
    case 'reject_response':
    case 'escalate':
    case 'withdraw':
      return [{ name: 'text', required: true }]
    case 'open_accountability':
      return [{ name: 'findings', required: true }, { name: 'text', required: false }]
    case 'close':
      return [
        { name: 'outcome', required: from === 'accountability' || from === 'escalated' },
        { name: 'text', required: false },
      ]
  }
}

export interface ActionBody {
  action: ActionName
  response_kind?: 'explained' | 'corrected'
  text?: string
  findings?: string
  outcome?: string
}

// The body of POST /api/v1/alerts/{id}/actions: only the fields the action
// carries, blank ones left out (the server refuses fields that do not belong).
export function actionBody(action: ActionName, from: string, values: Partial<Record<FieldName, string>>): ActionBody {
  const body: ActionBody = { action }
  for (const field of fieldsFor(action, from)) {
    const value = values[field.name]?.trim()
    if (value) body[field.name] = value
  }
  return body
}

// The first required field left blank, or null when the step may be sent.
export function missingField(action: ActionName, from: string, values: Partial<Record<FieldName, string>>): FieldName | null {
  const missing = fieldsFor(action, from).find((f) => f.required && !values[f.name]?.trim())
  return missing ? missing.name : null
}

// The department's answer: attachments (one reference per line: a file name,
// a document number) travel in the text, since the step has no attachment field.
export function responseBody(kind: 'explained' | 'corrected', text: string, attachments: string): ActionBody {
  const lines = attachments.split('\n').map((l) => l.trim()).filter(Boolean)
  let full = text.trim()
  if (lines.length) full += `\n\n附件 Attachments:\n${lines.map((l) => `- ${l}`).join('\n')}`
  return { action: 'respond', response_kind: kind, text: full }
}
