// Where Chromium lives: CHROMIUM_PATH, else Debian's /usr/bin/chromium. Never a downloaded build.
import { existsSync } from 'node:fs'

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((p) => p && existsSync(p)) ?? '/usr/bin/chromium'
}
