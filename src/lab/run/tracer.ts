// Watches a popup run from outside the auth code: window.open (the window, a blocked popup, the
// authorize URL the SDK navigates it to) and the accounts server's `message` answer. Installed
// for one run; uninstall puts window.open back.
import { redactedRows } from '../model/redact'
import type { TraceEvent } from '../model/run-model'

function now(): number {
  return performance.timeOrigin + performance.now()
}

function fieldsOf(value: unknown): Record<string, string> {
  const fields: Record<string, string> = {}
  if (typeof value !== 'object' || value === null) return fields
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    fields[key] = typeof field === 'string' ? field : JSON.stringify(field)
  }
  return fields
}

export function installTracer(accountsUrl: string, emit: (event: TraceEvent) => void): () => void {
  const original = window.open
  const traced = function (this: Window, ...args: Parameters<typeof window.open>) {
    const url = args[0] === undefined ? '' : String(args[0])
    const opened = original.apply(this, args)
    if (url === '')
      emit(opened ? { type: 'window-opened', at: now() } : { type: 'window-blocked', at: now() })
    else if (url.startsWith(accountsUrl)) emit({ type: 'authorize-url', at: now(), url })
    return opened
  }
  window.open = traced
  const onMessage = (event: MessageEvent) => {
    if (event.origin !== accountsUrl) return
    const data: unknown = event.data
    if (typeof data !== 'object' || data === null) return
    const envelope = data as Record<string, unknown>
    const inner = envelope['error'] ?? envelope['data']
    if (inner === undefined) return
    const fields = fieldsOf(inner)
    if (typeof envelope['state'] === 'string') fields['state'] = envelope['state']
    emit({ type: 'answer', at: now(), rows: redactedRows(fields), error: 'error' in envelope })
  }
  window.addEventListener('message', onMessage)
  return () => {
    // Only our wrapper is taken back: something installed after it stays.
    if (window.open === traced) window.open = original
    window.removeEventListener('message', onMessage)
  }
}
