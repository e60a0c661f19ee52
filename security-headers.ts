// The security headers of the production build, computed once from the build's configuration
// so the CSP names exactly the configured accounts and API origins. The same set is written to
// dist/_headers (static hosts such as Netlify or Cloudflare Pages read it) and served by
// `vite preview`, so the browser tests see what production sends.

const DEFAULT_ACCOUNTS = 'https://accounts.livechat.com'
const DEFAULT_API = 'https://api.livechatinc.com'

function origin(value: string | undefined, fallback: string): string {
  try {
    return new URL(value && value.trim() !== '' ? value : fallback).origin
  } catch {
    return fallback
  }
}

/**
 * The RTM socket's origin, as the app derives it (src/config/env.ts): VITE_LIVECHAT_RTM_URL when
 * it is a ws(s) URL, else the API origin with a ws scheme. Exactly that one: the token goes to it.
 */
function rtmOrigin(env: Record<string, string | undefined>, api: string): string {
  const derived = api.replace(/^http/, 'ws')
  const configured = origin(env.VITE_LIVECHAT_RTM_URL, derived)
  return /^wss?:\/\//.test(configured) ? configured : derived
}

export function contentSecurityPolicy(env: Record<string, string | undefined>): string {
  const accounts = origin(env.VITE_LIVECHAT_ACCOUNTS_URL, DEFAULT_ACCOUNTS)
  const api = origin(env.VITE_LIVECHAT_API_URL, DEFAULT_API)
  const connect = [...new Set(["'self'", accounts, api, rtmOrigin(env, api)])].join(' ')
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    // The silent sign-in (SDK iframe flow) loads the accounts server in a hidden frame.
    `frame-src ${accounts}`,
    "frame-ancestors 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "manifest-src 'self'",
    "worker-src 'none'",
  ]
  // Production talks https; the local sandbox is plain http, where upgrading would break it.
  if (accounts.startsWith('https:') && api.startsWith('https:'))
    directives.push('upgrade-insecure-requests')
  return directives.join('; ')
}

/** Headers for every document response (index.html and the SPA fallback). */
export function documentHeaders(env: Record<string, string | undefined>): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(env),
    'Referrer-Policy': 'no-referrer',
    // same-origin would sever window.opener in the accounts popup and break popup sign-in.
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cache-Control': 'no-cache',
  }
}

/** Netlify/Cloudflare `_headers` format. */
export function headersFile(env: Record<string, string | undefined>): string {
  const lines = ['/*', ...Object.entries(documentHeaders(env)).map(([k, v]) => `  ${k}: ${v}`)]
  lines.push('/assets/*', '  Cache-Control: public, max-age=31536000, immutable', '')
  return lines.join('\n')
}
