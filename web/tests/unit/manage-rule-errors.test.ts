import { describe, expect, it } from 'vitest'
import { lineSpan, parseLocatedText, parseRuleErrors, problemsByLine } from '../../src/pages/manage/rules/rule-errors'

describe('parseLocatedText', () => {
  it('reads FILE:LINE:COL: message lines', () => {
    const text = 'draft.yaml:21:53: check.condition: expected `)`, found end of input\n' +
      'rules/common/a.yaml:3:1: rule: missing `title`'
    expect(parseLocatedText(text)).toEqual([
      { file: 'draft.yaml', line: 21, column: 53, message: 'check.condition: expected `)`, found end of input' },
      { file: 'rules/common/a.yaml', line: 3, column: 1, message: 'rule: missing `title`' },
    ])
  })

  it('keeps colons inside the message and lines without a place', () => {
    expect(parseLocatedText('x.yaml:4:7: not valid YAML: illegal map value\nsomething else')).toEqual([
      { file: 'x.yaml', line: 4, column: 7, message: 'not valid YAML: illegal map value' },
      { line: 0, column: 0, message: 'something else' },
    ])
  })
})

describe('parseRuleErrors', () => {
  it('takes the errors list of the rules API', () => {
    const body = {
      error: { code: 'invalid_rule', message: 'the draft has errors', field: 'yaml' },
      errors: [
        { file: 'draft.yaml', line: 2, column: 1, message: 'rule: missing `title`' },
        { file: 'draft.yaml', line: 4, column: 1, message: 'rule: unknown key `titel`' },
      ],
    }
    const problems = parseRuleErrors(body)
    expect(problems.map((p) => [p.line, p.column])).toEqual([[2, 1], [4, 1]])
    expect(problems[1].message).toBe('rule: unknown key `titel`')
  })

  it('falls back to a located message when there is no list', () => {
    const body = { error: { code: 'invalid_field', message: 'draft.yaml:9:3: deadline: unknown event `acept`', field: 'yaml' } }
    expect(parseRuleErrors(body)).toEqual([{ file: 'draft.yaml', line: 9, column: 3, message: 'deadline: unknown event `acept`' }])
  })

  it('reads a place out of a listed message that has no line', () => {
    const body = { errors: [{ file: '', line: 0, column: 0, message: 'd.yaml:5:2: bad' }] }
    expect(parseRuleErrors(body)).toEqual([{ file: 'd.yaml', line: 5, column: 2, message: 'bad' }])
  })

  it('returns nothing for bodies without problems', () => {
    expect(parseRuleErrors(undefined)).toEqual([])
    expect(parseRuleErrors({ error: { message: 'forbidden' } })).toEqual([])
  })
})

describe('problemsByLine and lineSpan', () => {
  it('groups by line and finds a line in the text', () => {
    const map = problemsByLine([
      { line: 3, column: 1, message: 'a' },
      { line: 3, column: 5, message: 'b' },
      { line: 0, column: 0, message: 'nowhere' },
    ])
    expect([...map.keys()]).toEqual([3])
    expect(map.get(3)?.map((p) => p.message)).toEqual(['a', 'b'])
    const text = 'one\ntwo\nthree'
    expect(lineSpan(text, 1)).toEqual([0, 3])
    expect(text.slice(...lineSpan(text, 2))).toBe('two')
    expect(text.slice(...lineSpan(text, 3))).toBe('three')
    expect(lineSpan(text, 9)).toEqual([text.length, text.length])
  })
})
