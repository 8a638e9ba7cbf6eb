// `npm start` runs the server as one JavaScript bundle, not through tsx: tsx's loader and the TypeScript it
// compiles at start-up cost about 35 MB of memory and half a second for as long as the server runs
// (decision 0017). esbuild is the compiler tsx itself uses; it bundles our code in about 0.2 s, so the bundle is
// made at every start and can never be older than the sources. Packages stay in node_modules.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)))
const outfile = path.join(root, 'dist-server', 'start.mjs')

/**
 * A few modules find files next to themselves (the migrations, the API docs page) through `import.meta.url`.
 * In the bundle that would be the bundle's address, so each module's own is written in, relative to the
 * bundle's: the checkout can still move as a whole.
 */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8')
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' }
      const relative = path.relative(path.dirname(outfile), args.path).split(path.sep).join('/')
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: 'ts' }
    })
  },
}

await build({
  entryPoints: [path.join(root, 'server/cli/start.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [ownUrl],
})
