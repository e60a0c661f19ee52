// Who is in the sandbox's world (its organization and people), looked up by account id or
// email. Built once from the world seed; the accounts server, the agent API and RTM all ask it.
import type { Organization, Person } from './identity'
import type { WorldSeed } from './world-seed'

export class Directory {
  readonly organization: Organization
  readonly people: readonly Person[]

  constructor(seed: WorldSeed) {
    this.organization = seed.organization
    this.people = seed.people
  }

  person(accountId: string): Person | undefined {
    return this.people.find((p) => p.accountId === accountId)
  }

  personByEmail(email: string): Person | undefined {
    return this.people.find((p) => p.email === email)
  }

  /** The people with a button on the sign-in page. */
  personas(): Person[] {
    return this.people.filter((p) => p.persona)
  }
}
