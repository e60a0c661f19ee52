// Options given as JSON (a `--config` file's "options", startSandbox({options})): each name must
// be an option and each value of its type, so a typo stops the start instead of doing nothing.
import { OPTION_SPECS, isOptionName, type SandboxOptions } from '../options/sandbox-options'
import { ConfigError } from './config-error'
import { objectAt } from './json-shapes'

export function optionsFromJson(value: unknown, where: string): Partial<SandboxOptions> {
  const object = objectAt(value, where, 'Give options as {"name": value}.')
  for (const [name, option] of Object.entries(object)) {
    if (!isOptionName(name))
      throw new ConfigError(
        `${where}.${name}`,
        'is not a sandbox option',
        `Use one of ${Object.keys(OPTION_SPECS).join(', ')} (livechat-sandbox --help lists them).`,
      )
    const spec = OPTION_SPECS[name] as { default: unknown; values?: readonly unknown[] }
    if (typeof option !== typeof spec.default || (typeof option === 'number' && !(option >= 0)))
      throw new ConfigError(
        `${where}.${name}`,
        `must be a ${typeof spec.default}${typeof spec.default === 'number' ? ' from 0' : ''}`,
        `Its default is ${JSON.stringify(spec.default)}.`,
      )
    if (spec.values && !spec.values.includes(option))
      throw new ConfigError(
        `${where}.${name}`,
        `${JSON.stringify(option)} is not one of its values`,
        `Use ${spec.values.map((v) => JSON.stringify(v)).join(', ')}.`,
      )
  }
  return object as Partial<SandboxOptions>
}
