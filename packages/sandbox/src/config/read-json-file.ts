// Reads a JSON configuration file; a missing or malformed file is a ConfigError naming it.
import { readFileSync } from 'node:fs'
import { ConfigError } from './config-error'

export function readJsonFile(path: string, entry: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new ConfigError(
      entry,
      `${path} cannot be read (${code})`,
      'Check the path; it is relative to the current folder.',
    )
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ConfigError(
      entry,
      `${path} is not valid JSON (${(error as Error).message})`,
      'Fix the JSON syntax.',
    )
  }
}
