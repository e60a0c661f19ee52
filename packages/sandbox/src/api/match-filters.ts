// The two filter shapes list_chats and list_archives share (Agent Chat API, "List Archives" notes 1 and 2):
// a value filter `{exists | values | exclude_values, require_every_value?}` over a set of
// values, and property filters `properties.<namespace>.<name>.{exists | values | exclude_values}`.
import { invalid, isObject } from './params'

type Scalar = string | number | boolean

export interface ValueFilter {
  exists?: boolean
  values?: Scalar[]
  exclude_values?: Scalar[]
  require_every_value?: boolean
}

export type PropertyFilters = Record<string, Record<string, ValueFilter>>

function isScalarArray(value: unknown): value is Scalar[] {
  return (
    Array.isArray(value) && value.every((v) => ['string', 'number', 'boolean'].includes(typeof v))
  )
}

export function parseValueFilter(value: unknown, path: string, allowEvery: boolean): ValueFilter {
  if (!isObject(value)) invalid(`\`${path}\` must be an object`, path)
  const modes = ['exists', 'values', 'exclude_values'].filter((key) => value[key] !== undefined)
  if (modes.length !== 1)
    invalid(`\`${path}\` needs exactly one of exists, values, exclude_values`, path)
  for (const key of Object.keys(value)) {
    if (
      ![
        'exists',
        'values',
        'exclude_values',
        ...(allowEvery ? ['require_every_value'] : []),
      ].includes(key)
    ) {
      invalid(`\`${path}.${key}\` is not supported`, `${path}.${key}`)
    }
  }
  const filter: ValueFilter = {}
  if (value.exists !== undefined) {
    if (typeof value.exists !== 'boolean')
      invalid(`\`${path}.exists\` must be a boolean`, `${path}.exists`)
    filter.exists = value.exists
  }
  for (const key of ['values', 'exclude_values'] as const) {
    if (value[key] === undefined) continue
    const list = value[key]
    if (!isScalarArray(list))
      invalid(`\`${path}.${key}\` must be an array of values`, `${path}.${key}`)
    filter[key] = list
  }
  if (value.require_every_value !== undefined) {
    if (typeof value.require_every_value !== 'boolean') {
      invalid(`\`${path}.require_every_value\` must be a boolean`, `${path}.require_every_value`)
    }
    filter.require_every_value = value.require_every_value
  }
  return filter
}

/** Whether a set of values (a thread's agents, tags, …) passes the filter. */
export function matchesValueFilter(filter: ValueFilter, present: readonly Scalar[]): boolean {
  if (filter.exists !== undefined) return filter.exists === present.length > 0
  const every = filter.require_every_value === true
  if (filter.values) {
    return every
      ? filter.values.every((v) => present.includes(v))
      : filter.values.some((v) => present.includes(v))
  }
  if (filter.exclude_values) {
    const excluded = filter.exclude_values
    return every
      ? !excluded.every((v) => present.includes(v))
      : !excluded.some((v) => present.includes(v))
  }
  return true
}

export function parsePropertyFilters(value: unknown, path: string): PropertyFilters {
  if (!isObject(value)) invalid(`\`${path}\` must be an object`, path)
  const filters: PropertyFilters = {}
  for (const [namespace, names] of Object.entries(value)) {
    if (!isObject(names))
      invalid(`\`${path}.${namespace}\` must be an object`, `${path}.${namespace}`)
    filters[namespace] = {}
    for (const [name, filter] of Object.entries(names)) {
      const parsed = parseValueFilter(filter, `${path}.${namespace}.${name}`, false)
      const target = filters[namespace]
      if (target) target[name] = parsed
    }
  }
  return filters
}

export function matchesPropertyFilters(
  filters: PropertyFilters,
  properties: Record<string, Record<string, unknown>>,
): boolean {
  return Object.entries(filters).every(([namespace, names]) =>
    Object.entries(names).every(([name, filter]) => {
      const value = properties[namespace]?.[name]
      const present = value === undefined ? [] : [value as Scalar]
      return matchesValueFilter(filter, present)
    }),
  )
}
