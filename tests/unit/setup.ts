import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { sandbox, server } from '../support/sandbox-msw'

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => sandbox.state.reset())
afterEach(() => {
  cleanup()
  server.resetHandlers()
  sessionStorage.clear()
  localStorage.clear()
})
afterAll(() => server.close())
