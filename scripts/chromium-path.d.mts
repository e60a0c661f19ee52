export function chromiumPath(): string
export const CHROMIUM_ARGS: readonly string[]
