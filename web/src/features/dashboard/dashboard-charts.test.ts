import type { DashboardSummary } from '@core/contracts/dashboard'
import { describe, expect, it } from 'vitest'
import { applicationsByOfficeChart, applicationsPerWeekChart, reviewTimeChart } from './chart-applications'
import { certificatesExpiringChart, feesPerMonthChart } from './chart-fees'
import type { ChartText } from './chart-kit'

const none = { '00': 0, R0: 0, '10': 0, '20': 0, A0: 0, A9: 0 }
const summary = {
  generatedAt: '2026-11-20T02:00:00.000Z',
  periods: { weeks: { from: '2026-11-09', to: '2026-11-20' }, months: { from: '2026-10-01', to: '2026-11-20' } },
  charts: {
    applicationsByOffice: [{ officeCode: 'AA', byStatus: { ...none, '00': 2, '10': 1200 } }, { officeCode: 'CA', byStatus: none }],
    applicationsPerWeek: [{ week: '2026-11-09', received: 3, decided: 1 }, { week: '2026-11-16', received: 0, decided: 2 }],
    reviewTime: { overall: { decided: 3, averageDays: 3.5 }, byOffice: [{ officeCode: 'AA', decided: 3, averageDays: 3.5 }, { officeCode: 'CA', decided: 0, averageDays: null }] },
    feesPerMonth: [{ month: '2026-10', issued: 0, paid: 0, voided: 0, revenue: 0 }, { month: '2026-11', issued: 3, paid: 2, voided: 1, revenue: 4000 }],
    certificatesExpiring: [{ officeCode: 'AA', within30: 1, within60: 2, within90: 4 }],
  },
} as unknown as DashboardSummary

const text = (language: 'zh-TW' | 'en'): ChartText => ({
  language,
  label: (key, params) => (params ? `${key}(${Object.values(params).join(',')})` : key),
  office: (code) => code,
  status: (status) => `s${status}`,
})

describe('the dashboard charts', () => {
  it('stack the statuses per office, with a total in the table', () => {
    const spec = applicationsByOfficeChart(summary, text('en'))
    expect(spec.option.series).toHaveLength(6)
    expect((spec.option.series as { data: number[] }[])[2]!.data).toEqual([1200, 0])
    expect(spec.table.head).toEqual(['office', '00 s00', 'R0 sR0', '10 s10', '20 s20', 'A0 sA0', 'A9 sA9', 'total'])
    expect(spec.table.rows[0]).toEqual({ header: 'AA', cells: ['2', '0', '1,200', '0', '0', '0', '1,202'] })
    expect(spec.note).toBe('applicationsByOfficeNote · period(2026-10-01,2026-11-20)')
  })

  it('label weeks and months with ROC dates in Chinese and ISO dates in English', () => {
    expect(applicationsPerWeekChart(summary, text('zh-TW')).table.rows.map((r) => r.header)).toEqual(['115/11/09', '115/11/16'])
    expect(applicationsPerWeekChart(summary, text('en')).table.rows.map((r) => r.header)).toEqual(['2026-11-09', '2026-11-16'])
    expect(feesPerMonthChart(summary, text('zh-TW')).table.rows.map((r) => r.header)).toEqual(['115/10', '115/11'])
    expect(applicationsPerWeekChart(summary, text('zh-TW')).note).toBe('period(115/11/09,115/11/20)')
  })

  it('show an office that decided nothing as a gap, not as zero days', () => {
    const spec = reviewTimeChart(summary, text('en'))
    expect((spec.option.series as { data: (number | null)[] }[])[0]!.data).toEqual([3.5, null, 3.5])
    expect(spec.table.rows).toEqual([
      { header: 'AA', cells: ['3', '3.5'] },
      { header: 'CA', cells: ['0', '–'] },
      { header: 'overall', cells: ['3', '3.5'] },
    ])
  })

  it('put revenue on its own axis and every number in the tables', () => {
    const fees = feesPerMonthChart(summary, text('en'))
    expect((fees.option.series as { yAxisIndex?: number; type: string }[]).map((s) => [s.type, s.yAxisIndex ?? 0])).toEqual([['bar', 0], ['bar', 0], ['bar', 0], ['line', 1]])
    expect(fees.table.rows[1]).toEqual({ header: '2026-11', cells: ['3', '2', '1', '4,000'] })
    const expiring = certificatesExpiringChart(summary, text('zh-TW'))
    expect(expiring.table.rows).toEqual([{ header: 'AA', cells: ['1', '2', '4'] }])
    expect(expiring.note).toBe('asOf(115/11/20 10:00)')
  })
})
