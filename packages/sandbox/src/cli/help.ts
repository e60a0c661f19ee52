// `livechat-sandbox --help`: every flag with its variable and default, then every option with its
// default, its values and the LiveChat behaviour it stands for. The package README shows this
// text verbatim (a test compares them).
import { OPTION_SPECS } from '../options/sandbox-options'
import { FLAGS, type Flag } from './flags'

const WIDTH = 96
const INDENT = '      '

function wrap(text: string, indent: string): string[] {
  const lines: string[] = []
  let line = indent
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > WIDTH && line.trim() !== '') {
      lines.push(line.trimEnd())
      line = indent
    }
    line += `${word} `
  }
  lines.push(line.trimEnd())
  return lines
}

function flagLines(flag: Flag): string[] {
  const head = [`  --${flag.name}${flag.value ? ` ${flag.value}` : ''}`]
  if (flag.env) head.push(`[${flag.env}]`)
  if (flag.default) head.push(`default ${flag.default}`)
  if (flag.multiple) head.push('repeatable')
  return [head.join('  '), ...wrap(flag.about, INDENT)]
}

function optionLines(
  name: string,
  spec: { default: unknown; values?: readonly unknown[]; unknown?: string; about: string },
): string[] {
  const head = [`  ${name}=${String(spec.default)}`]
  if (spec.values) head.push(`(${spec.values.join(' | ')})`)
  if (spec.unknown) head.push(`[${spec.unknown}]`)
  return [head.join('  '), ...wrap(spec.about, INDENT)]
}

export function helpText(): string {
  return [
    'livechat-sandbox: a local LiveChat (Text platform) for testing apps: the accounts.livechat.com',
    'sign-in pages and Global Accounts API, the Agent Chat and Configuration APIs v3.6 and RTM, with',
    'personas, chats, personal access tokens and fault injection. No LiveChat account, no internet.',
    '',
    'Usage: livechat-sandbox [flags]',
    '',
    'Flags (each falls back to the environment variable in brackets):',
    ...FLAGS.flatMap((flag) => flagLines(flag)),
    '',
    'Options (--option <name>=<value>, shown with their defaults; [id]: the unknown in',
    'docs/UNKNOWNS.md that the option stands for):',
    ...Object.entries(OPTION_SPECS).flatMap(([name, spec]) => optionLines(name, spec)),
    '',
    'Control page: /sandbox on the sandbox; control API: /sandbox/* (see the README).',
    '',
  ].join('\n')
}
