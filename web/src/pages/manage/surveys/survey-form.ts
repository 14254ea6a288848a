// A questionnaire as the designer edits it, and the definition the API takes
// (docs/SURVEYS.md): ids, zh/en wording, single / multiple / scale / text
// questions, the window it is open. The server checks everything again and
// names the field; this catches the obvious before a round trip.
import { toRfc3339 } from '../time'

export type QuestionKind = 'single' | 'multiple' | 'scale' | 'text'
export const QUESTION_KINDS: QuestionKind[] = ['single', 'multiple', 'scale', 'text']

export interface Wording {
  zh: string
  en: string
}

export interface OptionForm {
  id: string
  zh: string
  en: string
}

export interface QuestionForm {
  id: string
  kind: QuestionKind
  text: Wording
  required: boolean
  options: OptionForm[]
  max_choices: number | null
  max_chars: number | null
}

export interface SurveyForm {
  id: string
  title: Wording
  description: Wording
  opens_at: Date | null
  closes_at: Date | null
  attach_items: string[]
  questions: QuestionForm[]
}

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/
export const QUESTION_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,31}$/

export function emptySurvey(now: Date): SurveyForm {
  const opens = new Date(now.getFullYear(), now.getMonth(), now.getDate())
  const closes = new Date(now.getFullYear(), now.getMonth() + 1, now.getDate())
  return {
    id: '',
    title: { zh: '', en: '' },
    description: { zh: '', en: '' },
    opens_at: opens,
    closes_at: closes,
    attach_items: [],
    questions: [],
  }
}

// A question id not yet used: q1, q2, …
export function freshQuestionId(questions: QuestionForm[]): string {
  const used = new Set(questions.map((q) => q.id))
  for (let i = questions.length + 1; ; i++) if (!used.has(`q${i}`)) return `q${i}`
}

export function newQuestion(kind: QuestionKind, existing: QuestionForm[]): QuestionForm {
  return {
    id: freshQuestionId(existing),
    kind,
    text: { zh: '', en: '' },
    required: kind !== 'text',
    options: kind === 'single' || kind === 'multiple' ? [{ id: 'a', zh: '', en: '' }, { id: 'b', zh: '', en: '' }] : [],
    max_choices: null,
    max_chars: kind === 'text' ? 500 : null,
  }
}

// An option id not yet used in a question: a, b, c, … then o27, o28, …
export function freshOptionId(options: OptionForm[]): string {
  const used = new Set(options.map((o) => o.id))
  for (const c of 'abcdefghijklmnopqrstuvwxyz') if (!used.has(c)) return c
  for (let i = 27; ; i++) if (!used.has(`o${i}`)) return `o${i}`
}

const hasChoices = (kind: QuestionKind) => kind === 'single' || kind === 'multiple'

// The JSON definition for POST/PUT /api/v1/surveys.
export function buildDefinition(form: SurveyForm): Record<string, unknown> {
  const def: Record<string, unknown> = {
    id: form.id.trim(),
    title: { zh: form.title.zh.trim(), en: form.title.en.trim() },
  }
  if (form.description.zh.trim() || form.description.en.trim()) {
    def.description = { zh: form.description.zh.trim(), en: form.description.en.trim() }
  }
  if (form.opens_at) def.opens_at = toRfc3339(form.opens_at)
  if (form.closes_at) def.closes_at = toRfc3339(form.closes_at)
  if (form.attach_items.length) def.attach_items = [...form.attach_items]
  def.questions = form.questions.map((q) => {
    const out: Record<string, unknown> = {
      id: q.id.trim(),
      kind: q.kind,
      text: { zh: q.text.zh.trim(), en: q.text.en.trim() },
      required: q.required,
    }
    if (hasChoices(q.kind)) {
      out.options = q.options.map((o) => ({ id: o.id.trim(), zh: o.zh.trim(), en: o.en.trim() }))
      if (q.kind === 'multiple' && q.max_choices) out.max_choices = q.max_choices
    }
    if (q.kind === 'text' && q.max_chars) out.max_chars = q.max_chars
    return out
  })
  return def
}

interface DefinitionQuestion {
  id: string
  kind: QuestionKind
  text: Wording
  required?: boolean
  options?: OptionForm[]
  max_choices?: number
  max_chars?: number
}

export interface Definition {
  id: string
  title: Wording
  description?: Wording
  opens_at: string
  closes_at: string
  attach_items?: string[]
  questions: DefinitionQuestion[]
}

