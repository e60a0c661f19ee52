import { defineConfig } from 'tsdown'

// ESM and .d.ts for every entry point. Unbundled: dist mirrors src, one file per module, so a
// consumer's bundler splits on the package's own lazy boundaries (the SDK steps, the client
// steps, the session keeper, the error words) and keeps what a page does not use out of its chunk.
export default defineConfig({
  entry: ['src/index.ts', 'src/react.ts', 'src/react-router.ts', 'src/qs.ts'],
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  unbundle: true,
  dts: true,
  clean: true,
  tsconfig: 'tsconfig.json',
})
