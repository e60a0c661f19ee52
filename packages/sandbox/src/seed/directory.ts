// Who is in the sandbox's world: its organizations and, in each, its people (one account can be
// a member of several, with a role and groups in each), looked up by account id or email. Built
// once from the world seeds; the accounts server, the agent API and RTM all ask it.
import type { Organization, Person } from './identity'
import type { WorldSeed } from './world-seed'

export class Directory {
  /** In seed order: an account's default organization is the first it belongs to. */
  readonly organizations: readonly Organization[]
  /** Every account once, as the member of its default organization. */
  readonly people: readonly Person[]
  private readonly members: ReadonlyMap<string, readonly Person[]>

  constructor(seeds: readonly WorldSeed[]) {
    this.organizations = seeds.map((seed) => seed.organization)
    this.members = new Map(seeds.map((seed) => [seed.organization.id, seed.people]))
    const accounts = new Map<string, Person>()
    for (const person of seeds.flatMap((seed) => seed.people))
      if (!accounts.has(person.accountId)) accounts.set(person.accountId, person)
    this.people = [...accounts.values()]
  }

  /** The first organization: where tokens and PATs go when nothing names another. */
  get primary(): Organization {
    return this.organizations[0] as Organization
  }

  organization(id: string): Organization | undefined {
    return this.organizations.find((o) => o.id === id)
  }

  /** The account in its default organization. */
  person(accountId: string): Person | undefined {
    return this.people.find((p) => p.accountId === accountId)
  }

  personByEmail(email: string): Person | undefined {
    return this.people.find((p) => p.email === email)
  }

  /** The account as a member of that organization (its role and groups there), if it is one. */
  member(accountId: string, organizationId: string): Person | undefined {
    return this.members.get(organizationId)?.find((p) => p.accountId === accountId)
  }

  /** The organizations an account belongs to, its default one first. */
  organizationsOf(accountId: string): Organization[] {
    return this.organizations.filter((o) => this.member(accountId, o.id))
  }

  /** The people with a button on the sign-in page, each account once. */
  personas(): Person[] {
    return this.people.filter((p) => p.persona)
  }
}
