// The header's Notifications menu (issue 24) in the signed-in workspace, through the real
// providers: nothing is asked on load; "Enable desktop notifications" asks the browser from the
// click; a denied permission says what to do; the choices are kept for every tab.
import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SETTINGS_KEY } from '../../../../src/live/attention/attention-settings'
import { renderApp } from '../../../support/render-app'
import { FakeNotification } from '../../live/attention/fake-notification'
import { NINA } from '../../../support/workspace-kit'

afterEach(() => vi.unstubAllGlobals())

async function openMenu() {
  const user = userEvent.setup()
  renderApp({ route: '/', as: NINA })
  const button = await screen.findByRole('button', { name: 'Notifications' }, { timeout: 8000 })
  expect(within(screen.getByRole('banner')).getByRole('button', { name: 'Notifications' })).toBe(
    button,
  )
  expect(button).toHaveAttribute('aria-expanded', 'false')
  await user.click(button)
  expect(button).toHaveAttribute('aria-expanded', 'true')
  return { user, button, menu: screen.getByRole('group', { name: 'Notifications' }) }
}

describe('Notifications menu', () => {
  it('asks for the permission only from the click, then turns desktop notifications on', async () => {
    FakeNotification.install('default')
    const { user, menu } = await openMenu()
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled()
    expect(within(menu).getByText('Not allowed yet.')).toBeInTheDocument()
    const desktop = within(menu).getByRole('checkbox', { name: 'Desktop notifications' })
    expect(desktop).toBeDisabled()
    await user.click(within(menu).getByRole('button', { name: 'Enable desktop notifications' }))
    expect(FakeNotification.requestPermission).toHaveBeenCalledOnce()
    expect(desktop).toBeChecked()
    expect(desktop).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Notifications' })).toHaveFocus()
    expect(within(menu).getByText('Allowed by the browser.')).toBeInTheDocument()
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}')).toEqual({
      sound: true,
      desktop: true,
    })
  })

  it('sound on and off, kept in local storage; a denied permission says what to do; Escape closes', async () => {
    FakeNotification.install('denied')
    const { user, button, menu } = await openMenu()
    expect(
      within(menu).getByText(/^Blocked by the browser: allow them in the site settings/),
    ).toBeInTheDocument()
    expect(within(menu).queryByRole('button', { name: 'Enable desktop notifications' })).toBeNull()
    const sound = within(menu).getByRole('checkbox', { name: 'Sound' })
    expect(sound).toBeChecked()
    await user.click(sound)
    expect(sound).not.toBeChecked()
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}')).toMatchObject({ sound: false })
    await user.keyboard('{Escape}')
    expect(button).toHaveAttribute('aria-expanded', 'false')
    expect(button).toHaveFocus()
  })

  it('another tab’s change shows here (the storage event)', async () => {
    FakeNotification.install('granted')
    const { menu } = await openMenu()
    const sound = within(menu).getByRole('checkbox', { name: 'Sound' })
    expect(sound).toBeChecked()
    act(() => {
      localStorage.setItem(SETTINGS_KEY, JSON.stringify({ sound: false, desktop: true }))
      window.dispatchEvent(new StorageEvent('storage', { key: SETTINGS_KEY }))
    })
    expect(sound).not.toBeChecked()
    expect(within(menu).getByRole('checkbox', { name: 'Desktop notifications' })).toBeChecked()
  })
})
