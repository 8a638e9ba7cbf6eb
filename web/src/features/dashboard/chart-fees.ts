import type { DashboardSummary } from '@core/contracts/dashboard'
import { bar, formatNumber, frame, instantLabel, monthLabel, periodNote, type ChartSpec, type ChartText } from './chart-kit'

/** Counts of slips as bars on the left axis, revenue as a line on its own axis in NT$. */
export function feesPerMonthChart(d: DashboardSummary, text: ChartText): ChartSpec {
  const rows = d.charts.feesPerMonth
  const months = rows.map((r) => monthLabel(r.month, text.language))
  const counts = ['issued', 'paid', 'voided'] as const
  return {
    id: 'feesPerMonth',
    title: text.label('feesPerMonth'),
    note: periodNote(text, d.periods.months, 'feesPerMonthNote'),
    option: {
      ...frame(months, true),
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', name: 'NT$', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        ...counts.map((key) => bar(text.label(key), rows.map((r) => r[key]))),
        { type: 'line', name: text.label('revenue'), yAxisIndex: 1, data: rows.map((r) => r.revenue) },
      ],
    },
    table: {
      head: [text.label('month'), ...counts.map((key) => text.label(key)), text.label('revenue')],
      rows: rows.map((r, i) => ({ header: months[i]!, cells: [r.issued, r.paid, r.voided, r.revenue].map(formatNumber) })),
    },
  }
}

export function certificatesExpiringChart(d: DashboardSummary, text: ChartText): ChartSpec {
  const rows = d.charts.certificatesExpiring
  const offices = rows.map((r) => text.office(r.officeCode))
  const windows = ['within30', 'within60', 'within90'] as const
  return {
    id: 'certificatesExpiring',
    title: text.label('certificatesExpiring'),
    note: text.label('asOf', { at: instantLabel(d.generatedAt, text.language) }),
    option: { ...frame(offices, true), series: windows.map((key) => bar(text.label(key), rows.map((r) => r[key]))) },
    table: {
      head: [text.label('office'), ...windows.map((key) => text.label(key))],
      rows: rows.map((r, i) => ({ header: offices[i]!, cells: windows.map((key) => formatNumber(r[key])) })),
    },
  }
}
