// Request validation: each reader returns the typed value or throws 400 `validation` naming the
// parameter, so handlers read like the method tables in docs/AGENT-API.md
import { parseRfc3339 } from '../seed/ids'
import { ApiFailure } from './errors'

type Body = Record<string, unknown>

export function invalid(message: string, field?: string): never {
  throw new ApiFailure('validation', message, field === undefined ? undefined : { field })
}

export function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function requiredString(body: Body, key: string, path = key): string {
  const value = body[key]
  if (value === undefined) invalid(`\`${path}\` is required`, path)
  if (typeof value !== 'string' || value === '')
    invalid(`\`${path}\` must be a non-empty string`, path)
  return value
}

export function optionalString(body: Body, key: string, path = key): string | undefined {
  const value = body[key]
  if (value === undefined) return undefined
  if (typeof value !== 'string') invalid(`\`${path}\` must be a string`, path)
  return value
}

export function optionalBoolean(body: Body, key: string, path = key): boolean | undefined {
  const value = body[key]
  if (value === undefined) return undefined
  if (typeof value !== 'boolean') invalid(`\`${path}\` must be a boolean`, path)
  return value
}

export function optionalInteger(
  body: Body,
  key: string,
  range: { min: number; max: number },
  path = key,
): number | undefined {
  const value = body[key]
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value))
    invalid(`\`${path}\` must be an integer`, path)
  if (value < range.min || value > range.max) {
    invalid(`\`${path}\` must be between ${range.min} and ${range.max}`, path)
  }
  return value
}

export function optionalEnum<T extends string>(
  body: Body,
  key: string,
  values: readonly T[],
  path = key,
): T | undefined {
  const value = body[key]
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    invalid(`\`${path}\` must be one of: ${values.join(', ')}`, path)
  }
  return value as T
}

export function optionalObject(body: Body, key: string, path = key): Body | undefined {
  const value = body[key]
  if (value === undefined) return undefined
  if (!isObject(value)) invalid(`\`${path}\` must be an object`, path)
  return value
}

export function optionalIntegerArray(
  body: Body,
  key: string,
  maxItems: number,
  path = key,
): number[] | undefined {
  const value = body[key]
  if (value === undefined) return undefined
  if (
    !Array.isArray(value) ||
    !value.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0)
  ) {
    invalid(`\`${path}\` must be an array of non-negative integers`, path)
  }
  if (value.length > maxItems) invalid(`\`${path}\` accepts at most ${maxItems} items`, path)
  return value as number[]
}

export function optionalStringArray(
  body: Body,
  key: string,
  maxItems: number,
  path = key,
): string[] | undefined {
  const value = body[key]
  if (value === undefined) return undefined
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
    invalid(`\`${path}\` must be an array of non-empty strings`, path)
  }
  if (value.length > maxItems) invalid(`\`${path}\` accepts at most ${maxItems} items`, path)
  return value as string[]
}

/** An RFC 3339 timestamp, returned as epoch ms. */
export function optionalTimestamp(body: Body, key: string, path = key): number | undefined {
  const value = optionalString(body, key, path)
  if (value === undefined) return undefined
  const ms = parseRfc3339(value)
  if (Number.isNaN(ms)) invalid(`\`${path}\` must be an RFC 3339 date-time`, path)
  return ms
}

/** Rejects keys a method does not know inside a nested object such as `filters`. */
export function onlyKeys(body: Body, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) invalid(`\`${path}.${key}\` is not supported`, `${path}.${key}`)
  }
}

export type SortOrder = 'asc' | 'desc'

export function sortOrder(body: Body): SortOrder {
  return optionalEnum(body, 'sort_order', ['asc', 'desc'] as const) ?? 'desc'
}
