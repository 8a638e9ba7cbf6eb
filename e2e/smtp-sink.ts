import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { startSmtpTestServer } from '../server/lib/mail/smtp-test-server'

/**
 * The e2e server's mail: a real SMTP server on loopback (server/lib/mail/smtp-test-server.ts) that writes each
 * message it receives to `<folder>/<n>.eml`, so specs read what really went out over SMTP. Its URL goes to
 * `<folder>/.smtp-url` for e2e/serve.sh. It ends with the process it watches (the server), however that ends.
 *
 *   tsx e2e/smtp-sink.ts <folder> <pid to watch>
 */
const [folder, watchPid] = process.argv.slice(2)
if (!folder || !watchPid) throw new Error('usage: smtp-sink.ts <folder> <pid to watch>')
let n = 0
const sink = await startSmtpTestServer({
  onMessage: (mail) => writeFileSync(path.join(folder, `${String(++n).padStart(4, '0')}.eml`), mail.raw, 'latin1'),
})
writeFileSync(path.join(folder, '.smtp-url'), sink.url)

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
setInterval(() => {
  if (!alive(Number(watchPid))) void sink.close().finally(() => process.exit(0))
}, 1000)
