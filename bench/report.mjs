// The bench's tables, as plain text for the terminal and as markdown for bench/results/latest.md
// (which the README's Performance section includes).

const kib = (bytes) =>
  bytes === null || bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)}`
const ms = (value) => (value === null || value === undefined ? '–' : `${Math.round(value)}`)

function table(headers, rows) {
  return { headers, rows: rows.map((row) => row.map((cell) => String(cell))) }
}

/** Every table of a result, in print order, with a title. */
export function tables(result) {
  const out = []
  const { bytes } = result
  const byteRows = [
    [
      'Sign-in page, initial JS + CSS',
      kib(bytes.signIn.gzip),
      kib(bytes.signIn.brotli),
      bytes.signIn.files.length,
    ],
    [
      '  of which JS',
      kib(bytes.signIn.js.gzip),
      kib(bytes.signIn.js.brotli),
      bytes.signIn.js.files.length,
    ],
    [
      'Whole app, all JS + CSS',
      kib(bytes.wholeApp.gzip),
      kib(bytes.wholeApp.brotli),
      bytes.wholeApp.files.length,
    ],
    ...bytes.routes.map((r) => [
      `Route ${r.route}: chunk / with its imports`,
      `${kib(r.chunk.gzip)} / ${kib(r.withImports.gzip)}`,
      `${kib(r.chunk.brotli)} / ${kib(r.withImports.brotli)}`,
      r.withImports.files.length,
    ]),
    ...bytes.references.map((r) => [
      `Reference: ${r.name}`,
      kib(r.gzip),
      kib(r.brotli),
      r.files.length,
    ]),
  ]
  out.push({
    title: 'Bytes (production build, KiB = 1024 B)',
    ...table(['What', 'gzip KiB', 'brotli KiB', 'files'], byteRows),
  })

  if (result.quickStart) {
    const qs = result.quickStart
    const over = (bytes) => `+${kib(bytes)}`
    const met = (bytes, goal) => (bytes <= goal ? 'yes' : `no, by ${kib(bytes - goal)}`)
    out.push({
      title:
        'livechat-browser-auth in a fresh app (the README quick start from dist/, same Vite; gzip KiB)',
      ...table(
        [
          'App',
          'initial JS',
          'over bare React',
          'goal',
          'met',
          'all JS',
          'over bare React',
          'goal',
          'met',
        ],
        [
          [
            'bare React (createRoot, StrictMode)',
            kib(qs.bare.initial.gzip),
            '',
            '',
            '',
            kib(qs.bare.total.gzip),
            '',
            '',
            '',
          ],
          [
            'quick start',
            kib(qs.quickStart.initial.gzip),
            over(qs.overBare.quickStart.initial),
            '',
            '',
            kib(qs.quickStart.total.gzip),
            over(qs.overBare.quickStart.total),
            '',
            '',
          ],
          [
            'quick start, qs aliased to livechat-browser-auth/qs',
            kib(qs.withAlias.initial.gzip),
            over(qs.overBare.withAlias.initial),
            `≤ +${kib(qs.goals.initial)}`,
            met(qs.overBare.withAlias.initial, qs.goals.initial),
            kib(qs.withAlias.total.gzip),
            over(qs.overBare.withAlias.total),
            `≤ +${kib(qs.goals.total)}`,
            met(qs.overBare.withAlias.total, qs.goals.total),
          ],
        ],
      ),
    })
  }

  out.push({
    title: 'Byte budgets (bench/budgets.json, gzip)',
    ...table(
      ['Budget', 'actual KiB', 'max KiB', ''],
      result.budgets.map((b) => [b.label, kib(b.actual), kib(b.max), b.ok ? 'ok' : 'OVER']),
    ),
  })

  if (result.firstVisit) {
    const fv = result.firstVisit
    out.push({
      title:
        'First visit to the sign-in page (Chromium, cold cache, no LiveChat session, no click; gzip of the files fetched)',
      ...table(
        ['What', 'gzip KiB', 'goal KiB', 'files'],
        [
          [
            'scripts requested before `load`',
            kib(fv.beforeLoad.gzip),
            '≤ 87.9 (90,000 B)',
            fv.beforeLoad.files.length,
          ],
          [
            'scripts by network idle',
            kib(fv.byNetworkIdle.gzip),
            '≤ 97.7 (100,000 B)',
            fv.byNetworkIdle.files.length,
          ],
          ['the accounts SDK among them', fv.sdkLoaded ? 'yes' : 'no', 'no', ''],
          [
            'same files as the budget test counts',
            fv.matchesExpected ? 'yes' : `no: ${fv.byNetworkIdle.files.join(', ')}`,
            'yes',
            '',
          ],
        ],
      ),
    })
  }

  if (result.signInTiming) {
    out.push({
      title: `Sign-in to first data (median of ${result.runs} runs, +${result.signInTiming[0]?.latencyMs ?? '?'} ms per LiveChat request, ms; for the silent restore “click” is the reload's navigation start)`,
      ...table(
        [
          'Flow',
          'click→token',
          'click→validated',
          'click→first data',
          'click→chats painted',
          'token→painted',
          'round trips',
          'floor',
          'over floor',
        ],
        result.signInTiming.map((f) => [
          f.flow,
          ms(f.clickToToken),
          ms(f.clickToValidated),
          ms(f.clickToFirstData),
          ms(f.clickToPainted),
          ms(f.tokenToPainted),
          f.roundTrips,
          f.floor.roundTrips,
          f.overFloor > 0 ? `+${f.overFloor}` : String(f.overFloor),
        ]),
      ),
    })
    out.push({
      title: 'Protocol floor and measured critical path (sequential round trips to LiveChat)',
      ...table(
        ['Flow', 'floor', 'measured path (first run)'],
        result.signInTiming.map((f) => [
          f.flow,
          `${f.floor.roundTrips}: ${f.floor.path}`,
          `${f.roundTrips}: ${f.path.join(' → ')}`,
        ]),
      ),
    })
  }

  if (result.requests) {
    out.push({
      title: 'API requests per workspace page (sandbox request log)',
      ...table(
        ['Page', 'first visit', 'revisit', 'duplicates (first visit)', 'first-visit requests'],
        result.requests.map((p) => [
          `${p.page} (${p.path.replace(/^\/(chats|customers)\/.+$/, '/$1/:id')})`,
          p.firstVisit.count,
          p.revisit.count,
          p.firstVisit.duplicates.length ? p.firstVisit.duplicates.join('; ') : 'none',
          p.firstVisit.requests
            .map((r) => r.replace(/^POST \/v3\.\d+\/\w+\/action\//, ''))
            .join(', ') || '–',
        ]),
      ),
    })
  }

  if (result.live) {
    const { pushToPainted: p, reconnect: r, memory: m } = result.live
    out.push({
      title: `Live layer (production build, sandbox on loopback, no added latency; a frame is ${ms(1000 / 60)} ms at 60 Hz)`,
      ...table(
        ['What', 'measured', 'goal', 'met'],
        [
          [
            `push → painted, median of ${p.painted}/${p.pushes} at ${p.perSecond}/s (p95)`,
            `${ms(p.medianMs)} ms (${ms(p.p95Ms)})`,
            `≤ ${ms(p.goalMs)} ms (two frames)`,
            p.medianMs !== null && p.medianMs <= p.goalMs ? 'yes' : 'no',
          ],
          [
            `drop → “Live” again, median (max) of ${r.runs}`,
            `${ms(r.medianMs)} ms (${ms(r.maxMs)})`,
            `≤ ${ms(r.goalMs)} ms (first backoff step ≤ 1,000 + one round trip ${r.roundTripMs.toFixed(1)})`,
            r.maxMs <= r.goalMs ? 'yes' : r.medianMs <= r.goalMs ? 'median only' : 'no',
          ],
          [
            `heap after GC, before → after ${m.pushes} pushes (${m.messages} messages kept)`,
            `${(m.heapBeforeBytes / 1e6).toFixed(2)} → ${(m.heapAfterBytes / 1e6).toFixed(2)} MB (${m.changePercent >= 0 ? '+' : ''}${m.changePercent.toFixed(1)} %)`,
            `within ${m.goalPercent} %`,
            Math.abs(m.changePercent) <= m.goalPercent ? 'yes' : 'no',
          ],
        ],
      ),
    })
  }

  if (result.pageLoad) {
    out.push({
      title: `Lighthouse-equivalent page load (not Lighthouse: ${result.lighthouse.reason}; desktop scoring, no throttling, median of ${result.runs} loads)`,
      ...table(
        [
          'Page',
          'Performance',
          'FCP ms',
          'LCP ms',
          'TBT ms',
          'CLS',
          'transfer KiB',
          'Accessibility',
          'Best practices',
        ],
        result.pageLoad.map((p) => [
          p.page,
          p.performance.score,
          ms(p.performance.fcp),
          ms(p.performance.lcp),
          ms(p.performance.tbt),
          p.performance.cls.toFixed(3),
          kib(p.performance.transferBytes),
          `${p.accessibility.score} (${p.accessibility.violations.length} violations)`,
          `${p.bestPractices.score} (${p.bestPractices.checks.filter((c) => c.pass).length}/${p.bestPractices.checks.length})`,
        ]),
      ),
    })
  }
  return out
}

function header(result) {
  const m = result.machine
  return `${result.date} · ${m.cpu} × ${m.cores} cores · ${m.os} · Node ${m.node} · Chromium ${m.chromium ?? '–'}`
}

export function toText(result) {
  const lines = [`npm run bench — ${header(result)}`]
  for (const t of tables(result)) {
    const widths = t.headers.map((h, i) => Math.max(h.length, ...t.rows.map((r) => r[i].length)))
    const line = (cells) =>
      cells
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd()
    lines.push('', t.title, line(t.headers), widths.map((w) => '-'.repeat(w)).join('  '))
    for (const row of t.rows) lines.push(line(row))
  }
  if (result.notes.length) lines.push('', ...result.notes.map((n) => `note: ${n}`))
  return lines.join('\n')
}

export function toMarkdown(result) {
  const escape = (cell) => cell.replaceAll('|', '\\|')
  const lines = [`Measured ${header(result)}.`]
  for (const t of tables(result)) {
    lines.push('', `**${t.title}**`, '', `| ${t.headers.map(escape).join(' | ')} |`)
    lines.push(`|${t.headers.map(() => '---').join('|')}|`)
    for (const row of t.rows) lines.push(`| ${row.map(escape).join(' | ')} |`)
  }
  if (result.notes.length) lines.push('', ...result.notes.map((n) => `- ${n}`))
  return `${lines.join('\n')}\n`
}
