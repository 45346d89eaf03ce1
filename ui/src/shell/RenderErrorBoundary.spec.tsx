import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/http';
import { describeRenderFailure, isSessionEnd, RenderErrorBoundary, RenderErrorView, type RenderErrorBoundaryProps } from './RenderErrorBoundary';

function Thrower({ error }: { error: unknown }): never {
  throw error;
}

/**
 * Server rendering never calls error boundaries, and the unit tier has no DOM: the boundary is
 * driven as React drives it — getDerivedStateFromError with what the child threw, then render().
 */
function caught(error: unknown, props: Partial<RenderErrorBoundaryProps> = {}) {
  const boundary = new RenderErrorBoundary({ name: 'spec page', children: <Thrower error={error} />, ...props });
  boundary.state = RenderErrorBoundary.getDerivedStateFromError(error);
  const setState = vi.fn();
  boundary.setState = setState;
  return { boundary, setState, html: renderToStaticMarkup(<>{boundary.render()}</>) };
}

describe(RenderErrorBoundary.name, () => {
  it('renders its children while nothing failed', () => {
    expect(renderToStaticMarkup(<RenderErrorBoundary name="spec page">{<p>the page</p>}</RenderErrorBoundary>)).toBe('<p>the page</p>');
  });

  it('shows what failed with a Retry and a Reload button instead of a blank page', () => {
    const { html } = caught(new TypeError("Cannot read properties of undefined (reading 'netPnl')"));
    expect(html).toContain('role="alert"');
    expect(html).toContain('data-kind="render"');
    expect(html).toContain('This page failed to render.');
    expect(html).toContain('Cannot read properties of undefined (reading &#x27;netPnl&#x27;)');
    expect(html).toContain('data-testid="render-error-retry"');
    expect(html).toContain('data-testid="render-error-reload"');
  });

  it('suggests a reload when a lazy chunk of an older deploy is gone', () => {
    const { html } = caught(new TypeError('Failed to fetch dynamically imported module: https://localhost:8443/assets/PlaybookPage-3f9a1c.js'));
    expect(html).toContain('data-kind="chunk"');
    expect(html).toContain('A new version of MarketSwarm was probably deployed since this tab opened. Reload to get it.');
  });

  it('retries by rendering the children again, and reloads through the given reload', () => {
    const reload = vi.fn();
    const { boundary, setState } = caught(new Error('boom'), { reload });
    boundary.retry();
    expect(setState).toHaveBeenCalledWith({ failed: false });
    boundary.reload();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('clears the failure when the page changes, and only then', () => {
    const { boundary, setState } = caught(new Error('boom'), { resetKey: '/playbook' });
    boundary.componentDidUpdate({ name: 'spec page', children: null, resetKey: '/playbook' });
    expect(setState).not.toHaveBeenCalled();
    boundary.componentDidUpdate({ name: 'spec page', children: null, resetKey: '/orders' });
    expect(setState).toHaveBeenCalledWith({ failed: false });
  });

  it('steps aside for an expired session so the redirect to sign-in is not covered', () => {
    const error = new ApiError(401, '401: Not signed in');
    expect(caught(error).html).toBe('');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    caught(error).boundary.componentDidCatch(error, { componentStack: '' });
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });
});

describe(describeRenderFailure.name, () => {
  it('tells a missing chunk from a render bug in every browser’s words', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: /assets/a.js',
      'error loading dynamically imported module: /assets/a.js',
      'Importing a module script failed.',
      'Unable to preload CSS for /assets/a.css',
    ])
      expect(describeRenderFailure(new TypeError(message)).kind, message).toBe('chunk');
    expect(describeRenderFailure(new Error('x is not a function')).kind).toBe('render');
    expect(describeRenderFailure('a thrown string').detail).toBe('a thrown string');
  });
});

describe(isSessionEnd.name, () => {
  it('is true for a 401 from the API only', () => {
    expect(isSessionEnd(new ApiError(401, 'gone'))).toBe(true);
    expect(isSessionEnd(new ApiError(403, 'no'))).toBe(false);
    expect(isSessionEnd(new Error('401'))).toBe(false);
  });
});

describe(RenderErrorView.name, () => {
  it('wires its buttons', () => {
    const html = renderToStaticMarkup(<RenderErrorView failure={{ kind: 'render', title: 'T', detail: 'D' }} onRetry={() => undefined} onReload={() => undefined} />);
    expect(html).toMatch(/<button type="button" data-testid="render-error-retry">Retry<\/button><button type="button" data-testid="render-error-reload">Reload<\/button>/);
  });
});
