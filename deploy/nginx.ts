import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The reverse proxy in front of the replicas: nginx, round robin over them. A replica that refuses the
 * connection or answers 502/503 (its health is 503 while it has lost the database) is skipped for the request,
 * which goes to the next one, and left out for `failSeconds`. A request whose connection was refused never
 * reached a replica, so even a POST is safely sent on. Exports stream through unbuffered.
 */
export function nginxConfig(o: { port: number; upstreams: number[]; dir: string; failSeconds?: number; user?: string }): string {
  const fail = o.failSeconds ?? 5
  return `# made by deploy/nginx.ts
${o.user ? `user ${o.user};` : ''}
worker_processes 1;
daemon off;
pid ${o.dir}/nginx.pid;
error_log ${o.dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${o.dir}/body;
  proxy_temp_path ${o.dir}/proxy;
  fastcgi_temp_path ${o.dir}/fastcgi;
  uwsgi_temp_path ${o.dir}/uwsgi;
  scgi_temp_path ${o.dir}/scgi;
  # the largest upload is a 10 MB scanned form
  client_max_body_size 12m;
  upstream certdesk {
${o.upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=${fail}s;`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${o.port};
    location / {
      proxy_pass http://certdesk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # nginx is the edge: the client's address replaces anything it sent (the replicas run with TRUST_PROXY=1)
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 300s;
      proxy_buffering off;
    }
  }
}
`
}

export interface Nginx {
  url: string
  /** the master's pid: its workers are its children */
  pid: number
  stop(): Promise<void>
}

/** Starts nginx in the foreground (so it ends with us) with the config above, in a folder of its own. */
export async function startNginx(o: { port: number; upstreams: number[]; dir: string }): Promise<Nginx> {
  mkdirSync(o.dir, { recursive: true })
  const file = path.join(o.dir, 'nginx.conf')
  // as root nginx's workers would drop to "nobody", who cannot write the temp folders made here
  writeFileSync(file, nginxConfig({ ...o, user: process.getuid?.() === 0 ? 'root' : undefined }))
  const child = spawn('nginx', ['-c', file, '-p', o.dir, '-e', path.join(o.dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const url = `http://127.0.0.1:${o.port}`
  try {
    await waitUntil(async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}`)
      try {
        await fetch(url + '/api/health')
        return true
      } catch {
        return false
      }
    }, 10_000, () => `nginx did not listen on ${url}: ${stderr}`)
  } catch (error) {
    await stopChild(child)
    throw error
  }
  return { url, pid: child.pid!, stop: () => stopChild(child) }
}

export async function waitUntil(ok: () => Promise<boolean>, ms: number, why: () => string): Promise<void> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await ok()) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(why())
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
  })
}
