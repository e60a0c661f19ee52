// LiveChat's Global Accounts API document (fixtures/global-accounts-api/spec.yml) as JSON Schema
// validators of its response bodies. Ajv (with ajv-formats) reads OpenAPI 3.0's `nullable`
// itself; the one 3.0 form it does not take, the boolean `exclusiveMinimum/Maximum` modifier,
// is rewritten to JSON Schema's numeric form, and the document's `uint64` format is defined.
import { readFileSync } from 'node:fs'
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'

const SPEC_PATH = new URL('../fixtures/global-accounts-api/spec.yml', import.meta.url)

type Schema = Record<string, unknown>

/** OpenAPI 3.0's `exclusiveMaximum: true` + `maximum: n` is JSON Schema's `exclusiveMaximum: n`. */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema)
  if (typeof value !== 'object' || value === null) return value
  const schema: Schema = {}
  for (const [key, member] of Object.entries(value)) schema[key] = toJsonSchema(member)
  for (const [flag, bound] of [
    ['exclusiveMaximum', 'maximum'],
    ['exclusiveMinimum', 'minimum'],
  ] as const) {
    if (typeof schema[flag] !== 'boolean') continue
    if (schema[flag] === true && typeof schema[bound] === 'number') {
      schema[flag] = schema[bound]
      delete schema[bound]
    } else delete schema[flag]
  }
  return schema
}

interface Operation {
  responses: Record<string, { content?: { 'application/json'?: { schema?: unknown } } }>
}

export interface AccountsApiDocument {
  /** Paths as the document writes them, without the /v2 server prefix. */
  paths: Record<string, Record<string, Operation>>
}

export function loadAccountsApiDocument(): AccountsApiDocument {
  // The document shares schemas through YAML anchors; they are many, and that is fine here.
  return parse(readFileSync(SPEC_PATH, 'utf8'), { maxAliasCount: -1 }) as AccountsApiDocument
}

export class ResponseSchemas {
  private readonly ajv = new Ajv({ strict: false, allErrors: true })
  private readonly cache = new Map<string, ValidateFunction>()

  constructor(readonly document: AccountsApiDocument = loadAccountsApiDocument()) {
    addFormats(this.ajv)
    this.ajv.addFormat('uint64', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && n >= 0,
    })
  }

  /** The document's schema for that answer; throws when the document describes none. */
  validator(path: string, method: string, status: number): ValidateFunction {
    const key = `${method} ${path} ${status}`
    const cached = this.cache.get(key)
    if (cached) return cached
    const operation = this.document.paths[path]?.[method.toLowerCase()]
    const schema = operation?.responses[String(status)]?.content?.['application/json']?.schema
    if (schema === undefined) throw new Error(`the document gives no JSON schema for ${key}`)
    const validate = this.ajv.compile(toJsonSchema(schema) as Schema)
    this.cache.set(key, validate)
    return validate
  }

  /** Where `body` departs from the document's schema for that answer (none: []). */
  departures(path: string, method: string, status: number, body: unknown): ErrorObject[] {
    const validate = this.validator(path, method, status)
    return validate(body) ? [] : [...(validate.errors ?? [])]
  }
}
