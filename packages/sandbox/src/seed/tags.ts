// The license's tag list (agent-api §9.6); thread tags are drawn from it.
export const TAGS = ['support', 'sales', 'complaint', 'spam', 'positive feedback'] as const

export type TagName = (typeof TAGS)[number]
