// The security headers of the production build, computed once from the build's configuration
// so the CSP names exactly the configured accounts and API origins. The same set is written to
// dist/_headers (static hosts such as Netlify or Cloudflare Pages read it) and served by
// `vite preview`, so the browser tests see what production sends.
//
// Two sets: every route refuses to be framed (`frame-ancestors 'none'`, `X-Frame-Options: DENY`),
// except the Agent App widget routes (/widget/*), which the configured Agent App origins alone
// may frame (VITE_LIVECHAT_AGENT_APP_ORIGINS; docs/agent-app-widgets.md). X-Frame-Options cannot
// name an origin, so the widget routes send none and rely on `frame-ancestors`.
import { parseAgentAppOrigins } from './src/config/agent-app-origins.ts'

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

/** Where the widget routes live: /widget/details and /widget/fullscreen (and below). */
export const WIDGET_ROUTES = '/widget/'

/** Whether a request path is a widget route (query and fragment ignored). */
export function isWidgetPath(url: string | undefined): boolean {
  return (url ?? '').split(/[?#]/)[0]!.startsWith(WIDGET_ROUTES)
}

/**
 * The origins allowed to frame the widget routes: VITE_LIVECHAT_AGENT_APP_ORIGINS, plus the
 * sandbox's own (its Agent App stand-in at /agent-app) in development and sandbox builds, where
 * the accounts URL is the sandbox. A malformed list stops the build: a typo must not ship a
 * widget that nobody can frame, or that anybody can.
 */
export function agentAppOrigins(env: Record<string, string | undefined>, mode?: string): string[] {
  const parsed = parseAgentAppOrigins(env.VITE_LIVECHAT_AGENT_APP_ORIGINS)
  if (!parsed.ok)
    throw new Error(
      `VITE_LIVECHAT_AGENT_APP_ORIGINS: "${parsed.value}" ${parsed.reason}. Set a comma-separated list of origins, e.g. https://my.livechatinc.com`,
    )
  const sandbox = mode === 'development' || mode === 'sandbox'
  const accounts = origin(env.VITE_LIVECHAT_ACCOUNTS_URL, DEFAULT_ACCOUNTS)
  return sandbox && accounts !== DEFAULT_ACCOUNTS
    ? [...new Set([...parsed.origins, accounts])]
    : parsed.origins
}

/** Which document: a widget route's, and the build mode (development and sandbox add the sandbox). */
export interface DocumentOptions {
  widget?: boolean
  mode?: string
}

export function contentSecurityPolicy(
  env: Record<string, string | undefined>,
  { widget = false, mode }: DocumentOptions = {},
): string {
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
    widget ? `frame-ancestors ${agentAppOrigins(env, mode).join(' ')}` : "frame-ancestors 'none'",
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

/**
 * Headers for every document response (index.html and the SPA fallback); with `widget`, those of
 * a widget route: framed by the Agent App origins only, and no X-Frame-Options.
 */
export function documentHeaders(
  env: Record<string, string | undefined>,
  { widget = false, mode }: DocumentOptions = {},
): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(env, { widget, mode }),
    'Referrer-Policy': 'no-referrer',
    // same-origin would sever window.opener in the accounts popup and break popup sign-in.
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cache-Control': 'no-cache',
  }
  if (widget) delete headers['X-Frame-Options']
  return headers
}

/**
 * Cloudflare Pages' `_headers` format
 * (https://developers.cloudflare.com/pages/configuration/headers/): a request inherits every
 * matching rule's headers, so the widget rule first detaches (`! Name`) the two framing headers
 * of `/*`, then sets its own policy. (Netlify reads the same file but does not know `!`: drop
 * those lines there, where the more specific rule's value already wins.)
 */
export function headersFile(env: Record<string, string | undefined>, mode?: string): string {
  const widget = documentHeaders(env, { widget: true, mode })
  const lines = ['/*', ...Object.entries(documentHeaders(env)).map(([k, v]) => `  ${k}: ${v}`)]
  lines.push(
    `${WIDGET_ROUTES}*`,
    '  ! Content-Security-Policy',
    '  ! X-Frame-Options',
    `  Content-Security-Policy: ${widget['Content-Security-Policy']}`,
  )
  lines.push('/assets/*', '  Cache-Control: public, max-age=31536000, immutable', '')
  return lines.join('\n')
}
