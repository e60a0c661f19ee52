import { useState } from 'react'
import { FLOW_LABELS } from './control-bar'
import { MessageDetail } from './message-detail'
import type { Run } from '../model/run-model'
import { measureRun } from '../model/run-measures'
import { SequenceDiagramView } from './sequence-diagram-view'
import { sequenceDiagram } from '../model/sequence-model'
import { SequenceTable } from './sequence-table'
import { WaterfallView } from './waterfall-view'
import { waterfall } from '../model/waterfall-model'

export function runName(run: Run): string {
  const type = run.options.flow === 'implicit' ? 'token' : run.options.responseType
  return `${FLOW_LABELS[run.options.flow]}, ${type === 'code' ? 'code + PKCE' : 'token'}`
}

/** One run: its sequence diagram with the selected arrow's details beside it, then its waterfall. */
export function RunView({ run }: { run: Run }) {
  const [selected, setSelected] = useState<string | null>(null)
  const diagram = sequenceDiagram(run)
  const { bars, total } = waterfall(run)
  const measures = measureRun(run)
  const message = diagram.messages.find((m) => m.id === selected) ?? null
  const title = `Sequence diagram of the ${runName(run)} run`
  return (
    <>
      <div className="lab-run-view">
        <figure className="lab-figure lab-run-view__diagram">
          <SequenceDiagramView
            diagram={diagram}
            title={title}
            selected={selected}
            onSelect={setSelected}
          />
          <figcaption className="muted">
            Thick arrows: the critical path ({measures.path.length} round trips
            {measures.firstData ? '' : ' so far'}, floor {measures.floor}) · dashed: answers ·
            shaded: the tab away or the popup open · ✕ failed. Times are measured; long pauses (a
            person choosing) are drawn short.
            {diagram.pagesHidden &&
              ' The accounts pages ran where this app cannot see them (no accounts server log): only their start and the answer are drawn.'}
          </figcaption>
          <SequenceTable diagram={diagram} caption={title} />
        </figure>
        <MessageDetail diagram={diagram} message={message} />
      </div>
      <h3>Waterfall</h3>
      <WaterfallView bars={bars} total={total} title={`Requests of the ${runName(run)} run`} />
    </>
  )
}
