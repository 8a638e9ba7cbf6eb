import { describe, expect, it } from 'vitest'
import { cpuShares, limitVerdict, ownCores, parseMachineStat, parseProcStat, treeTicks, type CpuSnapshot, type ProcStat } from './cpu-time'

/** A /proc/<pid>/stat line with the fields the parser reads set, the rest zero. */
function statLine(pid: number, name: string, ppid: number, t: { utime: number; stime: number; cutime?: number; cstime?: number }): string {
  const f = Array<number>(52).fill(0)
  f[4] = ppid
  f[14] = t.utime
  f[15] = t.stime
  f[16] = t.cutime ?? 0
  f[17] = t.cstime ?? 0
  return `${pid} (${name}) S ${f.slice(4).join(' ')}\n`
}

const proc = (pid: number, ppid: number, ticks: number, childTicks = 0): ProcStat => ({ pid, ppid, ticks, childTicks })

describe('CPU time from /proc', () => {
  it('reads parent and times past a command name holding spaces and parentheses', () => {
    const line = statLine(4242, 'postgres: postgres postgres 127.0.0.1(51234) idle', 4000, { utime: 120, stime: 30, cutime: 7, cstime: 3 })
    expect(parseProcStat(line)).toEqual({ pid: 4242, ppid: 4000, ticks: 150, childTicks: 10 })
  })

  it("counts a tree's live processes and the ended children each waited for, and nothing outside it", () => {
    // postmaster 10 (an ended backend's 40 ticks in its cutime), backends 11 and 12, a grandchild 13; 20 is another tree
    const stats = [proc(10, 1, 5, 40), proc(11, 10, 100), proc(12, 10, 50), proc(13, 12, 7), proc(20, 1, 999)]
    expect(treeTicks(stats, 10)).toBe(5 + 40 + 100 + 50 + 7)
    expect(treeTicks(stats, 12)).toBe(57)
    expect(treeTicks(stats, 99)).toBe(0)
  })

  it('takes busy as everything but idle and iowait', () => {
    expect(parseMachineStat('cpu  100 5 50 800 20 3 2 0 0 0\ncpu0 1 2 3 4 5 6 7 8 9 10\n')).toEqual({ busy: 160, total: 980 })
  })

  it('gives each group its share of the cores, the rest of the busy time to other processes, and the idle time', () => {
    // 10 s on 2 cores at 100 ticks/s: 2,000 ticks in all
    const before: CpuSnapshot = { ms: 0, stats: [proc(100, 1, 1000), proc(200, 1, 0), proc(201, 200, 0), proc(300, 1, 50)], machine: { busy: 5000, total: 10_000 } }
    const after: CpuSnapshot = {
      ms: 10_000,
      // replica 100 used 1,000 ticks (half the machine); backend 201 ended, its 300 ticks now in 200's cutime, and 202 began
      stats: [proc(100, 1, 2000), proc(200, 1, 0, 300), proc(202, 200, 100), proc(300, 1, 250)],
      machine: { busy: 6900, total: 12_000 },
    }
    const shares = cpuShares(
      [
        { name: 'replicas', pids: [100], tree: true },
        { name: 'postgres', pids: [200], tree: true },
        { name: 'load generator', pids: [300], tree: false },
      ],
      before,
      after,
      { cores: 2, hz: 100 },
    )
    expect(shares.map((s) => [s.name, s.share])).toEqual([
      ['replicas', 0.5],
      ['postgres', 0.2],
      ['load generator', 0.1],
      ['other processes', 0.15],
      ['idle', 0.05],
    ])
    expect(shares[0]!.cpuSeconds).toBe(10)
    // the three groups: 0.8 of the 2 cores, 1.6 cores
    expect(ownCores(shares, 2)).toBeCloseTo(1.6)
  })
})

describe('what limits the run', () => {
  const shares = (idle: number) => [
    { name: 'replica 1', cpuSeconds: 0, share: 0.3 },
    { name: 'PostgreSQL', cpuSeconds: 0, share: 0.45 },
    { name: 'other processes', cpuSeconds: 0, share: 0.2 },
    { name: 'idle', cpuSeconds: 0, share: idle },
  ]
  it('names the cores as the limit when they are all but never idle, and the largest share among ours', () => {
    expect(limitVerdict(shares(0.05), 2)).toBe('the 2 cores are saturated (idle 5 %); the largest share: PostgreSQL, 45 %')
  })
  it('says the cores are not the limit when they idle', () => {
    expect(limitVerdict(shares(0.25), 2)).toMatch(/^the 2 cores are not saturated \(idle 25 %\)/)
  })
})
