import { describe, expect, it } from 'vitest'
import { complaintBody, complaintProblem, maskContact, maskComplainant, type ComplaintDraft } from '../../src/pages/portal/complaint'
import { answersBody, emptyAnswers, firstMissing, local, questionOfField, type Questionnaire } from '../../src/pages/portal/survey'

const draft: ComplaintDraft = {
  about: 'case', about_case: '445200-2025-000003', dept: '', item: '', category: '', content: '窗口要求重复提交材料', name: '', contact: '',
}

describe('complaint form', () => {
  it('names the first field at fault', () => {
    expect(complaintProblem(draft)).toBe('')
    expect(complaintProblem({ ...draft, about_case: ' ' })).toBe('about_case')
    expect(complaintProblem({ ...draft, about: 'item' })).toBe('dept')
    expect(complaintProblem({ ...draft, about: 'item', dept: 'D' })).toBe('item')
    expect(complaintProblem({ ...draft, content: '  ' })).toBe('content')
    expect(complaintProblem({ ...draft, contact: '12345' })).toBe('contact')
    expect(complaintProblem({ ...draft, contact: '13812345678' })).toBe('')
    expect(complaintProblem({ ...draft, contact: 'a@b.cn' })).toBe('')
  })

  it('sends the case or the department and item, and only what was given', () => {
    expect(complaintBody(draft, '')).toEqual({ content: '窗口要求重复提交材料', about_case: '445200-2025-000003' })
    expect(complaintBody({ ...draft, about: 'item', dept: 'D', item: 'I', category: 'delay', name: ' 张三 ', contact: '13812345678' }, '办理超时'))
      .toEqual({ content: '窗口要求重复提交材料', dept: 'D', item: 'I', category: '办理超时', name: '张三', contact: '13812345678' })
  })

  it('echoes the complainant only masked', () => {
    expect(maskContact('13812345678')).toBe('138****5678')
    expect(maskContact('zhang@example.com')).toBe('z***@example.com')
    expect(maskContact('')).toBe('')
    expect(maskComplainant('张三丰')).toBe('张**')
    expect(maskComplainant(' ')).toBe('')
  })
})

const survey: Questionnaire = {
  id: 's', version: 2, title: { zh: '满意度', en: 'Satisfaction' }, opens_at: '', closes_at: '',
  questions: [
    { id: 'overall', kind: 'scale', text: { zh: '总体', en: 'Overall' }, required: true },
    { id: 'channel', kind: 'single', text: { zh: '渠道', en: 'Channel' }, required: true, options: [{ id: 'a', zh: '网上', en: 'Online' }, { id: 'b', zh: '窗口', en: 'Desk' }] },
    { id: 'problems', kind: 'multiple', text: { zh: '问题', en: 'Problems' }, required: false, options: [] },
    { id: 'comment', kind: 'text', text: { zh: '建议', en: 'Comment' }, required: false },
  ],
}

describe('survey form', () => {
  it('starts empty and finds the first unanswered required question', () => {
    const answers = emptyAnswers(survey)
    expect(answers).toEqual({ overall: null, channel: '', problems: [], comment: '' })
    expect(firstMissing(survey, answers)).toBe('overall')
    expect(firstMissing(survey, { ...answers, overall: 2 })).toBe('channel')
    expect(firstMissing(survey, { ...answers, overall: 2, channel: 'a' })).toBe('')
  })

  it('sends only the answered questions, text trimmed', () => {
    expect(answersBody(survey, { overall: 1, channel: 'b', problems: [], comment: '  很好 ' }))
      .toEqual({ overall: 1, channel: 'b', comment: '很好' })
  })

  it('reads the question out of the server\'s field and picks the language', () => {
    expect(questionOfField('answers.channel')).toBe('channel')
    expect(questionOfField('case_id')).toBe('')
    expect(questionOfField(undefined)).toBe('')
    expect(local(survey.title, 'en')).toBe('Satisfaction')
    expect(local(survey.title, 'zh-CN')).toBe('满意度')
  })
})
