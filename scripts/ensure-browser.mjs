// Makes sure a Chromium is there for the real-browser tests (README.md#quick-start, "npm test"):
// CHROMIUM_PATH or /usr/bin/chromium; when missing and we are root with apt, install Debian's
// `chromium`; otherwise say exactly what to install. Never downloads a browser build.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromiumPath } from './chromium-path.mjs'

const path = chromiumPath()
if (existsSync(path)) {
  process.exit(0)
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = existsSync('/usr/bin/apt-get')
if (isRoot && hasApt) {
  console.log('Chromium not found: installing Debian chromium with apt-get (about 35 s)…')
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  })
  if (existsSync(chromiumPath())) process.exit(0)
}
console.error(
  [
    'No Chromium found for the browser tests.',
    'Install it with:  sudo apt-get install chromium   (Debian/Ubuntu)',
    'or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
  ].join('\n'),
)
process.exit(1)
