import { describe, expect, it } from 'vitest'
import {
  buildDefinition, checkForm, emptySurvey, formFromDefinition, freshOptionId, newQuestion, type Definition,
} from '../../src/pages/manage/surveys/survey-form'
import { choiceChart, percent, scaleChart } from '../../src/pages/manage/surveys/results'
import { toRfc3339 } from '../../src/pages/manage/time'

function filled() {
  const form = emptySurvey(new Date(2026, 10, 28, 9, 30))
  form.id = 'satisfaction-2026q4'
  form.title = { zh: '满意度调查', en: 'Satisfaction survey' }
  const q1 = newQuestion('scale', form.questions)
  q1.text = { zh: '总体评价', en: 'Overall' }
  form.questions.push(q1)
  const q2 = newQuestion('multiple', form.questions)
  q2.text = { zh: '遇到的问题', en: 'Problems' }
  q2.options = [{ id: 'fee', zh: '收费', en: 'Fees' }, { id: 'time', zh: '超时', en: 'Delays' }]
  q2.max_choices = 2
  form.questions.push(q2)
  return form
}

describe('survey definition', () => {
  it('builds the JSON the API takes', () => {
    const form = filled()
    const def = buildDefinition(form)
    expect(def).toEqual({
      id: 'satisfaction-2026q4',
      title: { zh: '满意度调查', en: 'Satisfaction survey' },
      opens_at: toRfc3339(new Date(2026, 10, 28)),
      closes_at: toRfc3339(new Date(2026, 11, 28)),
      questions: [
        { id: 'q1', kind: 'scale', text: { zh: '总体评价', en: 'Overall' }, required: true },
        {
          id: 'q2', kind: 'multiple', text: { zh: '遇到的问题', en: 'Problems' }, required: true,
          options: [{ id: 'fee', zh: '收费', en: 'Fees' }, { id: 'time', zh: '超时', en: 'Delays' }], max_choices: 2,
        },
      ],
    })
    expect(checkForm(form)).toEqual([])
  })

  it('round-trips a stored definition', () => {
    const def = buildDefinition(filled()) as unknown as Definition
    expect(buildDefinition(formFromDefinition(def))).toEqual(def)
  })

  it('names the fields at fault', () => {
    const form = filled()
    form.id = 'Bad Id'
    form.title.en = ''
    form.questions[1].options[1].id = 'fee'
    form.questions[1].max_choices = 3
    form.closes_at = form.opens_at
    expect(checkForm(form).map((p) => `${p.field}:${p.problem}`)).toEqual([
      'id:badId', 'title.en:required', 'closes_at:order',
      'questions[1].options[1].id:duplicate', 'questions[1].max_choices:maxChoices',
    ])
    form.questions = []
    expect(checkForm(form).some((p) => p.field === 'questions')).toBe(true)
  })

  it('gives fresh question and option ids', () => {
    const qs = [newQuestion('single', [])]
    expect(qs[0].id).toBe('q1')
    expect(qs[0].options.map((o) => o.id)).toEqual(['a', 'b'])
    expect(newQuestion('text', qs).id).toBe('q2')
    expect(freshOptionId([{ id: 'a', zh: '', en: '' }, { id: 'c', zh: '', en: '' }])).toBe('b')
  })
})

describe('results charts', () => {
  it('labels option bars with the wording of the version', () => {
    const def = buildDefinition(filled()) as unknown as Definition
    const option = choiceChart({ id: 'q2', kind: 'multiple', answered: 3, options: [{ id: 'fee', count: 2 }, { id: 'time', count: 1 }] }, def, 'en', 'Answers')
    expect(option.yAxis.data).toEqual(['Fees', 'Delays'])
    expect(option.series[0].data).toEqual([2, 1])
    const zh = choiceChart({ id: 'q2', kind: 'multiple', answered: 0, options: [{ id: 'gone', count: 0 }] }, def, 'zh', '回答')
    expect(zh.yAxis.data).toEqual(['gone'])
  })

  it('charts the scale distribution and formats rates', () => {
    const option = scaleChart({ id: 'q1', kind: 'scale', answered: 3, distribution: [1, 2, 0, 0, 0], mean: 1.67 }, ['1', '2', '3', '4', '5'], 'n')
    expect(option.series[0].data).toEqual([1, 2, 0, 0, 0])
    expect(percent(0.1818)).toBe('18.18%')
    expect(percent(null)).toBe('—')
  })
})

describe('fieldPlace', () => {
  it('splits a field path into question, option and leaf', async () => {
    const { fieldPlace } = await import('../../src/pages/manage/surveys/survey-form')
    expect(fieldPlace('questions[1].options[0].zh')).toEqual({ question: 2, option: 1, leaf: 'zh' })
    expect(fieldPlace('questions[0].text.en')).toEqual({ question: 1, leaf: 'text.en' })
    expect(fieldPlace('questions[2]')).toEqual({ question: 3, leaf: '' })
    expect(fieldPlace('title.zh')).toEqual({ leaf: 'title.zh' })
  })
})
