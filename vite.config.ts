import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vite'

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url))
const api = 'http://127.0.0.1:3000'

export default defineConfig({
  root: path('./web'),
  plugins: [
    vue(),
    // Element Plus on demand only: components through the resolver, ElMessage/ElMessageBox through
    // auto-import so their CSS comes along (an explicit import would leave it out; STACK.md trap 3).
    AutoImport({ resolvers: [ElementPlusResolver()], dts: path('./web/auto-imports.d.ts') }),
    Components({ resolvers: [ElementPlusResolver()], dirs: [], dts: path('./web/components.d.ts') }),
  ],
  resolve: {
    alias: {
      '@core': path('./core'),
      '@web': path('./web/src'),
    },
  },
  define: {
    // vue-i18n esm-bundler flags: composition API only; messages are plain TS objects compiled
    // just in time to an AST (vue-i18n ≥ 10), which needs no eval and so suits a strict CSP.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_DROP_MESSAGE_COMPILER__: false,
  },
  build: {
    outDir: path('./dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': api, '/crl': api },
  },
})
