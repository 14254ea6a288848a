// Satisfaction ratings (好差评, server/api_ratings.cc): codes as coded in
// GB/T 39046 A.8 — 1 very satisfied … 5 very dissatisfied, lower is better,
// never inverted — and the rectification steps of a bad rating.
import type { TimelineEvent } from '../complaints/complaint'

export interface Appeal {
  reason: string
  filed_by: string
  filed_at: string
  state: 'pending' | 'upheld' | 'rejected' | string
  decision_reason: string
  decided_by: string
  decided_at: string | null
}

export interface Rating {
  id: number
  case_id: string | null
  item_code: string
  dept_code: string
  level: number
  level_name: string
  bad: boolean
  channel: string
  comment: string
  rater: string
  rated_at: string
  is_default: boolean
  rectification_case: string | null
  excluded: boolean
  excluded_at: string | null
  excluded_reason: string
  appeal: Appeal | null
}

export interface RatingSummary {
  count: number
  bad: number
  excluded: number
  per_level: Record<string, number>
  average_level: number | null
}

export const RATING_LEVELS = [1, 2, 3, 4, 5]
export type RectifyStep = 'verify' | 'rectify' | 'revisit'
export const RECTIFY_STEPS: RectifyStep[] = ['verify', 'rectify', 'revisit']
const STEP_EVENT: Record<RectifyStep, string> = {
  verify: 'rating_verified',
  rectify: 'rating_rectified',
  revisit: 'rating_revisited',
}

export interface Progress {
  done: Record<RectifyStep, TimelineEvent | undefined>
  next: RectifyStep | null // null when revisited or ended on appeal
  endedOnAppeal: boolean
}

// How far a rectification case went: the steps taken (in order) and the next.
export function rectifyProgress(timeline: TimelineEvent[]): Progress {
  const done = { verify: undefined, rectify: undefined, revisit: undefined } as Progress['done']
  for (const s of RECTIFY_STEPS) done[s] = timeline.find((e) => e.type === STEP_EVENT[s])
  // An upheld appeal ends the case with its own step (差评申诉成立).
  const endedOnAppeal = timeline.some((e) => e.step === '差评申诉成立')
  let next: RectifyStep | null = null
  if (!endedOnAppeal) next = RECTIFY_STEPS.find((s) => !done[s]) ?? null
  return { done, next, endedOnAppeal }
}

// The mean of the codes, 2 decimals, with 1 as the best.
export function formatAverage(avg: number | null | undefined): string {
  return avg === null || avg === undefined ? '—' : avg.toFixed(2)
}

// The nearest whole code of an average, for its wording (1..5).
export function nearestLevel(avg: number | null | undefined): number | null {
  if (avg === null || avg === undefined || Number.isNaN(avg)) return null
  return Math.min(5, Math.max(1, Math.round(avg)))
}
