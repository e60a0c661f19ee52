// lazyPage (src/app/lazy-page.tsx): once its chunk is here, a page renders in the same commit,
// with no fallback. React.lazy alone suspends once more and then holds the page back for its
// Suspense reveal throttle (~300 ms), which the bench saw between /v2/info and the chats list.
import { act, render, screen } from '@testing-library/react'
import { StrictMode, Suspense } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { lazyPage } from '../../../src/app/lazy-page'

function Hello({ who }: { who: string }) {
  return <p>Hello {who}</p>
}

const inSuspense = (node: React.ReactNode) => (
  <StrictMode>
    <Suspense fallback={<p>Loading</p>}>{node}</Suspense>
  </StrictMode>
)

describe('lazyPage', () => {
  it('preloaded: renders at once, never showing the fallback', async () => {
    const Page = lazyPage(async () => ({ Hello }), 'Hello')
    await Page.preload()
    render(inSuspense(<Page who="Nina" />))
    expect(screen.getByText('Hello Nina')).toBeInTheDocument()
    expect(screen.queryByText('Loading')).toBeNull()
  })

  it('not preloaded: the fallback, then the page; the chunk is fetched once', async () => {
    const loader = vi.fn(async () => ({ Hello }))
    const Page = lazyPage(loader, 'Hello')
    render(inSuspense(<Page who="Sam" />))
    expect(screen.getByText('Loading')).toBeInTheDocument()
    expect(await screen.findByText('Hello Sam')).toBeInTheDocument()
    await Page.preload()
    expect(loader).toHaveBeenCalledTimes(1)
  })

  it('a failed chunk load can be tried again', async () => {
    const loader = vi
      .fn<() => Promise<{ Hello: typeof Hello }>>()
      .mockRejectedValueOnce(new Error('chunk failed'))
      .mockResolvedValue({ Hello })
    const Page = lazyPage(loader, 'Hello')
    await expect(Page.preload()).rejects.toThrow('chunk failed')
    await act(() => Page.preload())
    render(inSuspense(<Page who="Olivia" />))
    expect(screen.getByText('Hello Olivia')).toBeInTheDocument()
    expect(loader).toHaveBeenCalledTimes(2)
  })
})
