// Drives the real accounts SDK in the browser for tests/accounts/sdk-*.spec.ts. Only
// `server_url` and `client_id` are fixed; everything else comes from the spec, so the SDK's own
// defaults stay in force. The redirect flow survives the round trip through sessionStorage.
import AccountsSDK, { type AccountsSDKOptions } from '@livechat/accounts-sdk'

const BASE: AccountsSDKOptions = {
  client_id: '0123456789abcdef0123456789abcdef',
  server_url: 'http://localhost:4010',
}
const PENDING_REDIRECT = 'sdk-harness:redirect-options'

type Outcome =
  | { kind: 'resolved'; value: unknown; verify: unknown; url: string }
  | { kind: 'rejected'; value: unknown; url: string }

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} missing`)
  return found as T
}

function specOptions(): Partial<AccountsSDKOptions> {
  const raw = element<HTMLTextAreaElement>('options').value.trim()
  return raw ? (JSON.parse(raw) as Partial<AccountsSDKOptions>) : {}
}

function show(outcome: Outcome): void {
  element('result').textContent = JSON.stringify(outcome)
  element('status').textContent = 'done'
}

async function run(sdk: AccountsSDK, flow: Promise<Record<string, unknown>>): Promise<void> {
  element('status').textContent = 'waiting'
  try {
    const value = await flow
    // verify() reads and deletes the transaction: called once, right here, as an app would.
    show({ kind: 'resolved', value, verify: sdk.verify(value), url: location.href })
  } catch (error) {
    show({ kind: 'rejected', value: error, url: location.href })
  }
}

element('popup').addEventListener('click', () => {
  const sdk = new AccountsSDK({ ...BASE, ...specOptions() })
  void run(sdk, sdk.popup().authorize())
})

element('iframe').addEventListener('click', () => {
  const sdk = new AccountsSDK({ ...BASE, ...specOptions() })
  void run(sdk, sdk.iframe().authorize())
})

element('redirect').addEventListener('click', () => {
  const options = specOptions()
  sessionStorage.setItem(PENDING_REDIRECT, JSON.stringify(options))
  new AccountsSDK({ ...BASE, ...options }).redirect().authorize()
})

const pending = sessionStorage.getItem(PENDING_REDIRECT)
if (pending !== null && (location.hash || location.search)) {
  sessionStorage.removeItem(PENDING_REDIRECT)
  const sdk = new AccountsSDK({ ...BASE, ...(JSON.parse(pending) as Partial<AccountsSDKOptions>) })
  void run(sdk, sdk.redirect().authorizeData() as Promise<Record<string, unknown>>)
} else {
  element('status').textContent = 'ready'
}
