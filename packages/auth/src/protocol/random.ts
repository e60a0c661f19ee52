// Unguessable values from the platform CSPRNG. The SDK's own generator is not used: with its
// defaults it produces no state (docs/livechat-notes.md#the-sdk-state) and a verifier without `W`.

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  crypto.getRandomValues(bytes)
  return bytes
}

/** 256 bits, base64url: 43 characters (the BCP asks for at least 128 bits). */
export function randomState(): string {
  return base64url(randomBytes(32))
}

/** A PKCE code verifier: 64 random bytes, base64url, 86 characters of RFC 7636's charset. */
export function randomVerifier(): string {
  return base64url(randomBytes(64))
}
