import { describe, expect, it } from 'vitest';
import { isSpaRoute } from './spa-fallback.js';

describe(isSpaRoute.name, () => {
  it('sends client-side routes to the SPA for GET and HEAD', () => {
    expect(isSpaRoute('GET', '/')).toBe(true);
    expect(isSpaRoute('GET', '/journal/trades/42')).toBe(true);
    expect(isSpaRoute('HEAD', '/heatmap')).toBe(true);
  });

  it('leaves paths with a file extension to the file handler', () => {
    expect(isSpaRoute('GET', '/assets/nope.js')).toBe(false);
    expect(isSpaRoute('GET', '/index.html')).toBe(false);
  });

  it('never answers other methods with the SPA', () => {
    expect(isSpaRoute('POST', '/')).toBe(false);
    expect(isSpaRoute('DELETE', '/journal')).toBe(false);
  });

  it('never answers backend routes with the SPA', () => {
    expect(isSpaRoute('GET', '/api/health')).toBe(false);
    expect(isSpaRoute('GET', '/api')).toBe(false);
    expect(isSpaRoute('GET', '/sse/all')).toBe(false);
    expect(isSpaRoute('GET', '/ws/mel')).toBe(false);
    expect(isSpaRoute('GET', '/apis')).toBe(true);
  });
});
