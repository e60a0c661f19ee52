// /agent-app: the sandbox's stand-in for LiveChat's Agent App (agent-app-page.ts) and its host
// script. Reference: docs/AGENT-APP.md.
import { readFile } from 'node:fs/promises'
import { Hono } from 'hono'
import { escapeHtml } from '../accounts/html'
import { CLIENT_ID } from '../seed/clients'
import type { SandboxState } from '../state'
import { PLACEMENTS, renderAgentAppPage, type Placement } from './agent-app-page'
import { personaChats } from './persona-chats'

/**
 * The host script, a plain browser module shipped in the package's assets/ folder: from the
 * sources (src/agent-app/) and from the build (dist/) alike.
 */
const HOST_SCRIPT_CANDIDATES = [
  new URL('../../assets/agent-app-host.js', import.meta.url),
  new URL('../assets/agent-app-host.js', import.meta.url),
]

async function hostScript(): Promise<string> {
  for (const candidate of HOST_SCRIPT_CANDIDATES) {
    try {
      return await readFile(candidate, 'utf8')
    } catch {
      // try the next place
    }
  }
  throw new Error('agent-app-host.js is missing from the livechat-sandbox package')
}

function problem(message: string): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agent App (sandbox)</title></head><body><main><h1>Agent App (sandbox)</h1><p role="alert">${escapeHtml(message)}</p><p><a href="/agent-app?placement=details">Open the details widget</a></p></main></body></html>`,
    {
      status: 400,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      },
    },
  )
}

/** An http(s) URL without credentials, or null. */
function widgetUrl(raw: string): URL | null {
  try {
    const url = new URL(raw)
    return /^https?:$/.test(url.protocol) && !url.username && !url.password ? url : null
  } catch {
    return null
  }
}

export function agentAppRoutes(state: SandboxState): Hono {
  const routes = new Hono()

  routes.get('/', (c) => {
    const placement = (c.req.query('placement') ?? 'details') as Placement
    if (!PLACEMENTS.includes(placement))
      return problem(`Unknown placement "${placement}": use details or fullscreen.`)
    const personas = state.directory.personas()
    const email = c.req.query('persona')
    const person = email ? personas.find((p) => p.email === email) : personas[0]
    if (!person) return problem(`No persona has the email "${email ?? ''}".`)
    // By default the sandbox's own app (its first redirect URI) at the placement's route.
    const own = state.clients.find(CLIENT_ID)
    const appOrigin = own ? state.clients.redirectUrisOf(own)[0] : undefined
    const given = c.req.query('url')
    const raw =
      given ?? `${(appOrigin ?? 'http://localhost:5173').replace(/\/$/, '')}/widget/${placement}`
    const url = widgetUrl(raw)
    if (!url) return problem(`The widget URL "${raw}" is not an http(s) URL.`)
    return renderAgentAppPage({
      placement,
      person,
      personas,
      chats: personaChats(state.world, person),
      url: url.href,
      urlGiven: given !== undefined,
    })
  })

  routes.get('/host.js', async () => {
    return new Response(await hostScript(), {
      headers: {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  })

  return routes
}
