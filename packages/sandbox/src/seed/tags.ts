// The license's tag list (docs/AGENT-API.md); thread tags are drawn from it.
export const TAGS = ['support', 'sales', 'complaint', 'spam', 'positive feedback'] as const

export type TagName = (typeof TAGS)[number]
