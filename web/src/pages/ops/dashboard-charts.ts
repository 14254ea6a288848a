// ECharts options of the dashboard, built from its view. Words come in through
// `label` so the options stay plain data (and testable).
import type { DashboardView } from './dashboard-data'

export type Label = (key: string, values?: Record<string, unknown>) => string

export const LEVEL_COLOURS = { notice: '#3b82f6', yellow: '#f59e0b', red: '#dc2626' } as const

interface Look {
  text: string
  muted: string
  grid: string
  font: number
}

export function look(dark: boolean): Look {
  return dark
    ? { text: '#e5e7eb', muted: '#94a3b8', grid: 'rgba(148,163,184,.18)', font: 15 }
    : { text: '#1f2937', muted: '#6b7280', grid: '#eef0f3', font: 12 }
}

const base = (l: Look) => ({
  // A wall screen redraws on every change: no animation, figures appear at once.
  animation: false,
  backgroundColor: 'transparent',
  textStyle: { color: l.text, fontSize: l.font },
  tooltip: { trigger: 'axis' },
  grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
  legend: { top: 0, textStyle: { color: l.muted, fontSize: l.font } },
})

const axisCommon = (l: Look) => ({
  axisLabel: { color: l.muted, fontSize: l.font },
  axisLine: { lineStyle: { color: l.grid } },
  splitLine: { lineStyle: { color: l.grid } },
})

const shortMonth = (m: string) => (m.length >= 7 ? m.slice(2, 7).replace('-', '/') : m)
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10)

// Stage colours, in the order stages usually come.
const STAGE_COLOURS = ['#2563eb', '#0d9488', '#16a34a', '#65a30d', '#ca8a04', '#ea580c', '#dc2626', '#db2777',
  '#9333ea', '#4f46e5', '#0891b2', '#64748b']

// Cases by stage: this month as the outer ring, today inside it. Each stage
// keeps its colour in both rings.
export function stagesOption(v: DashboardView, label: Label, stageName: (s: string) => string, dark = false) {
  const l = look(dark)
  const stages = v.casesMonth.map((s) => s.stage)
  for (const s of v.casesToday) if (!stages.includes(s.stage)) stages.push(s.stage)
  const colour = (s: string) => STAGE_COLOURS[stages.indexOf(s) % STAGE_COLOURS.length]
  const slices = (rows: { stage: string; count: number }[]) =>
    rows.filter((r) => r.count > 0).map((r) => ({ name: stageName(r.stage), value: r.count, itemStyle: { color: colour(r.stage) } }))
  const border = { borderColor: dark ? '#0f1e37' : '#fff', borderWidth: 2 }
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: l.text, fontSize: l.font },
    tooltip: { trigger: 'item', formatter: '{a}<br/>{b}: {c} ({d}%)' },
    legend: {
      type: 'scroll', orient: 'vertical', left: '60%', top: 'middle', itemGap: 4, itemWidth: 14, itemHeight: 10,
      textStyle: { color: l.muted, fontSize: l.font }, data: stages.map(stageName),
      // The month's count beside each stage.
      formatter: (name: string) => `${name}  ${v.casesMonth.find((r) => stageName(r.stage) === name)?.count ?? 0}`,
    },
    series: [
      {
        name: label('ops.dashboard.month'), type: 'pie', radius: ['50%', '76%'], center: ['30%', '52%'],
        data: slices(v.casesMonth), itemStyle: border, label: { show: false },
      },
      {
        name: label('ops.dashboard.today'), type: 'pie', radius: ['0%', '36%'], center: ['30%', '52%'],
        data: slices(v.casesToday), itemStyle: border,
        label: { show: true, position: 'inside', color: '#fff', fontSize: l.font - 1, formatter: '{c}' },
      },
    ],
  }
}

