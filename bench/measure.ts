/** Runs `once` n times after a warm-up and prints and returns operations per second. */
export async function measureRate(label: string, n: number, once: () => Promise<unknown> | unknown, unit = 'req/s'): Promise<number> {
  for (let i = 0; i < Math.min(200, n); i++) await once()
  const start = performance.now()
  for (let i = 0; i < n; i++) await once()
  const perSecond = n / ((performance.now() - start) / 1000)
  console.log(`  ${label.padEnd(58)} ${perSecond.toFixed(0).padStart(8)} ${unit}`)
  return perSecond
}
