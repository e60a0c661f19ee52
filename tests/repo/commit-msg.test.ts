// The commit-msg hook: its check, and its installation by `npm install` (package.json's
// `prepare` runs simple-git-hooks) both in a git checkout and in one with no .git at all, as when
// CI installs from a tarball.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkCommitMessage, MAX_SUBJECT } from '../../scripts/commit-msg.mjs'
import { ROOT } from '../support/repo-files'

const INSTALL = join(ROOT, 'node_modules/simple-git-hooks/cli.js')

describe('checkCommitMessage', () => {
  it('passes a subject of up to 72 characters, with or without a body', () => {
    expect(checkCommitMessage(`${'a'.repeat(MAX_SUBJECT)}\n`)).toBeNull()
    expect(checkCommitMessage('Add the hook\n\nWhy: subjects were 310 characters.\n')).toBeNull()
    // Characters, not bytes or UTF-16 units.
    expect(checkCommitMessage(`${'é'.repeat(71)}…`)).toBeNull()
  })

  it('refuses a subject over 72 characters and says how to fix it', () => {
    expect(checkCommitMessage(`${'a'.repeat(MAX_SUBJECT + 1)}\n\nbody`)).toMatch(
      /73 characters; at most 72\.\n.*imperative/,
    )
  })

  it('refuses an empty message, or one of comments and blank lines only', () => {
    expect(checkCommitMessage('')).toMatch(/empty/)
    expect(checkCommitMessage('\n  \n# Please enter the commit message\n')).toMatch(/empty/)
  })

  it('reads the subject as git records it: after leading blank lines, past comments', () => {
    expect(checkCommitMessage(`# ${'x'.repeat(100)}\n\nFix it\n`)).toBeNull()
    expect(checkCommitMessage(`\n\n${'b'.repeat(80)}`)).toMatch(/80 characters/)
  })
})

describe('the hook, installed by npm install', () => {
  let dir = ''
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  /** A checkout of the files the hook needs, in a fresh folder. */
  function checkout(): string {
    dir = mkdtempSync(join(tmpdir(), 'commit-msg-'))
    mkdirSync(join(dir, 'scripts'))
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'))
    copyFileSync(join(ROOT, 'scripts/commit-msg.mjs'), join(dir, 'scripts/commit-msg.mjs'))
    return dir
  }

  const run = (cwd: string, command: string, args: string[]) =>
    spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, HOME: cwd } })

  it('in a git checkout: refuses a long subject, takes a short one', () => {
    const repo = checkout()
    run(repo, 'git', ['init', '-q'])
    run(repo, 'git', ['config', 'user.email', 'dev@example.test'])
    run(repo, 'git', ['config', 'user.name', 'Dev'])
    expect(run(repo, process.execPath, [INSTALL]).status).toBe(0)
    expect(existsSync(join(repo, '.git/hooks/commit-msg'))).toBe(true)

    const long = run(repo, 'git', ['commit', '--allow-empty', '-q', '-m', 'a'.repeat(73)])
    expect(long.status).not.toBe(0)
    expect(long.stderr).toContain('73 characters; at most 72')
    const short = run(repo, 'git', ['commit', '--allow-empty', '-q', '-m', 'Add a thing'])
    expect(short.status).toBe(0)
  })

  it('in a checkout with no .git (a tarball): installs nothing and does not fail', () => {
    const tarball = checkout()
    const install = run(tarball, process.execPath, [INSTALL])
    expect(install.status).toBe(0)
    expect(install.stdout).toContain('No `.git` root folder found, skipping')
    expect(existsSync(join(tarball, '.git'))).toBe(false)
  })
})
