// For real-browser specs: drive the running sandbox (http://localhost:4010) through its control
// API, so each test starts from a fresh world with the options it needs.
import type { SandboxOptions } from '../../packages/sandbox/src/options/sandbox-options'

export const SANDBOX_URL = 'http://localhost:4010'

async function control<T>(path: string, init: { method: string; body?: unknown }): Promise<T> {
  const response = await fetch(`${SANDBOX_URL}/sandbox${path}`, {
    method: init.method,
    headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  if (!response.ok) throw new Error(`sandbox ${init.method} ${path}: HTTP ${response.status}`)
  return (await response.json()) as T
}

/** A fresh world: no tokens, sessions, consents or redirect counts; options back to defaults plus `options`. */
export async function resetSandbox(options: Partial<SandboxOptions> = {}): Promise<void> {
  await control('/reset', { method: 'POST', body: { options } })
}

export function sandboxOptions(): Promise<SandboxOptions> {
  return control('/options', { method: 'GET' })
}

export function setSandboxOptions(patch: Partial<SandboxOptions>): Promise<SandboxOptions> {
  return control('/options', { method: 'POST', body: patch })
}
