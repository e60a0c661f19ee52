// Small readers for JSON configuration: each takes the value and where it came from (for the
// message), and throws a ConfigError that names that place and the fix.
import { ConfigError } from './config-error'

export type JsonObject = Record<string, unknown>

export function objectAt(value: unknown, where: string, fix: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ConfigError(where, 'must be a JSON object', fix)
  return value as JsonObject
}

export function arrayAt(value: unknown, where: string, fix: string): unknown[] {
  if (!Array.isArray(value)) throw new ConfigError(where, 'must be a JSON array', fix)
  return value
}

export function stringAt(value: unknown, where: string, fix: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new ConfigError(where, 'must be a non-empty string', fix)
  return value.trim()
}

export function optionalStringAt(value: unknown, where: string, fix: string): string | undefined {
  return value === undefined ? undefined : stringAt(value, where, fix)
}

export function stringsAt(value: unknown, where: string, fix: string): string[] {
  return arrayAt(value, where, fix).map((item, index) => stringAt(item, `${where}[${index}]`, fix))
}

/** Refuses members the reader does not know: a typo should not be silently ignored. */
export function onlyKeys(object: JsonObject, known: readonly string[], where: string): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key))
      throw new ConfigError(
        `${where}.${key}`,
        'is not a known member',
        `Use only ${known.join(', ')}.`,
      )
  }
}
