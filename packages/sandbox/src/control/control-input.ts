// The control API takes JSON (tests, scripts) and plain HTML forms (the /sandbox page, which
// works without JavaScript). Forms get a 303 back to the page with a message; JSON gets JSON.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Person } from '../seed/identity'
import type { SandboxState } from '../state'

export interface ControlInput {
  data: Record<string, unknown>
  fromForm: boolean
}

export async function readInput(c: Context): Promise<ControlInput> {
  const type = c.req.header('Content-Type') ?? ''
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    // `all`: a repeated field (the scope checkboxes) arrives as an array of its values.
    const form = await c.req.parseBody({ all: true })
    const data: Record<string, unknown> = {}
    // Empty form fields mean "not given", like an absent JSON member.
    for (const [key, value] of Object.entries(form)) {
      if (typeof value === 'string' && value !== '') data[key] = value
      if (Array.isArray(value)) {
        const texts = value.filter((v): v is string => typeof v === 'string' && v !== '')
        if (texts.length > 0) data[key] = texts
      }
    }
    return { data, fromForm: true }
  }
  const parsed: unknown = await c.req.json().catch(() => ({}))
  const data = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : {}
  return { data: data as Record<string, unknown>, fromForm: false }
}

export function reply(
  c: Context,
  input: ControlInput,
  json: unknown,
  message: string,
  status: ContentfulStatusCode = 200,
): Response {
  if (input.fromForm) return c.redirect(`/sandbox?message=${encodeURIComponent(message)}`, 303)
  return c.json(json as object, status)
}

export class ControlError extends Error {
  constructor(
    message: string,
    readonly status: ContentfulStatusCode = 400,
  ) {
    super(message)
  }
}

export function replyError(c: Context, input: ControlInput, error: unknown): Response {
  if (!(error instanceof ControlError)) throw error
  if (input.fromForm) return c.redirect(`/sandbox?error=${encodeURIComponent(error.message)}`, 303)
  return c.json({ error: error.message }, error.status)
}

/** A number from JSON or a form field; undefined when absent. */
export function numberField(
  data: Record<string, unknown>,
  key: string,
  range: { min: number; max: number },
): number | undefined {
  const raw = data[key]
  if (raw === undefined || raw === null) return undefined
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < range.min ||
    value > range.max
  ) {
    throw new ControlError(`${key} must be a number from ${range.min} to ${range.max}`)
  }
  return value
}

export function stringField(data: Record<string, unknown>, key: string): string | undefined {
  const raw = data[key]
  if (raw === undefined || raw === null) return undefined
  if (typeof raw !== 'string') throw new ControlError(`${key} must be a string`)
  return raw
}

/** Scopes as an array or a comma/space-separated string (JSON or checkboxes); undefined when absent. */
export function scopesField(data: Record<string, unknown>, key: string): string[] | undefined {
  const raw = data[key]
  if (raw === undefined || raw === null) return undefined
  const list = typeof raw === 'string' ? raw.split(/[\s,]+/) : raw
  if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) {
    throw new ControlError(`${key} must be an array or a comma-separated string`)
  }
  return [...new Set(list.filter((s) => s !== ''))]
}

/**
 * `organization_id`, if given, must be one of the sandbox's organizations and, with `person`, one
 * that person belongs to. Absent: the person's default organization, or the first one.
 */
export function organizationField(
  state: SandboxState,
  data: Record<string, unknown>,
  person?: Person,
): string {
  const id = stringField(data, 'organization_id')
  const { directory } = state
  if (id === undefined)
    return ((person && directory.organizationsOf(person.accountId)[0]) ?? directory.primary).id
  if (!directory.organization(id))
    throw new ControlError('organization_id must be one of the sandbox organizations')
  if (person && !directory.member(person.accountId, id))
    throw new ControlError(`${person.email} is not a member of organization ${id}`)
  return id
}
