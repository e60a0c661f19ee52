import { useState } from 'react'
import type { Run } from '../model/run-model'
import type { Results } from '../run/run-storage'
import { comparisonMarkdown, runJson } from '../run/share'

/** Copy the comparison as Markdown, download the last run as JSON: redacted facts only. */
export function ShareActions({ results, run }: { results: Results; run: Run | null }) {
  const [said, setSaid] = useState('')
  const [fallback, setFallback] = useState<string | null>(null)

  const copy = async () => {
    const markdown = comparisonMarkdown(results, new Date())
    try {
      await navigator.clipboard.writeText(markdown)
      setFallback(null)
      setSaid('The comparison was copied as Markdown.')
    } catch {
      // No clipboard permission: the text to copy by hand.
      setFallback(markdown)
      setSaid('The clipboard is not available: select the Markdown below and copy it.')
    }
  }

  const download = () => {
    if (!run) return
    const url = URL.createObjectURL(new Blob([runJson(run)], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = `flow-lab-${run.options.flow}-${new Date(run.startedAt).toISOString().replace(/[:.]/g, '-')}.json`
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
    setSaid('The run was downloaded as JSON.')
  }

  return (
    <div className="lab-share">
      <div className="actions">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy comparison as Markdown
        </button>
        <button type="button" className="button" onClick={download} disabled={!run}>
          Download run as JSON
        </button>
      </div>
      <p role="status" className="muted">
        {said}
      </p>
      {fallback !== null && (
        <textarea
          className="lab-share__text"
          readOnly
          value={fallback}
          aria-label="The comparison as Markdown"
          rows={8}
        />
      )}
    </div>
  )
}
