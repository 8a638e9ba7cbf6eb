import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { FullResult, Reporter, Suite, TestCase } from '@playwright/test/reporter'

/**
 * The failover test of the PostgreSQL run: when half the suite has run, the second replica is killed (SIGKILL,
 * as a lost machine) and the rest of the suite goes through nginx to the first alone. The run fails if the
 * kill did not happen, so a suite that never met the failover cannot pass as one that survived it.
 */
export default class FailoverReporter implements Reporter {
  private total = 0
  private done = 0
  private killed: number | null = null

  onBegin(_config: unknown, suite: Suite): void {
    this.total = suite.allTests().length
  }

  onTestEnd(_test: TestCase): void {
    if (++this.done !== Math.floor(this.total / 2) || this.killed !== null) return
    const replicas = JSON.parse(readFileSync(path.join(process.env.E2E_DATA_DIR!, 'replicas.json'), 'utf8')) as { url: string; pid: number }[]
    const victim = replicas[1]!
    process.kill(victim.pid, 'SIGKILL')
    this.killed = victim.pid
    console.log(`\n[failover] killed replica 2 (${victim.url}, pid ${victim.pid}) after test ${this.done} of ${this.total}; the rest goes through replica 1\n`)
  }

  async onEnd(result: FullResult): Promise<{ status: FullResult['status'] }> {
    if (this.total > 1 && this.killed === null) {
      console.error('[failover] the second replica was never killed: the failover did not happen')
      return { status: 'failed' }
    }
    return { status: result.status }
  }
}
