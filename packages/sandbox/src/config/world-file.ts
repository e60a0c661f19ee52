// A seeded world of your own (`--world <file.json>`): your organization, groups, people (each a
// sign-in button unless `"persona": false`), customers and chats. Every member is optional; what
// is left out comes from the default world, except that your own people start with no chats
// (the default chats are written for the default people).
import { createHash } from 'node:crypto'
import type { ChatSpec } from '../seed/chats'
import type { Line } from '../seed/conversations'
import type { CustomerSeed } from '../seed/customers'
import type { GroupSeed, LiveChatRole, Organization, Person } from '../seed/identity'
import { DEFAULT_WORLD_SEED, type WorldSeed } from '../seed/world-seed'
import { ConfigError } from './config-error'
import {
  arrayAt,
  objectAt,
  onlyKeys,
  optionalStringAt,
  stringAt,
  type JsonObject,
} from './json-shapes'

const ROLES: readonly LiveChatRole[] = ['owner', 'administrator', 'normal']
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const FILE_FIX = 'See "Your own world" in the livechat-sandbox README.'

/** A stable UUID-shaped id from a name, so a world file without ids gives the same ids each run. */
function stableId(kind: string, name: string): string {
  const hex = createHash('sha256').update(`${kind}:${name}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

function integerAt(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new ConfigError(where, 'must be a whole number from 0', 'Write a number such as 0 or 1.')
  return value
}

function uuidAt(value: unknown, where: string, fallback: string): string {
  if (value === undefined) return fallback
  const id = stringAt(value, where, 'Give a UUID such as "0b7c3e9a-1f2d-4c5b-8a6e-9d0f1e2a3b4c".')
  if (!UUID.test(id))
    throw new ConfigError(
      where,
      `"${id}" is not a UUID`,
      'LiveChat account and organization ids are UUIDs; leave it out to get one.',
    )
  return id
}

function organizationFrom(value: unknown): Organization {
  const where = 'world.organization'
  const object = objectAt(value, where, FILE_FIX)
  onlyKeys(object, ['id', 'name', 'licenseId'], where)
  const name = stringAt(object.name, `${where}.name`, 'Name the organization.')
  const licenseId = optionalStringAt(object.licenseId, `${where}.licenseId`, '') ?? '100000001'
  if (!/^\d{1,12}$/.test(licenseId))
    throw new ConfigError(
      `${where}.licenseId`,
      `"${licenseId}" is not a license number`,
      'Use digits, e.g. "104130623".',
    )
  return { id: uuidAt(object.id, `${where}.id`, stableId('organization', name)), name, licenseId }
}

function groupsFrom(value: unknown): GroupSeed[] {
  const groups = arrayAt(value, 'world.groups', FILE_FIX).map((raw, index) => {
    const where = `world.groups[${index}]`
    const object = objectAt(raw, where, 'Describe a group as {"id": 0, "name": "General"}.')
    onlyKeys(object, ['id', 'name', 'languageCode'], where)
    return {
      id: integerAt(object.id, `${where}.id`),
      name: stringAt(object.name, `${where}.name`, 'Name the group.'),
      languageCode: optionalStringAt(object.languageCode, `${where}.languageCode`, '') ?? 'en',
    }
  })
  if (groups.length === 0)
    throw new ConfigError('world.groups', 'is empty', 'List at least one group.')
  return groups
}

function personFrom(raw: unknown, index: number, groups: readonly GroupSeed[]): Person {
  const where = `world.people[${index}]`
  const object = objectAt(raw, where, 'Describe a person as {"email", "name", "role"}.')
  onlyKeys(object, ['email', 'name', 'role', 'groups', 'jobTitle', 'accountId', 'persona'], where)
  const email = stringAt(
    object.email,
    `${where}.email`,
    'Give the email the person signs in with.',
  ).toLowerCase()
  if (!/^[^@\s]+@[^@\s]+$/.test(email))
    throw new ConfigError(
      `${where}.email`,
      `"${email}" is not an email address`,
      'Write it like "alex@example.com".',
    )
  const role = stringAt(object.role, `${where}.role`, `Use ${ROLES.join(', ')}.`) as LiveChatRole
  if (!ROLES.includes(role))
    throw new ConfigError(
      `${where}.role`,
      `"${role}" is not a LiveChat role`,
      `Use ${ROLES.join(', ')}.`,
    )
  const groupIds =
    object.groups === undefined
      ? [groups[0]?.id ?? 0]
      : arrayAt(object.groups, `${where}.groups`, 'List group ids, e.g. [0].').map((id, at) =>
          integerAt(id, `${where}.groups[${at}]`),
        )
  return {
    accountId: uuidAt(object.accountId, `${where}.accountId`, stableId('account', email)),
    email,
    name: stringAt(object.name, `${where}.name`, 'Give the name shown on the sign-in button.'),
    role,
    groupIds,
    jobTitle: optionalStringAt(object.jobTitle, `${where}.jobTitle`, '') ?? '',
    persona: object.persona !== false,
    createdAt: '2024-01-01T09:00:00.000000Z',
  }
}

function customerFrom(raw: unknown, index: number): CustomerSeed {
  const where = `world.customers[${index}]`
  const object = objectAt(raw, where, 'Describe a customer as {"name", "email"}.')
  onlyKeys(object, ['id', 'name', 'email'], where)
  const name = optionalStringAt(object.name, `${where}.name`, '')
  const email = optionalStringAt(object.email, `${where}.email`, '')
  const id =
    optionalStringAt(object.id, `${where}.id`, '') ??
    stableId('customer', email ?? name ?? String(index))
  return { id, ...(name ? { name } : {}), ...(email ? { email } : {}) }
}

function chatFrom(
  raw: unknown,
  index: number,
  world: {
    groups: readonly GroupSeed[]
    people: readonly Person[]
    customers: readonly CustomerSeed[]
  },
): ChatSpec {
  const where = `world.chats[${index}]`
  const object = objectAt(raw, where, 'Describe a chat as {"customer", "agents", "messages"}.')
  onlyKeys(object, ['group', 'customer', 'agents', 'active', 'hoursAgo', 'messages'], where)
  const group =
    object.group === undefined
      ? (world.groups[0]?.id ?? 0)
      : integerAt(object.group, `${where}.group`)
  if (!world.groups.some((g) => g.id === group))
    throw new ConfigError(
      `${where}.group`,
      `there is no group ${group}`,
      'Use the id of one of world.groups.',
    )
  const reference = stringAt(
    object.customer,
    `${where}.customer`,
    "Give the customer's id, email or name.",
  )
  const customer = world.customers.find((c) => [c.id, c.email, c.name].includes(reference))
  if (!customer)
    throw new ConfigError(
      `${where}.customer`,
      `no customer is "${reference}"`,
      'Use the id, email or name of one of world.customers.',
    )
  const emails = world.people.map((p) => p.email)
  const agents = (
    object.agents === undefined ? [] : arrayAt(object.agents, `${where}.agents`, 'List emails.')
  ).map((value, at) => {
    const email = stringAt(
      value,
      `${where}.agents[${at}]`,
      'Give an email of world.people.',
    ).toLowerCase()
    if (!emails.includes(email))
      throw new ConfigError(
        `${where}.agents[${at}]`,
        `no person has the email ${email}`,
        'Use an email of world.people.',
      )
    return email
  })
  const lines: Line[] = arrayAt(
    object.messages ?? [],
    `${where}.messages`,
    'List {"from", "text"}.',
  ).map((value, at) => {
    const place = `${where}.messages[${at}]`
    const message = objectAt(value, place, 'Write {"from": "customer" or an agent email, "text"}.')
    onlyKeys(message, ['from', 'text'], place)
    const text = stringAt(message.text, `${place}.text`, 'Give the message text.')
    const from = stringAt(
      message.from,
      `${place}.from`,
      'Write "customer" or an agent email.',
    ).toLowerCase()
    if (from === 'customer') return { c: text }
    if (!agents.includes(from))
      throw new ConfigError(
        `${place}.from`,
        `${from} is not one of this chat's agents`,
        `Write "customer" or one of ${agents.join(', ') || '(add agents first)'}.`,
      )
    return { a: text, by: from }
  })
  const hoursAgo = object.hoursAgo === undefined ? 0.1 * (index + 1) : Number(object.hoursAgo)
  if (!Number.isFinite(hoursAgo) || hoursAgo < 0)
    throw new ConfigError(
      `${where}.hoursAgo`,
      'must be a number from 0',
      'Write how many hours ago the chat began, e.g. 2.',
    )
  return {
    group,
    customer: customer.id,
    active: object.active !== false,
    threads: [{ hoursAgo, agents, lines }],
  }
}

