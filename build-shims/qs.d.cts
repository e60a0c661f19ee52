declare function parse(
  text: string,
  options?: { ignoreQueryPrefix?: boolean },
): Record<string, unknown>
declare function stringify(object: unknown): string
export { parse, stringify }
