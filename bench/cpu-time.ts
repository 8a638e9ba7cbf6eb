import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/** One process's line of /proc/<pid>/stat: its parent and its CPU time in clock ticks. */
export interface ProcStat {
  pid: number
  ppid: number
  /** utime + stime: the process's own time, all its threads */
  ticks: number
  /** cutime + cstime: the time of its children that have ended and been waited for */
  childTicks: number
}

/**
 * Reads /proc/<pid>/stat. The command name (field 2) is in parentheses and may hold spaces and parentheses
 * itself ("postgres: postgres postgres 127.0.0.1(5432) idle"), so the fields are counted from the last ")".
 */
export function parseProcStat(line: string): ProcStat {
  const open = line.indexOf('(')
  const close = line.lastIndexOf(')')
  if (open < 0 || close < open) throw new Error(`not a /proc/<pid>/stat line: ${line.slice(0, 80)}`)
  // after the name: state (field 3), ppid (4) … utime (14), stime (15), cutime (16), cstime (17)
  const f = line.slice(close + 2).split(' ')
  const n = (field: number) => Number(f[field - 3])
  return { pid: Number(line.slice(0, open).trim()), ppid: n(4), ticks: n(14) + n(15), childTicks: n(16) + n(17) }
}

/**
 * A process tree's CPU time: every live process under `root` (and root) with the ended children each has
 * waited for. An ended PostgreSQL backend or nginx worker then still counts, in its parent's cutime; a live
 * one is not counted twice, as cutime holds only children that have ended.
 */
export function treeTicks(stats: ProcStat[], root: number): number {
  const children = new Map<number, ProcStat[]>()
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s])
  let total = 0
  const stack = stats.filter((s) => s.pid === root)
  while (stack.length) {
    const s = stack.pop()!
    total += s.ticks + s.childTicks
    stack.push(...(children.get(s.pid) ?? []))
  }
  return total
}

/** Busy and total ticks of the whole machine, from the first line of /proc/stat (busy: not idle, not iowait). */
export function parseMachineStat(text: string): { busy: number; total: number } {
  const f = text.split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number)
  const total = f.reduce((a, b) => a + b, 0)
  return { busy: total - f[3]! - f[4]!, total }
}

/** What share of `cores` cores `ticks` kept busy over `seconds` of wall time (1 = all of them). */
export function coreShare(ticks: number, o: { seconds: number; cores: number; hz: number }): number {
  return ticks / o.hz / o.seconds / o.cores
}

/** Every process's stat now. A process that ends while being read is skipped. */
export function readAllStats(): ProcStat[] {
  const stats: ProcStat[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      stats.push(parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8')))
    } catch {
      // gone between the listing and the read
    }
  }
  return stats
}

export const readMachineStat = () => parseMachineStat(readFileSync('/proc/stat', 'utf8'))

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux almost everywhere). */
export function clockTicksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
}

/** Processes counted together: the replicas, the PostgreSQL cluster, nginx, the load generator. */
export interface CpuGroup {
  name: string
  pids: number[]
  /** with every descendant (a cluster's backends, nginx's workers); false: the process alone */
  tree: boolean
}

export interface CpuSnapshot {
  ms: number
  stats: ProcStat[]
  machine: { busy: number; total: number }
}

export const cpuSnapshot = (): CpuSnapshot => ({ ms: performance.now(), stats: readAllStats(), machine: readMachineStat() })

export interface CpuShare {
  name: string
  cpuSeconds: number
  /** of all the machine's cores over the run: 0.5 on 2 cores is one core kept busy */
  share: number
}

/**
 * Each group's CPU time between two snapshots and its share of the machine's cores, then "other processes"
 * (the machine's busy time nobody in the groups accounts for: other work on a shared machine) and "idle".
 */
export function cpuShares(groups: CpuGroup[], before: CpuSnapshot, after: CpuSnapshot, o: { cores: number; hz: number }): CpuShare[] {
  const seconds = (after.ms - before.ms) / 1000
  const ticksOf = (g: CpuGroup, stats: ProcStat[]) =>
    g.pids.reduce((sum, pid) => sum + (g.tree ? treeTicks(stats, pid) : (stats.find((s) => s.pid === pid)?.ticks ?? 0)), 0)
  const share = (name: string, ticks: number): CpuShare => ({ name, cpuSeconds: ticks / o.hz, share: coreShare(ticks, { seconds, ...o }) })
  const shares = groups.map((g) => share(g.name, Math.max(0, ticksOf(g, after.stats) - ticksOf(g, before.stats))))
  const machineTotal = after.machine.total - before.machine.total
  const machineBusy = after.machine.busy - before.machine.busy
  // /proc/stat counts every core's ticks: its total over the run is the denominator's own measure of seconds × cores
  const perTick = machineTotal > 0 ? (o.hz * seconds * o.cores) / machineTotal : 1
  const ours = shares.reduce((sum, s) => sum + s.cpuSeconds * o.hz, 0)
  shares.push(share('other processes', Math.max(0, machineBusy * perTick - ours)))
  shares.push(share('idle', Math.max(0, (machineTotal - machineBusy) * perTick)))
  return shares
}

/**
 * One line on what limits a run: the cores, when they were all but never idle (naming the largest of our
 * shares, "other processes" being the machine's other work), else not the CPU but waiting: each replica
 * runs one statement at a time through the bridge (decision 0017), so a request waits for PostgreSQL's round trips.
 */
export function limitVerdict(shares: CpuShare[], cores: number): string {
  const pct = (x: number) => `${Math.round(x * 100)} %`
  const idle = shares.find((s) => s.name === 'idle')?.share ?? 0
  if (idle >= 0.1) return `the ${cores} cores are not saturated (idle ${pct(idle)}): the limit is waiting, each replica running one statement at a time`
  const top = shares.filter((s) => s.name !== 'idle').sort((a, b) => b.share - a.share)[0]!
  return `the ${cores} cores are saturated (idle ${pct(idle)}); the largest share: ${top.name}, ${pct(top.share)}`
}

/**
 * How many cores our own processes kept busy (every group but "other processes" and "idle"). Requests per
 * second over this is what a request costs in CPU, which other work on a shared machine barely moves, where
 * requests per second alone moves with whatever else runs.
 */
export function ownCores(shares: CpuShare[], cores: number): number {
  return shares.filter((s) => s.name !== 'other processes' && s.name !== 'idle').reduce((sum, s) => sum + s.share, 0) * cores
}
