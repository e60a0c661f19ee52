// What the RTM core needs from a transport. The `ws` server (ws-server.ts) and MSW's WebSocket
// interception in unit tests (tests/support/sandbox-msw.ts) both adapt to it, so there is one
// RTM implementation. The transport feeds the connection back through RtmConnection.receive /
// activity / closed.
export interface RtmSocket {
  /** One UTF-8 text frame holding one JSON object (docs/RTM.md). */
  send(text: string): void
  /** A close handshake with this code and reason. */
  close(code: number, reason: string): void
  /** A network drop: the transport goes away without a close handshake (the client sees 1006). */
  drop(): void
  /** Bytes queued but not yet written to the network (0 where the transport cannot tell). */
  bufferedAmount(): number
}
