import type { DateRange } from '@core/contracts/dashboard'
import type { CustomsOfficeCode } from '@core/contracts/offices'
import type { Language } from '@core/i18n'
import { toRocDate } from '@core/tw/roc-date'
import type { ApplicationStatus } from '@core/workflow/application-status'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import { formatDateTime, formatRocDate } from '@web/app/format'
import type dashboardMessages from './messages.zh-TW'

/** The option shape of exactly the chart types and components registered in echarts-setup.ts. */
export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

/** The numbers of a chart as a table: a header cell per row, then one cell per column after the first. */
export interface ChartTable {
  head: string[]
  rows: { header: string; cells: string[] }[]
}

/** One chart: its accessible title, a note on what it counts, the ECharts option, and the same numbers as a table. */
export interface ChartSpec {
  id: string
  title: string
  note: string
  option: ChartOption
  table: ChartTable
}

export type ChartKey = keyof (typeof dashboardMessages)['charts']

/** What the builders need to put words and numbers on a chart, in the viewer's language. */
export interface ChartText {
  language: Language
  label: (key: ChartKey, params?: Record<string, string>) => string
  office: (code: CustomsOfficeCode) => string
  status: (status: ApplicationStatus) => string
}

/** Whole numbers with group separators, averages to at most two decimals, as the API gives them. */
export function formatNumber(value: number | null): string {
  return value === null ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: 2 })
}

/** A calendar date as the console shows it: ROC (115/11/16) in zh-TW, ISO in English. */
export function dayLabel(date: string, language: Language): string {
  return language === 'zh-TW' ? toRocDate(date) : date
}

/** `2026-11` → `115/11` in zh-TW. */
export function monthLabel(month: string, language: Language): string {
  return language === 'zh-TW' ? toRocDate(`${month}-01`).slice(0, -3) : month
}

/** An instant in Taipei, to the minute: `115/11/20 10:00` in zh-TW. */
export function instantLabel(iso: string, language: Language): string {
  const time = formatDateTime(iso)
  return language === 'zh-TW' ? `${formatRocDate(iso)} ${time.slice(11)}` : time
}

export function periodNote(text: ChartText, range: DateRange, note?: ChartKey): string {
  const period = text.label('period', { from: dayLabel(range.from, text.language), to: dayLabel(range.to, text.language) })
  return note ? `${text.label(note)} · ${period}` : period
}

/** A bar series; bars stay slim when only one office is in view. */
export function bar(name: string, data: (number | null)[], extra: Omit<BarSeriesOption, 'type' | 'name' | 'data'> = {}): BarSeriesOption {
  return { type: 'bar', name, data, barMaxWidth: 48, ...extra }
}

/** The shared frame of every chart: a tooltip on hover, the legend on top, room for the axis labels. */
export function frame(categories: string[], legend: boolean): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: legend ? { top: 0, type: 'scroll' } : undefined,
    grid: { left: 8, right: 8, top: legend ? 36 : 12, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', minInterval: 1 },
  }
}
