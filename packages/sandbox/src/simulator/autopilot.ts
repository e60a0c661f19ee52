// The automatic customer (issue 11, "autopilot"; off by default): when switched on, a customer
// answers an agent's message after `autopilotReplyDelayMs` (typing and a sneak peek first), and
// a new customer starts a chat every `autopilotNewChatEveryMs`, cycling through the groups of the
// first organization, so a demo feels alive. It listens to the same event bus as RTM. Internal notes (`visibility:
// agents`) never reach customers, so they are never answered. Every timer stops on reset and
// when the switch goes off, and none keeps the process alive.
import type { DomainPush } from '../events/sandbox-events'
import { latestThread } from '../api/views'
import type { SandboxState } from '../state'
import { customerMessage, customerTyping, startCustomerChat } from './simulated-customer'

const REPLIES = [
  'Thanks, that helps!',
  'Could you tell me a bit more?',
  'Great, it works now.',
  'One more question: do you ship to Canada?',
  'Perfect, thank you so much.',
  'Hmm, I still see the same error.',
]

const OPENERS = [
  'Hi, I can’t log in to my account.',
  'Hello! Is the blue model back in stock?',
  'Hey, my order hasn’t arrived yet.',
  'Can I change the plan I’m on?',
  'Do you offer discounts for non-profits?',
]

export class Autopilot {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  private newChatTimer: ReturnType<typeof setTimeout> | null = null
  /** Chats with an answer on its way: one at a time, however many messages the agent sends. */
  private readonly answering = new Set<string>()
  private replies = 0
  private openers = 0

  constructor(private readonly state: SandboxState) {
    state.events.on('push', (push) => this.onPush(push))
    state.events.on('options', () => this.follow())
    state.events.on('reset', () => {
      this.stop()
      this.follow()
    })
    this.follow()
  }

  /** Starts or stops the new-chat loop to match the options. */
  private follow(): void {
    const { autopilot, autopilotNewChatEveryMs } = this.state.options
    if (!autopilot) {
      this.stop()
      return
    }
    if (this.newChatTimer === null && autopilotNewChatEveryMs > 0) this.scheduleNewChat()
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    if (this.newChatTimer !== null) clearTimeout(this.newChatTimer)
    this.newChatTimer = null
    this.answering.clear()
  }

  private later(ms: number, run: () => void): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      run()
    }, ms)
    ;(timer as { unref?: () => void }).unref?.()
    this.timers.add(timer)
    return timer
  }

  private scheduleNewChat(): void {
    this.newChatTimer = this.later(this.state.options.autopilotNewChatEveryMs, () => {
      this.newChatTimer = null
      if (!this.state.options.autopilot) return
      const groups = this.state.world.groups
      const group = groups[this.openers % Math.max(1, groups.length)]?.id ?? 0
      const text = OPENERS[this.openers % OPENERS.length] as string
      this.openers += 1
      startCustomerChat(this.state, { groupId: group, text })
      this.scheduleNewChat()
    })
  }

  /** An agent's message visible to the customer, in a chat whose customer is there. */
  private onPush(push: DomainPush): void {
    if (!this.state.options.autopilot) return
    if (push.kind !== 'chat' || push.action !== 'incoming_event') return
    if (push.visibility !== 'all' || !push.requester?.agentId) return
    const chat = this.state.worldOf(push.organizationId).chats.find((c) => c.id === push.chatId)
    const thread = chat ? latestThread(chat) : undefined
    const last = thread?.events.at(-1)
    if (!chat || !thread?.active || last?.type !== 'message') return
    if (!chat.users.some((u) => u.type === 'customer' && u.present)) return
    if (this.answering.has(chat.id)) return
    this.answering.add(chat.id)
    const reply = REPLIES[this.replies % REPLIES.length] as string
    this.replies += 1
    const delay = this.state.options.autopilotReplyDelayMs
    const stillOpen = () => latestThread(chat)?.active === true
    this.later(Math.floor(delay / 2), () => {
      if (stillOpen()) customerTyping(this.state, { chatId: chat.id, isTyping: true, text: reply })
    })
    this.later(delay, () => {
      this.answering.delete(chat.id)
      if (stillOpen()) customerMessage(this.state, { chatId: chat.id, text: reply })
    })
  }
}
