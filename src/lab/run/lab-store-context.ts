import { createContext } from 'react'
import type { LabStore } from './lab-store'

/**
 * Which lab store the page uses: none given means this page load's own (labStoreOfThisPage). A
 * test gives each render a store of its own, above the routes, so both trees the lab is drawn in
 * (signed out and in the workspace) share it.
 */
export const LabStoreContext = createContext<LabStore | null>(null)
LabStoreContext.displayName = 'LabStoreContext'
