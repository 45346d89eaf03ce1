import { describe, expect, it } from 'vitest';
import { originVerdict } from './origin-policy.js';

describe(originVerdict.name, () => {
  it('allows the page its own host, over http or https, on the same port', () => {
    expect(originVerdict({ origin: 'http://127.0.0.1:8095', host: '127.0.0.1:8095' }, [])).toEqual({ allowed: true });
    expect(originVerdict({ origin: 'https://Trade.Example.com', host: 'trade.example.com' }, [])).toEqual({ allowed: true });
    expect(originVerdict({ origin: 'http://[::1]:3000', host: '[::1]:3000' }, [])).toEqual({ allowed: true });
  });

  it('takes the port from X-Forwarded-Port when nginx forwards a Host without one', () => {
    expect(originVerdict({ origin: 'https://localhost:8443', host: 'localhost', forwardedPort: '8443' }, [])).toEqual({ allowed: true });
    expect(originVerdict({ origin: 'https://localhost', host: 'localhost', forwardedPort: '443' }, [])).toEqual({ allowed: true });
    expect(originVerdict({ origin: 'https://localhost:3000', host: 'localhost', forwardedPort: '8443' }, []).allowed).toBe(false);
  });

  it('refuses another site (cross-site WebSocket hijacking)', () => {
    const verdict = originVerdict({ origin: 'https://evil.example', host: 'trade.example.com' }, ['https://partner.example']);
    expect(verdict).toEqual({ allowed: false, reason: 'https://evil.example is neither this site nor one of the allowed origins' });
  });

  it('refuses the same host name on another port (another origin on the same machine)', () => {
    expect(originVerdict({ origin: 'http://localhost:3000', host: 'localhost:8095' }, []).allowed).toBe(false);
    expect(originVerdict({ origin: 'http://localhost:3000', host: 'localhost' }, []).allowed).toBe(false);
  });

  it('allows exactly the configured origins, scheme and port included', () => {
    const allowed = ['https://trade.example.com'];
    expect(originVerdict({ origin: 'https://trade.example.com', host: '127.0.0.1:8095' }, allowed)).toEqual({ allowed: true });
    expect(originVerdict({ origin: 'http://trade.example.com', host: '127.0.0.1:8095' }, allowed).allowed).toBe(false);
    expect(originVerdict({ origin: 'https://trade.example.com:444', host: '127.0.0.1:8095' }, allowed).allowed).toBe(false);
  });

  it('allows a client that sends no Origin (not a browser), which must still bring a session', () => {
    expect(originVerdict({ origin: undefined, host: 'localhost:8095' }, [])).toEqual({ allowed: true });
  });

  it('refuses the opaque origin "null" and non-http schemes', () => {
    expect(originVerdict({ origin: 'null', host: 'localhost' }, [])).toEqual({ allowed: false, reason: 'is not an origin ("null")' });
    expect(originVerdict({ origin: 'file:///home/me/page.html', host: 'localhost' }, []).allowed).toBe(false);
    expect(originVerdict({ origin: 'chrome-extension://abcdef', host: 'abcdef' }, []).allowed).toBe(false);
  });

  it('refuses when the request names no usable Host', () => {
    expect(originVerdict({ origin: 'http://localhost', host: undefined }, []).allowed).toBe(false);
    expect(originVerdict({ origin: 'http://localhost', host: 'local host:80' }, []).allowed).toBe(false);
  });
});
