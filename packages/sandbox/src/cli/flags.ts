// The command line's flags: each with the environment variable it falls back to, its default and
// what it does. parse-cli.ts reads them and help.ts prints them, so the two cannot disagree.

export interface Flag {
  name: string
  /** How the value is written; a flag without one is a switch. */
  value?: string
  env?: string
  /** May be given more than once. */
  multiple?: boolean
  default?: string
  about: string
}

export const FLAGS = [
  {
    name: 'port',
    value: '<number>',
    env: 'SANDBOX_PORT',
    default: '4010',
    about: 'Port for the accounts server, the APIs and RTM; 0 picks a free one.',
  },
  {
    name: 'host',
    value: '<address>',
    env: 'SANDBOX_HOST',
    default: '127.0.0.1',
    about: 'Address to bind: loopback, unless you mean other machines to reach it.',
  },
  {
    name: 'client',
    value: '<id>=<redirect uri>[,<redirect uri>…]',
    env: 'SANDBOX_CLIENTS',
    multiple: true,
    about:
      'Register your app as a public JavaScript app with the agent scopes and chats--all:ro. Repeat for more apps (in the variable, separate apps with spaces).',
  },
  {
    name: 'config',
    value: '<file.json>',
    env: 'SANDBOX_CONFIG',
    about:
      'Clients with their type (javascript_app, or server_side_app with a secret), scopes and redirect URIs; redirect URIs for the sandbox client; a world; options.',
  },
  {
    name: 'redirect-uris',
    value: '<uri>[,<uri>…]',
    env: 'SANDBOX_REDIRECT_URIS',
    about: "More redirect URIs for the sandbox's own client, 0123456789abcdef0123456789abcdef.",
  },
  {
    name: 'world',
    value: '<file.json>',
    env: 'SANDBOX_WORLD',
    about:
      'Your own organization, groups, people, customers and chats, instead of the default: Acme Support (its personas, about 25 chats) and Acme Labs (Maya Partner is in both).',
  },
  {
    name: 'option',
    value: '<name>=<value>',
    env: 'SANDBOX_OPTIONS',
    multiple: true,
    about:
      'Set one of the options below; repeat for more (in the variable, separate them with commas). POST /sandbox/options changes them later.',
  },
  { name: 'help', about: 'Print this help and exit.' },
] as const satisfies readonly Flag[]

export type FlagName = (typeof FLAGS)[number]['name']
