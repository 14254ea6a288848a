import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { latestRate, openAlertTotals, toDashboardView, total, type DashboardResponse } from '../../src/pages/ops/dashboard-data'
import { alertsOption, onTimeOption, satisfactionOption, stagesOption } from '../../src/pages/ops/dashboard-charts'
import { AlertStream, type StreamSource } from '../../src/pages/ops/live'

// The shape src/server/api_dashboard.cc sends.
const response: DashboardResponse = {
  as_of: '2026-03-15T02:00:00Z',
  zone: 'Asia/Shanghai',
  cases_today: { from: 'a', to: 'b', total: 5, by_stage: [{ stage: 'accept', count: 2 }, { stage: 'submit', count: 3 }] },
  cases_month: { from: 'a', to: 'b', total: 40, month: '2026-03', by_stage: [{ stage: 'complete', count: 10 }, { stage: 'submit', count: 30 }] },
  alerts_open: [
    { dept_code: 'A', dept_name: '甲局', notice: 5, yellow: 1, red: 0, total: 6 },
    { dept_code: 'B', dept_name: '', notice: 1, yellow: 0, red: 2, total: 3 },
  ],
  on_time_trend: [
    { month: '2026-02', concluded: 10, on_time: 9, rate: 0.9 },
    { month: '2026-03', concluded: 0, on_time: 0, rate: null },
  ],
  top_overdue_items: [{ item_code: 'X-1', item_name: '', overdue: 4 }],
  complaint_sla: { month: '2026-03', registered: 8, fed_back_within_24h: 6, feedback_rate: 0.75, overdue_open: 1 },
  satisfaction_trend: [{ month: '2026-03', ratings: 12, average_level: 1.5 }],
}

describe('dashboard data', () => {
  const v = toDashboardView(response)

  it('reads every field of the route', () => {
    expect(v.asOf).toBe('2026-03-15T02:00:00Z')
    expect(v.casesToday).toEqual([{ stage: 'submit', count: 3 }, { stage: 'accept', count: 2 }])
    expect(total(v.casesMonth)).toBe(40)
    expect(v.topOverdue).toEqual([{ item_code: 'X-1', item_name: 'X-1', count: 4 }])
    expect(v.complaintSla).toEqual({ registered: 8, fed_back_24h: 6, overdue_open: 1, rate: 0.75 })
    expect(v.satisfactionTrend).toEqual([{ month: '2026-03', count: 12, average: 1.5 }])
  })

  it('puts the departments with red cards first and names them', () => {
    expect(v.alertsOpen.map((a) => a.dept_name)).toEqual(['B', '甲局'])
    expect(openAlertTotals(v.alertsOpen)).toEqual({ notice: 6, yellow: 1, red: 2, total: 9 })
  })

  it('takes the latest month with something concluded for the tile', () => {
    expect(latestRate(v.onTimeTrend)?.month).toBe('2026-02')
    expect(latestRate([])).toBeNull()
  })

  it('builds charts from the view', () => {
    const label = (k: string) => k
    const stages = stagesOption(v, label, (s) => s.toUpperCase()) as {
      legend: { data: string[] }; series: { name: string; data: { name: string; value: number; itemStyle: { color: string } }[] }[]
    }
    // This month outside, today inside; a stage has one colour in both rings.
    expect(stages.legend.data).toEqual(['SUBMIT', 'COMPLETE', 'ACCEPT'])
    expect(stages.series.map((x) => x.name)).toEqual(['ops.dashboard.month', 'ops.dashboard.today'])
    expect(stages.series[0].data.map((d) => [d.name, d.value])).toEqual([['SUBMIT', 30], ['COMPLETE', 10]])
    expect(stages.series[1].data.map((d) => [d.name, d.value])).toEqual([['SUBMIT', 3], ['ACCEPT', 2]])
    expect(stages.series[1].data[0].itemStyle.color).toBe(stages.series[0].data[0].itemStyle.color)
    const onTime = onTimeOption(v, label) as { series: { data: (number | null)[] }[] }
    expect(onTime.series[1].data).toEqual([90, null])
    const alerts = alertsOption(v, label) as { series: { name: string; data: number[] }[] }
    expect(alerts.series.map((s) => s.name)).toEqual(['level.red', 'level.yellow', 'level.notice'])
    expect(alerts.series[0].data).toEqual([0, 2]) // bottom-up: the worst department on top
    const sat = satisfactionOption(v, label, true) as { yAxis: { inverse?: boolean }[] }
    expect(sat.yAxis[0].inverse).toBe(true)
  })
})

class FakeSource implements StreamSource {
  readyState = 0
  onopen: ((e: Event) => unknown) | null = null
  onerror: ((e: Event) => unknown) | null = null
  closed = false
  listeners = new Map<string, ((e: MessageEvent) => void)[]>()
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  close() {
    this.closed = true
    this.readyState = 2
  }
  emit(type: string) {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data: '{}' }))
  }
}

describe('AlertStream', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('refetches once for a burst of changes, after the debounce', () => {
    const sources: FakeSource[] = []
    const onChange = vi.fn()
    const states: string[] = []
    const s = new AlertStream({ onChange, onState: (x) => states.push(x), debounceMs: 500, open: () => { const f = new FakeSource(); sources.push(f); return f } })
    s.start()
    sources[0].readyState = 1
    sources[0].onopen?.(new Event('open'))
    expect(states).toEqual(['live'])
    sources[0].emit('alert_state')
    sources[0].emit('alert')
    sources[0].emit('lagged')
    expect(onChange).not.toHaveBeenCalled()
    vi.advanceTimersByTime(500)
    expect(onChange).toHaveBeenCalledTimes(1)
    sources[0].emit('case_rejudged')
    vi.advanceTimersByTime(500)
    expect(onChange).toHaveBeenCalledTimes(2)
    expect(s.received).toBe(4)
    s.stop()
    expect(sources[0].closed).toBe(true)
  })

  it('shows reconnecting while the browser retries, and opens anew when it gave up', () => {
    const sources: FakeSource[] = []
    const states: string[] = []
    const s = new AlertStream({ onChange: () => {}, onState: (x) => states.push(x), retryMs: () => 1000, open: () => { const f = new FakeSource(); sources.push(f); return f } })
    s.start()
    sources[0].readyState = 0
    sources[0].onerror?.(new Event('error'))
    expect(states).toEqual(['reconnecting'])
    sources[0].readyState = 2
    sources[0].onerror?.(new Event('error'))
    expect(states).toEqual(['reconnecting', 'offline'])
    expect(sources).toHaveLength(1)
    vi.advanceTimersByTime(1000)
    expect(sources).toHaveLength(2)
    expect(states).toEqual(['reconnecting', 'offline', 'reconnecting'])
    sources[1].onopen?.(new Event('open'))
    expect(states.at(-1)).toBe('live')
    s.stop()
  })

  it('does nothing after stop', () => {
    const sources: FakeSource[] = []
    const onChange = vi.fn()
    const s = new AlertStream({ onChange, debounceMs: 100, open: () => { const f = new FakeSource(); sources.push(f); return f } })
    s.start()
    sources[0].emit('alert')
    s.stop()
    vi.advanceTimersByTime(1000)
    expect(onChange).not.toHaveBeenCalled()
  })
})
