import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { sandbox, server } from './sandbox-msw'

// The whole app renders lazily through the real providers; on a loaded 2-core CI machine the
// first page can take longer than Testing Library's default 1 s to appear.
configure({ asyncUtilTimeout: 4000 })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => sandbox.state.reset())
afterEach(() => {
  cleanup()
  server.resetHandlers()
  sessionStorage.clear()
  localStorage.clear()
})
afterAll(() => server.close())