/** Reads a world file's JSON into a world seed, or throws a ConfigError naming the entry. */
export function worldFromJson(value: unknown): WorldSeed {
  const object: JsonObject = objectAt(value, 'world', FILE_FIX)
  onlyKeys(object, ['organization', 'groups', 'people', 'customers', 'chats'], 'world')
  const organization =
    object.organization === undefined
      ? DEFAULT_WORLD_SEED.organization
      : organizationFrom(object.organization)
  const groups = object.groups === undefined ? DEFAULT_WORLD_SEED.groups : groupsFrom(object.groups)
  const ownPeople = object.people !== undefined
  const people = ownPeople
    ? arrayAt(object.people, 'world.people', FILE_FIX).map((raw, index) =>
        personFrom(raw, index, groups),
      )
    : DEFAULT_WORLD_SEED.people
  people.forEach((person, index) => {
    const missing = person.groupIds.find((id) => !groups.some((g) => g.id === id))
    if (missing !== undefined)
      throw new ConfigError(
        ownPeople ? `world.people[${index}].groups` : 'world.groups',
        `${person.email} belongs to group ${missing}, which world.groups lacks`,
        ownPeople
          ? 'Use ids of world.groups.'
          : 'The default people belong to groups 0, 1 and 2: keep those ids, or list your own people.',
      )
    if (people.findIndex((p) => p.email === person.email) !== index)
      throw new ConfigError(
        `world.people[${index}].email`,
        `${person.email} is listed twice`,
        'Give each person their own email.',
      )
  })
  const customers =
    object.customers === undefined
      ? DEFAULT_WORLD_SEED.customers
      : arrayAt(object.customers, 'world.customers', FILE_FIX).map(customerFrom)
  const chats =
    object.chats !== undefined
      ? arrayAt(object.chats, 'world.chats', FILE_FIX).map((raw, index) =>
          chatFrom(raw, index, { groups, people, customers }),
        )
      : ownPeople || object.groups !== undefined || object.customers !== undefined
        ? []
        : DEFAULT_WORLD_SEED.chats
  const defaultGroups = object.groups === undefined
  return {
    organization,
    groups,
    people,
    // The default bot lives in the default group 0.
    bots: defaultGroups ? DEFAULT_WORLD_SEED.bots : [],
    customers,
    chats,
  }
}
