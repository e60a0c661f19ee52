// Every route path in one place, so links and guards never hand-build strings.
export const paths = {
  home: '/',
  chats: '/chats',
  chat: (chatId: string) => `/chats/${encodeURIComponent(chatId)}`,
  archives: '/archives',
  customer: (customerId: string) => `/customers/${encodeURIComponent(customerId)}`,
  team: '/team',
  session: '/session',
  flows: '/flows',
  supervisor: '/supervisor',
  signIn: '/sign-in',
} as const
