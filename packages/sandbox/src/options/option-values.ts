// Options written as text (the control page's form fields, `--option name=value` on the command
// line) take the type of their default; a name or value that is not one gets a message that says
// what would be.
import { OPTION_SPECS, isOptionName, type SandboxOptions } from './sandbox-options'

export class OptionValueError extends Error {}

export function optionFromText(name: string, raw: string): Partial<SandboxOptions> {
  if (!isOptionName(name))
    throw new OptionValueError(
      `unknown option ${name}; the options are ${Object.keys(OPTION_SPECS).join(', ')}`,
    )
  const spec = OPTION_SPECS[name] as { default: unknown; values?: readonly unknown[] }
  const kind = typeof spec.default
  if (kind === 'number') {
    const value = Number(raw)
    if (raw.trim() === '' || !Number.isFinite(value) || value < 0)
      throw new OptionValueError(`${name} must be a non-negative number, not "${raw}"`)
    return { [name]: value }
  }
  if (kind === 'boolean') return { [name]: raw === 'true' || raw === 'on' }
  if (spec.values && !spec.values.includes(raw))
    throw new OptionValueError(`${name} must be one of ${spec.values.join(', ')}, not "${raw}"`)
  return { [name]: raw }
}
