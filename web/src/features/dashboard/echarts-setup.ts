import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

/*
 * Only what the dashboard draws (ChartOption in chart-kit.ts has the same list), so the lazy dashboard chunk
 * carries a fraction of ECharts and the rest of the console none of it (docs/decisions/0011). Canvas, not SVG:
 * the smaller renderer, and printing takes the canvas as it is.
 */
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])
