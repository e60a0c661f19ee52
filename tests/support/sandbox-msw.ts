// Unit tests talk to the very same sandbox app that `npm start` serves: MSW hands every request
// for the sandbox origin to `app.fetch` in-process. One definition of the fake LiveChat.
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { createSandbox } from '../../sandbox/app'

export const SANDBOX_ORIGIN = 'http://localhost:4010'

export const sandbox = createSandbox()

export const server = setupServer(
  http.all(`${SANDBOX_ORIGIN}/*`, async ({ request }) => sandbox.app.fetch(request)),
)
