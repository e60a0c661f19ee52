// A `message` event as a request carries it (Agent Chat API data structures, "Message"; send_event, and the thread
// events of start_chat / resume_chat): the sandbox emulates message events only.
import type { Visibility } from '../../seed/world-records'
import type { NewEvent } from '../../conversation/chat-ops'
import {
  invalid,
  isObject,
  optionalEnum,
  optionalObject,
  optionalString,
  requiredString,
} from '../params'

/** The raw text limit of a message (Agent Chat API data structures, "Message"): 16 KB of UTF-8. */
export const MAX_TEXT_BYTES = 16 * 1024

/** A validated message text: present, not blank, at most 16 KB of UTF-8. */
export function messageText(value: unknown, path: string): string {
  if (value === undefined) invalid(`\`${path}\` is required`, path)
  if (typeof value !== 'string' || value.trim() === '') {
    invalid(`\`${path}\` must be a non-empty string`, path)
  }
  if (Buffer.byteLength(value, 'utf8') > MAX_TEXT_BYTES) {
    invalid(`\`${path}\` is longer than 16 KB`, path)
  }
  return value
}

export function parseMessageEvent(
  event: unknown,
  path: string,
  authorId: string,
): NewEvent & {
  type: 'message'
  visibility: Visibility
} {
  if (event === undefined) invalid(`\`${path}\` is required`, path)
  if (!isObject(event)) invalid(`\`${path}\` must be an object`, path)
  const type = requiredString(event, 'type', `${path}.type`)
  if (type !== 'message')
    invalid(`\`${path}.type\`: the sandbox only emulates \`message\` events`, `${path}.type`)
  const text = messageText(event.text, `${path}.text`)
  const visibility =
    optionalEnum(event, 'visibility', ['all', 'agents'] as const, `${path}.visibility`) ?? 'all'
  const customId = optionalString(event, 'custom_id', `${path}.custom_id`)
  const properties = optionalObject(event, 'properties', `${path}.properties`)
  const parsed: NewEvent & { type: 'message'; visibility: Visibility } = {
    type: 'message',
    author_id: authorId,
    text,
    visibility,
  }
  if (customId !== undefined) parsed.custom_id = customId
  if (properties !== undefined) parsed.properties = structuredClone(properties)
  return parsed
}
