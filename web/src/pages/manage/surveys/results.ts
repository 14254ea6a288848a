// Survey results (GET /api/v1/surveys/{id}/results) as charts: bars per option
// for choice questions, the 1–5 distribution with its mean for scales.
import type { Definition, Wording } from './survey-form'

export interface QuestionResult {
  id: string
  kind: string
  answered: number
  options?: { id: string; count: number }[]
  distribution?: number[]
  mean?: number | null
}

export interface VersionResult {
  version: number
  responses: number
  questions: QuestionResult[]
}

export interface Tallies {
  submissions: number
  valid_responses: number
  valid_response_rate: number | null
  refused: Record<string, number>
  invitations: number
  invitation_responses: number
  invitation_response_rate: number | null
  versions: VersionResult[]
}

export interface SurveyResults extends Tallies {
  survey: string
  current_version: number
  status: string
  departments: (Tallies & { dept_code: string })[]
  scale: { min: number; max: number; direction: string }
}

export type Lang = 'zh' | 'en'

export function wording(w: Wording | undefined, lang: Lang): string {
  if (!w) return ''
  return (lang === 'en' ? w.en : w.zh) || w.zh || w.en
}

export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(2)}%`
}

// Bars for one choice question: the option's wording (from the definition of
// that version, falling back to its id) against its count.
export function choiceChart(q: QuestionResult, def: Definition | undefined, lang: Lang, countLabel: string) {
  const dq = def?.questions.find((x) => x.id === q.id)
  const labels = (q.options ?? []).map((o) => wording(dq?.options?.find((x) => x.id === o.id), lang) || o.id)
  return {
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels, inverse: true },
    series: [{ type: 'bar', name: countLabel, data: (q.options ?? []).map((o) => o.count), label: { show: true, position: 'right' } }],
  }
}

// The 1..5 distribution of a scale question; 1 is the best.
export function scaleChart(q: QuestionResult, levelLabels: string[], countLabel: string) {
  return {
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: levelLabels },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: countLabel, data: q.distribution ?? [0, 0, 0, 0, 0], label: { show: true, position: 'top' } }],
  }
}
