// The PKCE challenge for a hand-built authorize URL, computed exactly as @livechat/accounts-sdk
// 2.1.3 computes it (docs/livechat-notes.md#the-sdk-pkce): sjcl hashes the verifier to eight signed 32-bit
// words and `btoa()` stringifies that array, so LiveChat receives base64url of text like
// `-200609994,-1138722330,…` rather than RFC 7636's base64url of the digest. How the real server
// checks S256 is not documented, but it accepts what the SDK sends — so a flow without the SDK
// sends the same thing.

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export async function sdkS256Challenge(verifier: string): Promise<string> {
  const digest = new DataView(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)),
  )
  const words: number[] = []
  for (let offset = 0; offset < digest.byteLength; offset += 4) {
    words.push(digest.getInt32(offset, false))
  }
  return base64url(words.join(','))
}
