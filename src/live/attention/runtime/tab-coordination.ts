// With several tabs of the workspace open, one rings (issue 24). The tabs agree the way the auth
// layer's tabs do, over a BroadcastChannel, plus a Web Lock (`navigator.locks`), the browser's own
// "one tab does it": the tab holding the lock rings. The tab the agent last brought forward or
// used steals it, so the ringing tab is the one they are looking at; when it closes, the lock
// passes to a waiting tab by itself. Over the channel each tab also says which chat it shows and
// whether it is visible, so no tab rings for a chat the agent already sees in another. Messages
// carry a random tab id and a chat id: nothing secret. Tabs agree per organization: a tab in
// another organization hears other pushes (docs/decisions/012-switching-organizations.md), so it
// rings on its own.
const CHANNEL = 'livechat-attention'
const LOCK = 'livechat-attention:ringer'

export interface TabView {
  chatId: string | null
  visible: boolean
}

type Message =
  ({ type: 'view' } & TabView & { tab: string; reply?: boolean }) | { type: 'gone'; tab: string }

export interface LockManagerLike {
  request(
    name: string,
    options: { steal?: boolean; signal?: AbortSignal },
    callback: () => Promise<void> | undefined,
  ): Promise<unknown>
}

export interface ChannelLike {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  close(): void
}

export interface TabCoordination {
  /** This tab rings. */
  isLeader(): boolean
  /** This tab's view changed. */
  report(view: TabView): void
  /** The chat is on screen in a visible tab, this one or another. */
  isWatched(chatId: string): boolean
  /** The agent brought this tab forward or used it: it rings from now on. */
  claim(): void
  close(): void
}

/** Another tab of this app says so; anything else on the channel is ignored. */
function isMessage(data: unknown): data is Message {
  const message = data as Partial<Record<string, unknown>> | null
  return typeof message?.tab === 'string' && (message.type === 'gone' || message.type === 'view')
}

export function createTabCoordination({
  scope = '',
  locks = typeof navigator !== 'undefined' ? navigator.locks : undefined,
  channel = typeof BroadcastChannel === 'function'
    ? new BroadcastChannel(scope ? `${CHANNEL}:${scope}` : CHANNEL)
    : undefined,
  tab = Math.random().toString(36).slice(2),
}: {
  /** The organization the tab is in: one ringing tab per organization. */
  scope?: string
  locks?: LockManagerLike
  channel?: ChannelLike
  tab?: string
} = {}): TabCoordination {
  const lock = scope ? `${LOCK}:${scope}` : LOCK
  let closed = false
  // Which of this tab's lock requests holds the lock (0: none). Requests are numbered, so a
  // request stolen away (by another tab, or by this one claiming it again) can tell it no longer
  // holds it, whatever order the browser reports the steal and the new grant in.
  let holder = 0
  let requests = 0
  let release: (() => void) | null = null
  let queued: AbortController | null = null
  let mine: TabView = { chatId: null, visible: false }
  const others = new Map<string, TabView>()

  const request = (steal: boolean) => {
    if (!locks || closed) return
    const id = ++requests
    const controller = steal ? null : new AbortController()
    if (controller) queued = controller
    locks
      .request(lock, controller ? { signal: controller.signal } : { steal: true }, () => {
        if (closed) return undefined
        holder = id
        return new Promise<void>((resolve) => {
          release = resolve
        })
      })
      .then(
        () => {
          if (holder === id) holder = 0
        },
        () => {
          // Stolen by a tab the agent brought forward: wait for the lock again. (A queued request
          // aborted by claim() or close() never held it: nothing to do.)
          if (holder !== id) return
          holder = 0
          request(false)
        },
      )
  }

  const post = (message: Message) => channel?.postMessage(message)
  const onMessage = (event: MessageEvent) => {
    const message: unknown = event.data
    if (!isMessage(message) || message.tab === tab) return
    if (message.type === 'gone') {
      others.delete(message.tab)
      return
    }
    const known = others.has(message.tab)
    others.set(message.tab, { chatId: String(message.chatId), visible: message.visible === true })
    // A tab we had not heard of learns our view too.
    if (!known && !message.reply) post({ type: 'view', tab, ...mine, reply: true })
  }
  channel?.addEventListener('message', onMessage)
  request(false)

  return {
    // Without Web Locks (an old browser) every tab rings: better twice than never.
    isLeader: () => !locks || holder !== 0,
    report(view) {
      mine = view
      post({ type: 'view', tab, ...view })
    },
    isWatched(chatId) {
      if (mine.visible && mine.chatId === chatId) return true
      for (const view of others.values()) if (view.visible && view.chatId === chatId) return true
      return false
    },
    claim() {
      if (holder !== 0 || closed || !locks) return
      queued?.abort()
      queued = null
      request(true)
    },
    close() {
      if (closed) return
      closed = true
      post({ type: 'gone', tab })
      queued?.abort()
      release?.()
      holder = 0
      channel?.removeEventListener('message', onMessage)
      channel?.close()
    },
  }
}
