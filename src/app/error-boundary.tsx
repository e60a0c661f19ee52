import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  children: ReactNode
}

interface State {
  error: Error | null
}

/**
 * The last line of defence: a render error shows a plain message with a way forward instead of
 * a blank page. The error text is not shown, since it may quote data we never want on screen.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(
      'Unexpected error while rendering',
      error.name,
      info.componentStack?.split('\n')[1],
    )
  }

  override render() {
    if (this.state.error) {
      return (
        <main className="page page--center">
          <div role="alert" className="card">
            <h1>Something went wrong</h1>
            <p>The page hit an unexpected error. Your session is safe; reloading usually helps.</p>
            <button type="button" className="button" onClick={() => window.location.reload()}>
              Reload the page
            </button>
          </div>
        </main>
      )
    }
    return this.props.children
  }
}
