type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent'
const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

/** JSON lines on stdout/stderr: one event per line, easy to ship to any log collector. */
export function createLogger(level: Level): Logger {
  const emit = (at: Exclude<Level, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (rank[at] < rank[level]) return
    const line = JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...fields })
    if (at === 'error' || at === 'warn') process.stderr.write(line + '\n')
    else process.stdout.write(line + '\n')
  }
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  }
}
