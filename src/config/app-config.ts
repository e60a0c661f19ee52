import { readConfig, type ConfigResult } from './env'

/** The app's configuration, read from the build's env once at startup. */
export const configResult: ConfigResult = readConfig(import.meta.env, window.location.origin)
