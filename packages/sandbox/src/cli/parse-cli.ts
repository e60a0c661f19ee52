// Turns the command line and the environment into what startSandbox() takes. Flags win over
// their variables; a `--config` file's clients, redirect URIs and options come first and the
// flags add to them (an option given both ways takes the flag's value).
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { clientFromFlag, type ClientEntry } from '../config/client-config'
import { ConfigError } from '../config/config-error'
import { arrayAt, objectAt, onlyKeys, stringsAt } from '../config/json-shapes'
import { readJsonFile } from '../config/read-json-file'
import type { SetupLabels } from '../config/sandbox-setup'
import { optionFromText, OptionValueError } from '../options/option-values'
import type { SandboxOptions } from '../options/sandbox-options'
import type { StartSandboxOptions } from '../start-sandbox'
import { FLAGS } from './flags'

export type Command =
  { kind: 'help' } | { kind: 'start'; start: StartSandboxOptions; labels: SetupLabels }

type Env = Record<string, string | undefined>

const HELP_FIX = 'Run livechat-sandbox --help for the flags.'

function flagOrEnv(flag: string | undefined, env: Env, name: string): [string, string] | undefined {
  if (flag !== undefined) return [flag, `--${name}`]
  const variable = FLAGS.find((f) => f.name === name)
  const fromEnv = variable && 'env' in variable ? env[variable.env] : undefined
  return fromEnv === undefined || fromEnv.trim() === '' || !variable || !('env' in variable)
    ? undefined
    : [fromEnv, variable.env]
}

function listOrEnv(
  flag: string[] | undefined,
  env: Env,
  name: string,
  separator: RegExp,
): [string[], string] {
  if (flag && flag.length > 0) return [flag, `--${name}`]
  const variable = FLAGS.find((f) => f.name === name)
  if (!variable || !('env' in variable)) return [[], `--${name}`]
  const value = env[variable.env]?.trim() ?? ''
  return [value === '' ? [] : value.split(separator).map((v) => v.trim()), variable.env]
}

function portFrom(value: [string, string] | undefined): number {
  if (!value) return 4010
  const [text, entry] = value
  const port = Number(text)
  if (!/^\d+$/.test(text.trim()) || port > 65535)
    throw new ConfigError(
      entry,
      `"${text}" is not a port`,
      'Give a number from 0 to 65535 (0 picks a free port).',
    )
  return port
}

function configFile(path: string, entry: string) {
  const json = objectAt(
    readJsonFile(path, entry),
    path,
    'A config file is a JSON object; see the README.',
  )
  onlyKeys(json, ['clients', 'redirectUris', 'world', 'options'], path)
  const clients =
    json.clients === undefined
      ? []
      : arrayAt(json.clients, `${path} clients`, 'List client objects.')
  const redirectUris =
    json.redirectUris === undefined
      ? []
      : stringsAt(json.redirectUris, `${path} redirectUris`, 'List URLs.')
  // A world may be inline or a path relative to the config file.
  const world =
    typeof json.world === 'string'
      ? readJsonFile(resolve(dirname(path), json.world), `${path} world`)
      : json.world
  return { clients, redirectUris, world, options: json.options }
}

export function parseCli(argv: readonly string[], env: Env): Command {
  let values
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        client: { type: 'string', multiple: true },
        config: { type: 'string' },
        'redirect-uris': { type: 'string' },
        world: { type: 'string' },
        option: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    throw new ConfigError('command line', (error as Error).message.replace(/\.$/, ''), HELP_FIX)
  }
  if (values.help) return { kind: 'help' }

  const config = flagOrEnv(values.config, env, 'config')
  const fromFile = config ? configFile(config[0], config[1]) : undefined
  const [clientTexts, clientEntry] = listOrEnv(values.client, env, 'client', /\s+/)
  const flagClients: ClientEntry[] = clientTexts.map((text, index) =>
    clientFromFlag(text, `${clientEntry} #${index + 1}`),
  )
  const fileClients = fromFile?.clients ?? []
  const redirect = flagOrEnv(values['redirect-uris'], env, 'redirect-uris')
  const world = flagOrEnv(values.world, env, 'world')
  const [optionTexts, optionEntry] = listOrEnv(values.option, env, 'option', /,/)
  const options: Partial<SandboxOptions> = {}
  for (const text of optionTexts) {
    const at = text.indexOf('=')
    try {
      if (at <= 0) throw new OptionValueError(`"${text}" is not <name>=<value>`)
      Object.assign(options, optionFromText(text.slice(0, at).trim(), text.slice(at + 1).trim()))
    } catch (error) {
      if (!(error instanceof OptionValueError)) throw error
      throw new ConfigError(
        optionEntry,
        error.message,
        'The options and their values are listed in --help.',
      )
    }
  }

  const fileOptions = fromFile?.options
  return {
    kind: 'start',
    start: {
      port: portFrom(flagOrEnv(values.port, env, 'port')),
      host: flagOrEnv(values.host, env, 'host')?.[0] ?? '127.0.0.1',
      clients: [...(fileClients as ClientEntry[]), ...flagClients],
      redirectUris: [
        ...(fromFile?.redirectUris ?? []),
        ...(redirect ? redirect[0].split(',').map((uri) => uri.trim()) : []),
      ],
      ...(world
        ? { world: readJsonFile(world[0], world[1]) }
        : fromFile?.world !== undefined
          ? { world: fromFile.world }
          : {}),
      options: {
        ...(fileOptions === undefined
          ? {}
          : objectAt(fileOptions, `${config?.[0]} options`, 'Give options as {"name": value}.')),
        ...options,
      },
    },
    labels: {
      clients: (index) =>
        index < fileClients.length
          ? `${config?.[0]} clients[${index}]`
          : `${clientEntry} #${index - fileClients.length + 1}`,
      redirectUris: redirect?.[1] ?? `${config?.[0]} redirectUris`,
      options: fromFile?.options !== undefined ? `${config?.[0]} options` : optionEntry,
    },
  }
}