// The designer's form for a stored definition (to edit it as a new version).
export function formFromDefinition(def: Definition): SurveyForm {
  return {
    id: def.id,
    title: { ...def.title },
    description: def.description ? { ...def.description } : { zh: '', en: '' },
    opens_at: def.opens_at ? new Date(def.opens_at) : null,
    closes_at: def.closes_at ? new Date(def.closes_at) : null,
    attach_items: [...(def.attach_items ?? [])],
    questions: def.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      text: { ...q.text },
      required: q.required ?? true,
      options: (q.options ?? []).map((o) => ({ ...o })),
      max_choices: q.max_choices ?? null,
      max_chars: q.kind === 'text' ? (q.max_chars ?? 500) : null,
    })),
  }
}

// A problem with the form: the field in the server's notation and what is
// wrong (an i18n key under manage.surveys.problem).
export interface FormProblem {
  field: string
  problem: 'required' | 'badId' | 'duplicate' | 'order' | 'noQuestions' | 'options' | 'maxChoices'
}

export function checkForm(form: SurveyForm): FormProblem[] {
  const out: FormProblem[] = []
  if (!ID_PATTERN.test(form.id.trim())) out.push({ field: 'id', problem: 'badId' })
  if (!form.title.zh.trim()) out.push({ field: 'title.zh', problem: 'required' })
  if (!form.title.en.trim()) out.push({ field: 'title.en', problem: 'required' })
  const d = form.description
  if (Boolean(d.zh.trim()) !== Boolean(d.en.trim())) {
    out.push({ field: d.zh.trim() ? 'description.en' : 'description.zh', problem: 'required' })
  }
  if (!form.opens_at) out.push({ field: 'opens_at', problem: 'required' })
  if (!form.closes_at) out.push({ field: 'closes_at', problem: 'required' })
  if (form.opens_at && form.closes_at && form.closes_at <= form.opens_at) {
    out.push({ field: 'closes_at', problem: 'order' })
  }
  if (!form.questions.length) out.push({ field: 'questions', problem: 'noQuestions' })
  const ids = new Set<string>()
  form.questions.forEach((q, i) => {
    const at = `questions[${i}]`
    if (!QUESTION_ID_PATTERN.test(q.id.trim())) out.push({ field: `${at}.id`, problem: 'badId' })
    else if (ids.has(q.id.trim())) out.push({ field: `${at}.id`, problem: 'duplicate' })
    ids.add(q.id.trim())
    if (!q.text.zh.trim()) out.push({ field: `${at}.text.zh`, problem: 'required' })
    if (!q.text.en.trim()) out.push({ field: `${at}.text.en`, problem: 'required' })
    if (hasChoices(q.kind)) {
      if (q.options.length < 2 || q.options.length > 20) out.push({ field: `${at}.options`, problem: 'options' })
      const optionIds = new Set<string>()
      q.options.forEach((o, j) => {
        const ot = `${at}.options[${j}]`
        if (!QUESTION_ID_PATTERN.test(o.id.trim())) out.push({ field: `${ot}.id`, problem: 'badId' })
        else if (optionIds.has(o.id.trim())) out.push({ field: `${ot}.id`, problem: 'duplicate' })
        optionIds.add(o.id.trim())
        if (!o.zh.trim()) out.push({ field: `${ot}.zh`, problem: 'required' })
        if (!o.en.trim()) out.push({ field: `${ot}.en`, problem: 'required' })
      })
      if (q.kind === 'multiple' && q.max_choices && q.max_choices > q.options.length) {
        out.push({ field: `${at}.max_choices`, problem: 'maxChoices' })
      }
    }
  })
  return out
}

// A field path of the server or checkForm ("questions[1].options[0].zh") in
// parts a page can put in words: which question, which option, which field.
export interface FieldPlace {
  question?: number // 1-based
  option?: number // 1-based
  leaf: string // e.g. "zh", "text.en", "id", "title.zh"
}

export function fieldPlace(field: string): FieldPlace {
  const out: FieldPlace = { leaf: field }
  let rest = field
  const q = /^questions\[(\d+)\]\.?/.exec(rest)
  if (q) {
    out.question = Number(q[1]) + 1
    rest = rest.slice(q[0].length)
    const o = /^options\[(\d+)\]\.?/.exec(rest)
    if (o) {
      out.option = Number(o[1]) + 1
      rest = rest.slice(o[0].length)
    }
  }
  out.leaf = rest
  return out
}
