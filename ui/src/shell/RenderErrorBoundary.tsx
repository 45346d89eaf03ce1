import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ApiError } from '../api/http';
import './shell.css';

/** What the fallback says about a failure: a missing chunk needs a reload, anything else may pass on a retry. */
export interface RenderFailure {
  kind: 'chunk' | 'render';
  title: string;
  detail: string;
}

// Chromium, Firefox and Safari word a failed `import()` differently; Vite's own preload helper
// says "Unable to preload CSS". All mean the hashed file the old page asked for is gone.
const CHUNK_FAILURE = /dynamically imported module|Importing a module script failed|Unable to preload CSS|Loading (?:CSS )?chunk \S+ failed|ChunkLoadError/i;

export function describeRenderFailure(error: unknown): RenderFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (CHUNK_FAILURE.test(message) || (error instanceof Error && error.name === 'ChunkLoadError')) {
    return {
      kind: 'chunk',
      title: 'This page’s code could not be loaded.',
      detail: 'A new version of MarketSwarm was probably deployed since this tab opened. Reload to get it.',
    };
  }
  return { kind: 'render', title: 'This page failed to render.', detail: message };
}

/**
 * A 401 thrown while rendering: the API client has already started the redirect to sign-in
 * (App's SessionExpiry), so the boundary steps aside instead of covering it with an error.
 */
export function isSessionEnd(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export interface RenderErrorViewProps {
  failure: RenderFailure;
  onRetry: () => void;
  onReload: () => void;
}

export function RenderErrorView({ failure, onRetry, onReload }: RenderErrorViewProps) {
  return (
    <div className="render-error error" role="alert" data-testid="render-error" data-kind={failure.kind}>
      <p>
        <strong>{failure.title}</strong>
      </p>
      <p>{failure.detail}</p>
      <div className="render-error-actions">
        <button type="button" data-testid="render-error-retry" onClick={onRetry}>
          Retry
        </button>
        <button type="button" data-testid="render-error-reload" onClick={onReload}>
          Reload
        </button>
      </div>
    </div>
  );
}

export interface RenderErrorBoundaryProps {
  children: ReactNode;
  /** A new value (the path, on navigation) clears a caught failure: the next page gets its chance. */
  resetKey?: string;
  /** Where the boundary sits, for the console line. */
  name: string;
  /** Injected by specs; a full page load by default. */
  reload?: () => void;
}

type RenderErrorBoundaryState = { failed: false } | { failed: true; error: unknown };

/**
 * Catches what a page throws while rendering (a failed lazy chunk, a bug) so the rest of the app
 * (header, navigation, sign-out) stays usable, and offers a retry and a reload.
 */
export class RenderErrorBoundary extends Component<RenderErrorBoundaryProps, RenderErrorBoundaryState> {
  override state: RenderErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(error: unknown): RenderErrorBoundaryState {
    return { failed: true, error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    if (isSessionEnd(error)) return;
    console.error(`${this.props.name} failed to render`, error, info.componentStack);
  }

  override componentDidUpdate(previous: RenderErrorBoundaryProps): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  readonly retry = (): void => this.setState({ failed: false });

  readonly reload = (): void => (this.props.reload ?? (() => window.location.reload()))();

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    if (isSessionEnd(this.state.error)) return null;
    return <RenderErrorView failure={describeRenderFailure(this.state.error)} onRetry={this.retry} onReload={this.reload} />;
  }
}
