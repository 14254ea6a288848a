// Filling in a questionnaire (调查问卷): the public questionnaire's shape
// (src/survey/questionnaire.cc), and the answers object the server takes.

export interface LocalText {
  zh: string
  en: string
}

export interface Question {
  id: string
  kind: 'single' | 'multiple' | 'scale' | 'text'
  text: LocalText
  required: boolean
  options?: { id: string; zh: string; en: string }[]
  max_choices?: number
  max_chars?: number
  best?: LocalText
  worst?: LocalText
}

export interface Questionnaire {
  id: string
  version: number
  title: LocalText
  description?: LocalText
  opens_at: string
  closes_at: string
  questions: Question[]
}

export type AnswerValue = string | number | string[] | null

export function local(text: LocalText | undefined, locale: string): string {
  if (!text) return ''
  return locale === 'en' ? text.en || text.zh : text.zh
}

// An empty answer for each question, for the form to fill.
export function emptyAnswers(q: Questionnaire): Record<string, AnswerValue> {
  return Object.fromEntries(q.questions.map((x) => [x.id, x.kind === 'multiple' ? [] : x.kind === 'scale' ? null : '']))
}

function isEmpty(v: AnswerValue): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0)
}

// The first required question left unanswered, or ''.
export function firstMissing(q: Questionnaire, answers: Record<string, AnswerValue>): string {
  return q.questions.find((x) => x.required && isEmpty(answers[x.id] ?? null))?.id ?? ''
}

// Only what was answered goes to the server; text is trimmed.
export function answersBody(q: Questionnaire, answers: Record<string, AnswerValue>): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {}
  for (const x of q.questions) {
    let v = answers[x.id] ?? null
    if (typeof v === 'string') v = v.trim()
    if (!isEmpty(v)) out[x.id] = v
  }
  return out
}

// 'answers.q1' → 'q1', for the server's field names.
export function questionOfField(field: string | undefined): string {
  return field?.startsWith('answers.') ? field.slice('answers.'.length).split('.')[0] : ''
}
