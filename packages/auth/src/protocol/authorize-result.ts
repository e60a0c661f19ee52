// What a successful authorize round trip yields, whichever flow ran it.

export type AuthorizeResult =
  | {
      kind: 'token'
      accessToken: string
      expiresIn: number
      /** Null when the answer carried no scope list: /v2/info is the authority anyway. */
      scopes: string[] | null
      state: string
    }
  | {
      kind: 'code'
      code: string
      /** Ours, generated for this round trip: the exchange needs it. */
      codeVerifier: string
      state: string
    }
