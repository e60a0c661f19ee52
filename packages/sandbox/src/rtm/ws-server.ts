// The RTM endpoint on the sandbox's own HTTP server (docs/RTM.md):
// the `ws` library does the WebSocket protocol (framing, masking, control-frame pongs) on the
// `upgrade` event; refused upgrades get a plain HTTP answer (404 for another version or path,
// 400 for a missing organization_id when required, U1). Subprotocols: `ws` answers with the
// first one offered (U2).
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { RtmHub } from './hub'
import type { RtmSocket } from './rtm-socket'

const STATUS_TEXT = { 400: 'Bad Request', 404: 'Not Found' } as const

/** A message is at most 16 KB of text plus its JSON; 1 MiB leaves room and bounds memory. */
const MAX_FRAME_BYTES = 1024 * 1024

function refuse(socket: Duplex, status: 400 | 404, message: string): void {
  const body = JSON.stringify({
    error: { type: status === 404 ? 'not_found' : 'validation', message },
  })
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\n` +
      `Content-Type: application/json; charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

function asRtmSocket(ws: WebSocket): RtmSocket {
  return {
    send: (text) => ws.send(text),
    close: (code, reason) => ws.close(code, reason),
    drop: () => ws.terminate(),
    bufferedAmount: () => ws.bufferedAmount,
  }
}

/** Serves RTM on `server`'s upgrades; `close()` ends every socket and stops accepting. */
export function attachRtmServer(server: Server, hub: RtmHub): { close: () => Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const admission = hub.admit(url)
    if (!admission.ok) {
      refuse(socket, admission.status, admission.message)
      return
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = hub.accept(asRtmSocket(ws), admission.organizationId)
      ws.on('message', (data, isBinary) => connection.receive(isBinary ? null : data.toString()))
      ws.on('ping', () => connection.activity())
      ws.on('close', () => connection.closed())
      // A broken socket closes right after; nothing to report.
      ws.on('error', () => connection.closed())
    })
  }
  server.on('upgrade', onUpgrade)
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.off('upgrade', onUpgrade)
        hub.dispose()
        for (const ws of wss.clients) ws.terminate()
        wss.close(() => resolve())
      }),
  }
}
