// The published build: ESM JavaScript and type declarations in dist/, so the package runs on
// Node with no TypeScript. In this repository nothing needs it: consumers read src/ through the
// `livechat-sandbox:source` export condition.
import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: true,
  clean: true,
  outDir: 'dist',
  // .js and .d.ts: the package is "type": "module".
  fixedExtension: false,
})
