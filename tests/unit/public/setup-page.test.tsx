import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { readConfig } from '../../../src/config/env'
import { SetupPage } from '../../../src/public/setup-page'

describe('setup page', () => {
  it('says which settings to fix instead of showing a blank page', () => {
    const result = readConfig({ VITE_LIVECHAT_FLOW: 'carrier-pigeon' }, 'http://localhost:5173')
    if (result.ok) throw new Error('expected problems')
    render(<SetupPage problems={result.problems} />)
    expect(screen.getByRole('heading', { name: /finish setting up/i })).toBeInTheDocument()
    const list = screen.getByRole('list', { name: 'Settings to fix' })
    expect(within(list).getByText('VITE_LIVECHAT_CLIENT_ID')).toBeInTheDocument()
    expect(within(list).getByText('VITE_LIVECHAT_FLOW')).toBeInTheDocument()
  })
})
