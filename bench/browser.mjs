// Debian's Chromium through Playwright's library API, launched as the browser tests launch it.
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs'

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS })
}
