import { fileURLToPath, URL } from 'node:url'

import { defineConfig } from 'vite'
import type { Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import ElementPlus from 'unplugin-element-plus/vite'

const apiTarget = process.env.SURGE_API ?? 'http://localhost:8080'

/** Vite's own warning limit (build.chunkSizeWarningLimit, left at its default), in kB. */
const CHUNK_LIMIT_KB = 500

/** Fails the build where Vite would only warn: a JavaScript chunk over the limit. */
function chunkBudget(limitKb: number): Plugin {
  return {
    name: 'surge:chunk-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const over = Object.values(bundle)
        .filter((file) => file.type === 'chunk' && file.code.length / 1000 > limitKb)
        .map((file) => file.fileName)
      if (over.length > 0) {
        this.error(`chunks over ${limitKb} kB: ${over.join(', ')} (split them, do not raise the limit)`)
      }
    },
  }
}

// https://vite.dev/config/
export default defineConfig({
  plugins: [
    vue(),
    // Element Plus on demand: the <el-*> components and directives (v-loading) of the templates
    // with their styles; the explicit, typed imports (ElMessage, …) get their styles from
    // unplugin-element-plus. No generated .d.ts is written
    // (dts: false): nothing generated is committed.
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
    ElementPlus({}),
    chunkBudget(CHUNK_LIMIT_KB),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  server: {
    proxy: {
      // SSE goes through the same proxy; it must not be buffered.
      '/api': { target: apiTarget, changeOrigin: true },
      '/actuator': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/actuator': { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: CHUNK_LIMIT_KB,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // the dashboard's charts: ECharts and its renderer, zrender, are loaded by the
          // overview page only, as two chunks under Vite's 500 kB warning instead of one above it
          groups: [
            { name: 'zrender', test: /node_modules[\\/]zrender[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|vue-echarts)[\\/]/ },
          ],
        },
      },
    },
  },
})
