// HTML for the accounts pages: escaping, JSON that is safe inside an inline <script>, and one
// layout with the security headers every accounts page carries. No COOP header on purpose:
// `Cross-Origin-Opener-Policy` would sever `window.opener` and the popup could never post.
import { randomBytes } from 'node:crypto'

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** JSON for an inline script: `</script>`, `<!--` and the JS line separators cannot break out. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

export interface PageInput {
  title: string
  /** Trusted markup: every interpolated value in it must already be escaped. */
  body: string
  /** Inline script, run from <head> before the body is shown. */
  script?: string
  /** Who may frame the page: `'none'` for pages with UI a click-jacker could abuse. */
  frameAncestors: string
  /** Origins a form on the page may end up at (the 302 after a POST counts). */
  formTargets?: string[]
  status?: 200 | 400 | 403
}

export function renderPage(input: PageInput): Response {
  const nonce = randomBytes(16).toString('base64')
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    `form-action 'self'${(input.formTargets ?? []).map((origin) => ` ${origin}`).join('')}`,
    `frame-ancestors ${input.frameAncestors}`,
  ].join('; ')
  const script = input.script ? `<script nonce="${nonce}">${input.script}</script>` : ''
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)} · LiveChat accounts (sandbox)</title>
<style nonce="${nonce}">${STYLE}</style>
${script}
</head>
<body>
<main>
<p class="brand">LiveChat accounts <span>sandbox</span></p>
${input.body}
</main>
</body>
</html>
`
  return new Response(html, {
    status: input.status ?? 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
      // `same-origin`, not `no-referrer`: the latter makes a same-origin form POST send
      // `Origin: null`, which the sign-in and consent handlers refuse.
      'Referrer-Policy': 'same-origin',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

const STYLE = `
:root { color-scheme: light; font-family: system-ui, sans-serif; color: #1b1f24; background: #f3f5f8; }
main { max-width: 30rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 12px; box-shadow: 0 2px 12px rgb(0 0 0 / 8%); }
.brand { margin: 0 0 1.5rem; font-weight: 600; color: #ff5100; }
.brand span { color: #5f6b7a; font-weight: 400; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
ul.personas, ul.scopes { list-style: none; padding: 0; margin: 1rem 0; }
ul.personas li { display: flex; align-items: center; gap: 0.75rem; margin: 0.5rem 0; }
ul.scopes li { margin: 0.5rem 0; }
button { font: inherit; padding: 0.55rem 1.1rem; border-radius: 8px; border: 1px solid #b8c0cc; background: #fff; cursor: pointer; }
button:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
ul.personas button { min-width: 10rem; text-align: left; }
li.suggested button { border: 2px solid #1565c0; background: #e8f1fc; }
.primary { background: #1565c0; color: #fff; border-color: #1565c0; }
.actions { display: flex; gap: 0.75rem; margin-top: 1.5rem; }
.muted { color: #5f6b7a; font-size: 0.9rem; }
code { background: #eef1f5; padding: 0.05rem 0.3rem; border-radius: 4px; }
.error { border-left: 4px solid #c62828; padding-left: 0.75rem; }
html.framed body { display: none; }
`
