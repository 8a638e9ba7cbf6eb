import type { DashboardSummary } from '@core/contracts/dashboard'
import { applicationStatuses } from '@core/workflow/application-status'
import { bar, dayLabel, formatNumber, frame, periodNote, type ChartSpec, type ChartText } from './chart-kit'

/** Offices along the axis, one stacked bar segment per status. */
export function applicationsByOfficeChart(d: DashboardSummary, text: ChartText): ChartSpec {
  const rows = d.charts.applicationsByOffice
  const offices = rows.map((r) => text.office(r.officeCode))
  return {
    id: 'applicationsByOffice',
    title: text.label('applicationsByOffice'),
    note: periodNote(text, d.periods.months, 'applicationsByOfficeNote'),
    option: {
      ...frame(offices, true),
      // the legend shows the codes, as the status tags do; the tooltip and the table have the full names
      legend: { top: 0, type: 'scroll', formatter: (name: string) => name.split(' ')[0]! },
      series: applicationStatuses.map((status) => bar(`${status} ${text.status(status)}`, rows.map((r) => r.byStatus[status]), { stack: 'status' })),
    },
    table: {
      head: [text.label('office'), ...applicationStatuses.map((s) => `${s} ${text.status(s)}`), text.label('total')],
      rows: rows.map((r, i) => {
        const counts = applicationStatuses.map((s) => r.byStatus[s])
        return { header: offices[i]!, cells: [...counts, counts.reduce((a, b) => a + b, 0)].map(formatNumber) }
      }),
    },
  }
}

export function applicationsPerWeekChart(d: DashboardSummary, text: ChartText): ChartSpec {
  const rows = d.charts.applicationsPerWeek
  const weeks = rows.map((r) => dayLabel(r.week, text.language))
  return {
    id: 'applicationsPerWeek',
    title: text.label('applicationsPerWeek'),
    note: periodNote(text, d.periods.weeks),
    option: {
      ...frame(weeks, true),
      series: [
        bar(text.label('received'), rows.map((r) => r.received)),
        { type: 'line', name: text.label('decided'), data: rows.map((r) => r.decided) },
      ],
    },
    table: {
      head: [text.label('week'), text.label('received'), text.label('decided')],
      rows: rows.map((r, i) => ({ header: weeks[i]!, cells: [r.received, r.decided].map(formatNumber) })),
    },
  }
}

/** One bar per office and one for all of them; an office that decided nothing has no bar (and – in the table). */
export function reviewTimeChart(d: DashboardSummary, text: ChartText): ChartSpec {
  const { overall, byOffice } = d.charts.reviewTime
  const rows = [...byOffice.map((r) => ({ header: text.office(r.officeCode), ...r })), { header: text.label('overall'), ...overall }]
  return {
    id: 'reviewTime',
    title: text.label('reviewTime'),
    note: periodNote(text, d.periods.weeks, 'reviewTimeNote'),
    option: {
      ...frame(rows.map((r) => r.header), false),
      yAxis: { type: 'value', minInterval: undefined },
      series: [bar(text.label('averageDays'), rows.map((r) => r.averageDays))],
    },
    table: {
      head: [text.label('office'), text.label('decidedCount'), text.label('averageDays')],
      rows: rows.map((r) => ({ header: r.header, cells: [formatNumber(r.decided), formatNumber(r.averageDays)] })),
    },
  }
}
