// Words every page shares: the shell, sign-in, common actions and states.
export default {
  'zh-CN': {
    app: { title: '政务服务效能监督', subtitle: 'Oversight', portal: '政务服务公开查询' },
    nav: {
      dashboard: '监察大屏', cases: '办件查询', alerts: '预警督办', rules: '监察规则',
      scores: '绩效考评', complaints: '投诉举报', ratings: '好差评', surveys: '满意度调查',
      spotChecks: '线下抽查', admin: '系统管理', portal: '公众门户',
    },
    common: {
      search: '查询', reset: '重置', submit: '提交', cancel: '取消', confirm: '确认', save: '保存',
      back: '返回', refresh: '刷新', loading: '加载中…', noData: '暂无数据', actions: '操作',
      view: '查看', detail: '详情', download: '下载', more: '更多', all: '全部', yes: '是', no: '否',
      from: '开始', to: '结束', total: '共 {n} 条', loadMore: '加载更多', saved: '已保存',
      error: '出错了', required: '必填', optional: '选填', close: '关闭',
    },
    session: {
      signIn: '登录', signOut: '退出登录', name: '用户名', password: '密码', signingIn: '正在登录…',
      badCredentials: '用户名或密码错误', locked: '账号已锁定，请稍后再试',
      changePassword: '修改密码', currentPassword: '当前密码', newPassword: '新密码',
      repeatPassword: '再次输入新密码', mustChange: '首次登录或密码由他人设置，请先修改密码。',
      mismatch: '两次输入的密码不一致', changed: '密码已修改', rule: '至少 12 位，含大小写字母、数字和符号中的三类。',
      signedInAs: '当前用户', role: '角色', dept: '部门',
    },
    role: {
      supervisor: '监察局督查员', assessor: '考评人员', dept_officer: '部门经办人',
      complaint_desk: '投诉受理员', sysadmin: '系统管理员', secadmin: '安全管理员', auditor: '审计管理员',
    },
    level: { notice: '提醒', yellow: '黄牌', red: '红牌' },
    errors: {
      forbidden: '无权访问该页面', notFound: '页面不存在', goHome: '返回首页',
      field: '字段 {field}：{message}',
    },
    lang: { switch: 'English', current: '中文' },
    deadline: {
      due: '期限 {date}', overdue: '已超期 {n} 个工作日', overdueToday: '今日到期已超时',
      left: '剩余 {n} 个工作日', dueToday: '今日到期', working: '工作日', rest: '休息日',
      makeup: '调休上班', holiday: '法定节假日',
    },
  },
  en: {
    app: { title: 'Government Service Oversight', subtitle: 'Oversight', portal: 'Public service portal' },
    nav: {
      dashboard: 'Dashboard', cases: 'Cases', alerts: 'Alerts', rules: 'Rules',
      scores: 'Scores', complaints: 'Complaints', ratings: 'Ratings', surveys: 'Surveys',
      spotChecks: 'Spot checks', admin: 'Administration', portal: 'Public portal',
    },
    common: {
      search: 'Search', reset: 'Reset', submit: 'Submit', cancel: 'Cancel', confirm: 'Confirm', save: 'Save',
      back: 'Back', refresh: 'Refresh', loading: 'Loading…', noData: 'No data', actions: 'Actions',
      view: 'View', detail: 'Details', download: 'Download', more: 'More', all: 'All', yes: 'Yes', no: 'No',
      from: 'From', to: 'To', total: '{n} in all', loadMore: 'Load more', saved: 'Saved',
      error: 'Something went wrong', required: 'Required', optional: 'Optional', close: 'Close',
    },
    session: {
      signIn: 'Sign in', signOut: 'Sign out', name: 'User name', password: 'Password', signingIn: 'Signing in…',
      badCredentials: 'Wrong user name or password', locked: 'Account locked; try again later',
      changePassword: 'Change password', currentPassword: 'Current password', newPassword: 'New password',
      repeatPassword: 'Repeat the new password', mustChange: 'Your password was set by someone else: choose your own first.',
      mismatch: 'The two passwords differ', changed: 'Password changed', rule: 'At least 12 characters, with three of: upper case, lower case, digits, symbols.',
      signedInAs: 'Signed in as', role: 'Role', dept: 'Department',
    },
    role: {
      supervisor: 'Bureau supervisor', assessor: 'Assessor', dept_officer: 'Department officer',
      complaint_desk: 'Complaint desk', sysadmin: 'System administrator', secadmin: 'Security administrator', auditor: 'Auditor',
    },
    level: { notice: 'Notice', yellow: 'Yellow card', red: 'Red card' },
    errors: {
      forbidden: 'You may not open this page', notFound: 'Page not found', goHome: 'Home',
      field: 'Field {field}: {message}',
    },
    lang: { switch: '中文', current: 'English' },
    deadline: {
      due: 'Due {date}', overdue: '{n} working days overdue', overdueToday: 'Overdue today',
      left: '{n} working days left', dueToday: 'Due today', working: 'Working day', rest: 'Rest day',
      makeup: 'Make-up working day', holiday: 'Public holiday',
    },
  },
}
