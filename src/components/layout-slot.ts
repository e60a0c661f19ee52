import { createContext, type ReactNode } from 'react'

/**
 * Something an embedding app puts inside the signed-in layout, under the workspace's query cache
 * and live socket (the Agent App's fullscreen badge): nothing in a tab.
 */
export const LayoutSlotContext = createContext<ReactNode>(null)
LayoutSlotContext.displayName = 'LayoutSlotContext'
