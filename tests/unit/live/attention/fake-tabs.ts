// Two or more "tabs" in one test: a Web Locks stand-in (exclusive locks, a queue, `steal`, an
// abort signal for a queued request) and a BroadcastChannel stand-in that delivers to every other
// channel of the hub, asynchronously as the real one does.
import type {
  ChannelLike,
  LockManagerLike,
} from '../../../../src/live/attention/runtime/tab-coordination'

interface Waiter {
  callback: () => Promise<void> | undefined
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

export class FakeLocks implements LockManagerLike {
  private holder: Waiter | null = null
  private queue: Waiter[] = []

  /**
   * `later`: as Chromium was seen to do, a free lock is granted at once but its callback runs in
   * a later task (aborting the request then changes nothing), and a steal runs the new holder's
   * callback before the robbed request hears it was stolen.
   */
  constructor(private readonly later = false) {}

  /** Requests waiting for the lock. */
  get pending(): number {
    return this.queue.length
  }

  request(
    _name: string,
    options: { steal?: boolean; signal?: AbortSignal },
    callback: () => Promise<void> | undefined,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const waiter = { callback, resolve, reject }
      if (options.steal) {
        const stolen = this.holder
        this.holder = null
        const robbed = () => stolen?.reject(new DOMException('stolen', 'AbortError'))
        this.grant(waiter, robbed)
        if (!this.later) robbed()
        return
      }
      options.signal?.addEventListener('abort', () => {
        const index = this.queue.indexOf(waiter)
        if (index < 0) return
        this.queue.splice(index, 1)
        reject(new DOMException('aborted', 'AbortError'))
      })
      if (this.holder) this.queue.push(waiter)
      else this.grant(waiter)
    })
  }

  private grant(waiter: Waiter, then?: () => void) {
    this.holder = waiter
    const run = () => {
      const held = waiter.callback()
      if (this.later) then?.()
      void Promise.resolve(held).then((value) => {
        // Released by its holder (not stolen): the next in line gets it.
        if (this.holder !== waiter) return
        this.holder = null
        waiter.resolve(value)
        const next = this.queue.shift()
        if (next) this.grant(next)
      })
    }
    if (this.later) setTimeout(run, 0)
    else run()
  }
}

export class ChannelHub {
  private channels = new Set<FakeChannel>()

  open(): FakeChannel {
    const channel = new FakeChannel(this)
    this.channels.add(channel)
    return channel
  }

  deliver(from: FakeChannel, message: unknown) {
    for (const channel of this.channels)
      if (channel !== from) queueMicrotask(() => channel.receive(message))
  }

  remove(channel: FakeChannel) {
    this.channels.delete(channel)
  }
}

export class FakeChannel implements ChannelLike {
  private listeners = new Set<(event: MessageEvent) => void>()
  constructor(private hub: ChannelHub) {}

  postMessage(message: unknown) {
    this.hub.deliver(this, structuredClone(message))
  }
  addEventListener(_type: 'message', listener: (event: MessageEvent) => void) {
    this.listeners.add(listener)
  }
  removeEventListener(_type: 'message', listener: (event: MessageEvent) => void) {
    this.listeners.delete(listener)
  }
  close() {
    this.hub.remove(this)
  }
  receive(data: unknown) {
    for (const listener of this.listeners) listener(new MessageEvent('message', { data }))
  }
}
