// A start-up configuration the sandbox cannot use: the message names the entry (a flag, an
// environment variable, a path in a JSON file), what is wrong with it and how to fix it.
export class ConfigError extends Error {
  constructor(
    readonly entry: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${entry}: ${problem}. ${fix}`)
    this.name = 'ConfigError'
  }
}
