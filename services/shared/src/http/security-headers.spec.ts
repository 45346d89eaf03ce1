import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, PERMISSIONS_POLICY, SECURITY_HEADERS, securityHeaders, X_FRAME_OPTIONS } from './security-headers.js';

/** A policy as `directive → sources`. */
function parseCsp(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...sources]) => [name, sources]));
}

describe(contentSecurityPolicy.name, () => {
  it('writes each directive with its sources, separated by semicolons', () => {
    expect(contentSecurityPolicy({ 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'] })).toBe("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
  });

  it("always forbids framing, agreeing with X-Frame-Options, even when asked for 'self'", () => {
    expect(X_FRAME_OPTIONS).toBe('DENY');
    const policy = parseCsp(contentSecurityPolicy({ 'frame-ancestors': ["'self'"], 'script-src': ["'self'"] }));
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('refuses a source that would smuggle in another directive', () => {
    expect(() => contentSecurityPolicy({ 'style-src': ["'self'; script-src *"] })).toThrow(/would split the policy/);
    expect(() => contentSecurityPolicy({ 'style src': ["'self'"] })).toThrow(/not a directive/);
  });
});

describe('SECURITY_HEADERS', () => {
  it('denies camera, microphone, geolocation, payment and usb to the page and its frames', () => {
    expect(SECURITY_HEADERS['Permissions-Policy']).toBe(PERMISSIONS_POLICY);
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
    expect(PERMISSIONS_POLICY).toMatch(/^[a-z-]+=\(\)(?:, [a-z-]+=\(\))*$/);
  });

  it('never pins https (HSTS belongs to production nginx only)', () => {
    expect(Object.keys(SECURITY_HEADERS).map((h) => h.toLowerCase())).not.toContain('strict-transport-security');
  });
});

describe('API_CONTENT_SECURITY_POLICY', () => {
  it('lets a JSON response load, run and embed nothing', () => {
    const policy = parseCsp(API_CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe(securityHeaders.name, () => {
  it('sets every shared header and the given policy, then passes the request on', () => {
    const sent = new Map<string, string>();
    const res = { setHeader: (name: string, value: string) => sent.set(name, value) };
    let passedOn = false;
    securityHeaders("default-src 'none'")({} as Request, res as unknown as Response, () => (passedOn = true));
    expect(passedOn).toBe(true);
    expect(Object.fromEntries(sent)).toEqual({ ...SECURITY_HEADERS, 'Content-Security-Policy': "default-src 'none'" });
  });
});
