// Whether a lab run left the page (a redirect sign-in) and waits to be picked up when it comes
// back: then the auth client holds the facts of the return until the lab has loaded. Part of
// the startup code, so kept to this.

/** sessionStorage key of the (redacted) run that left the page. */
export const LAB_RUN_KEY = 'flow-lab:run'

export function labRunWaiting(): boolean {
  try {
    return window.sessionStorage.getItem(LAB_RUN_KEY) !== null
  } catch {
    return false
  }
}