// On-time completion: concluded cases as bars, the on-time rate as a line (%).
export function onTimeOption(v: DashboardView, label: Label, dark = false) {
  const l = look(dark)
  return {
    ...base(l),
    xAxis: { type: 'category', data: v.onTimeTrend.map((p) => shortMonth(p.month)), ...axisCommon(l) },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { color: l.muted, fontSize: l.font, formatter: '{value}%' }, splitLine: { lineStyle: { color: l.grid } } },
      { type: 'value', minInterval: 1, axisLabel: { color: l.muted, fontSize: l.font }, splitLine: { show: false } },
    ],
    series: [
      { name: label('ops.dashboard.concluded'), type: 'bar', yAxisIndex: 1, data: v.onTimeTrend.map((p) => p.concluded), itemStyle: { color: dark ? 'rgba(96,165,250,.35)' : '#dbeafe' }, barMaxWidth: 18 },
      { name: label('ops.dashboard.onTimeRate'), type: 'line', smooth: true, symbolSize: 7, data: v.onTimeTrend.map((p) => pct(p.rate)), itemStyle: { color: '#16a34a' }, lineStyle: { width: 3 }, areaStyle: { color: dark ? 'rgba(22,163,74,.15)' : 'rgba(22,163,74,.08)' } },
    ],
  }
}

// Open alerts by department: stacked bars per level, the departments with the
// most red cards on top.
export function alertsOption(v: DashboardView, label: Label, dark = false, top = 8) {
  const l = look(dark)
  const rows = v.alertsOpen.slice(0, top).reverse()
  const short = (name: string) => (name.length > 12 ? name.slice(0, 11) + '…' : name)
  return {
    ...base(l),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, ...axisCommon(l) },
    yAxis: { type: 'category', data: rows.map((r) => short(r.dept_name)), ...axisCommon(l), axisLabel: { color: l.muted, fontSize: l.font, interval: 0 } },
    series: (['red', 'yellow', 'notice'] as const).map((level) => ({
      name: label('level.' + level), type: 'bar', stack: 'alerts', barMaxWidth: 16,
      data: rows.map((r) => r[level]), itemStyle: { color: LEVEL_COLOURS[level] },
    })),
  }
}

// Items with the most overdue cases.
export function overdueOption(v: DashboardView, label: Label, dark = false, top = 8) {
  const l = look(dark)
  const rows = v.topOverdue.slice(0, top).reverse()
  const short = (name: string) => (name.length > 14 ? name.slice(0, 13) + '…' : name)
  return {
    ...base(l),
    legend: { show: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, splitNumber: 3, ...axisCommon(l) },
    yAxis: { type: 'category', data: rows.map((r) => short(r.item_name)), ...axisCommon(l), axisLabel: { color: l.muted, fontSize: l.font, interval: 0 } },
    series: [{
      name: label('ops.dashboard.overdueCases'), type: 'bar', data: rows.map((r) => r.count), barMaxWidth: 16,
      itemStyle: { color: '#ef4444', borderRadius: [0, 3, 3, 0] },
      label: { show: true, position: 'right', color: l.muted, fontSize: l.font },
    }],
  }
}

// Satisfaction: the average level (1 very satisfied … 5 very dissatisfied, so
// the axis runs downwards: up is better) and the number of ratings.
export function satisfactionOption(v: DashboardView, label: Label, dark = false) {
  const l = look(dark)
  return {
    ...base(l),
    xAxis: { type: 'category', data: v.satisfactionTrend.map((p) => shortMonth(p.month)), ...axisCommon(l) },
    yAxis: [
      { type: 'value', min: 1, max: 5, inverse: true, interval: 1, axisLabel: { color: l.muted, fontSize: l.font }, splitLine: { lineStyle: { color: l.grid } } },
      { type: 'value', minInterval: 1, axisLabel: { color: l.muted, fontSize: l.font }, splitLine: { show: false } },
    ],
    series: [
      { name: label('ops.dashboard.ratings'), type: 'bar', yAxisIndex: 1, data: v.satisfactionTrend.map((p) => p.count), itemStyle: { color: dark ? 'rgba(167,139,250,.35)' : '#ede9fe' }, barMaxWidth: 18 },
      { name: label('ops.dashboard.averageLevel'), type: 'line', smooth: true, symbolSize: 7, data: v.satisfactionTrend.map((p) => (p.average === null ? null : Math.round(p.average * 100) / 100)), itemStyle: { color: '#7c3aed' }, lineStyle: { width: 3 } },
    ],
  }
}
