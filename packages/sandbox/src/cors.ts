import type { MiddlewareHandler } from 'hono'

// CORS as the accounts and API hosts answer browser apps (docs/AGENT-API.md):
// echo the Origin, allow the methods and headers a SPA sends. Credentials are never needed:
// every call carries a Bearer token, and the accounts session cookie is only read on
// top-level navigations and in the iframe flow.
export function corsMiddleware(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('Origin')
    if (c.req.method === 'OPTIONS' && origin) {
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Region, X-API-Version',
          'Access-Control-Max-Age': '600',
          Vary: 'Origin',
        },
      })
    }
    await next()
    if (origin) {
      c.res.headers.set('Access-Control-Allow-Origin', origin)
      c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After')
      // Lets the page's Resource Timing see when the first byte came (the Flow lab's waterfall
      // splits wait and transfer with it). Whether LiveChat sends it is not documented; without
      // it the lab draws one undivided bar.
      c.res.headers.set('Timing-Allow-Origin', origin)
      c.res.headers.append('Vary', 'Origin')
    }
  }
}
