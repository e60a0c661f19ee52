// The `flow=button` answer (docs/ACCOUNTS.md): a page on the
// accounts origin whose script posts a structured object to `window.opener` (popup, then closes
// itself) or to `window.parent` (iframe). The SDK accepts it only from `server_url`'s exact
// origin and only when `data` or `error` is set (docs/ACCOUNTS.md).
import { escapeHtml, renderPage, scriptJson } from './html'

export type ButtonMessage =
  | { state?: string; data: Record<string, unknown> }
  | { state?: string; error: Record<string, string> }

/**
 * `targetOrigin` is the redirect_uri origin once that was validated; `*` only for errors raised
 * before (the server cannot know who opened it then, and an error carries no secret).
 */
export function buttonResponse(message: ButtonMessage, targetOrigin: string): Response {
  const script = `(function () {
  var message = ${scriptJson(message)};
  var target = ${scriptJson(targetOrigin)};
  var opener = window.opener;
  if (opener && opener !== window) {
    opener.postMessage(message, target);
    window.close();
    return;
  }
  if (window.parent !== window) {
    window.parent.postMessage(message, target);
    return;
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('orphan').hidden = false;
  });
})();`
  const outcome = 'error' in message ? 'sign-in failed' : 'sign-in finished'
  return renderPage({
    title: 'Signing in',
    // The iframe flow frames this page from the app; an error before validation may come from anyone.
    frameAncestors: targetOrigin === '*' ? '*' : targetOrigin,
    script,
    body: `<h1>LiveChat ${escapeHtml(outcome)}</h1>
<p>This window closes by itself.</p>
<p id="orphan" hidden class="muted">It was not opened by an app, so there is nobody to tell. You can close it.</p>`,
  })
}
