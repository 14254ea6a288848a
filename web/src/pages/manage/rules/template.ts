// The starting text of a new department rule (部门自律): the department's own
// code filled in where it is known, status draft until it is submitted.
export function newRuleTemplate(deptCode: string): string {
  const code = deptCode || '<统一社会信用代码>'
  return [
    '# 部门自定规则：提交后由监察局审批，审批前不生效。',
    'id: dept.example.window-accept-same-day',
    'version: 1',
    'title: 窗口申请当日受理',
    'description: >-',
    '  Applications handed in at the window are accepted, refused or answered',
    '  with a supplement notice within 1 working day.',
    'level: department',
    'status: draft',
    `owner_dept: ${code}`,
    'proposal: true',
    'case_kind: approval',
    `scope: case.dept == "${code}" && case.channel == "window"`,
    'deadline:',
    '  start: [submit]',
    '  stop: [accept, reject, request_supplement, withdraw]',
    '  ladder:',
    '    - {level: yellow, limit: 1, unit: working_days}',
    '',
  ].join('\n')
}
