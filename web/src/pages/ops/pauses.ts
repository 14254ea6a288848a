// Periods when a case's clock stood still, read from its timeline: waiting for
// the applicant's supplement (补正: request_supplement → supplement_received)
// and special procedures (中止 / 特别程序: suspend → resume).
import type { CaseEvent } from './types'

export type PauseKind = 'supplement' | 'suspend'

export interface Pause {
  kind: PauseKind
  from: string
  to: string | null // null: still paused
  fromStep: string
  toStep: string
}

const OPENS: Record<string, PauseKind> = { request_supplement: 'supplement', suspend: 'suspend' }
const CLOSES: Record<string, PauseKind> = { supplement_received: 'supplement', resume: 'suspend' }

export function pausesOf(timeline: CaseEvent[]): Pause[] {
  const events = [...timeline].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.seq - b.seq)
  const open = new Map<PauseKind, Pause>()
  const out: Pause[] = []
  for (const e of events) {
    const opens = OPENS[e.type]
    if (opens && !open.has(opens)) {
      const pause: Pause = { kind: opens, from: e.at, to: null, fromStep: e.step, toStep: '' }
      open.set(opens, pause)
      out.push(pause)
      continue
    }
    const closes = CLOSES[e.type]
    const pause = closes ? open.get(closes) : undefined
    if (closes && pause) {
      pause.to = e.at
      pause.toStep = e.step
      open.delete(closes)
    }
  }
  return out
}

// Milliseconds as "3 天 4 小时" style parts: whole days, hours and minutes.
export function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.max(0, Math.floor(ms / 60000))
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 }
}

// Which of the item's limits each rung of a deadline counts: the promised limit
// (承诺时限) or the statutory one (法定时限). The route sends only amounts, so a
// deadline is taken to count the item's limits when one rung matches the
// promised limit and a later one the statutory limit (the completion rule's
// ladder); a rule with its own fixed limit (受理 within 5 days) gets no label
// even when its amount happens to equal the item's.
export type LimitKind = 'promised' | 'statutory' | ''

interface Limit {
  amount: number
  unit: string
}

const sameLimit = (a: Limit | null | undefined, b: Limit | null | undefined) =>
  !!a && !!b && a.amount === b.amount && a.unit === b.unit

export function rungKinds(
  stages: { limit: Limit | null }[],
  promised: Limit | null | undefined,
  statutory: Limit | null | undefined,
): LimitKind[] {
  const none = stages.map((): LimitKind => '')
  const lastStatutory = stages.map((s) => sameLimit(s.limit, statutory)).lastIndexOf(true)
  if (lastStatutory < 0) return none
  const promisedBefore = stages.slice(0, lastStatutory).some((s) => sameLimit(s.limit, promised))
  if (!promisedBefore) return none
  return stages.map((s, i): LimitKind =>
    i === lastStatutory ? 'statutory' : i < lastStatutory && sameLimit(s.limit, promised) ? 'promised' : '')
}
