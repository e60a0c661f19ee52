// Debian's Chromium through Playwright's library API, launched as the browser tests launch it.
import { chromium } from '@playwright/test'
import { chromiumPath } from '../scripts/chromium-path.mjs'

/** The same flags as playwright.config.ts (a .ts file, which plain Node 20 cannot import). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS })
}
