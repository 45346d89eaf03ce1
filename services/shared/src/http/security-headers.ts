import type { RequestHandler } from 'express';

/**
 * Browser features the workspace never uses, denied to the page and to anything it embeds, so an
 * injected script cannot open the camera or a payment sheet. Only names Chromium recognises: an
 * unknown one costs a console warning on every page load (checked by the e2e workspace spec).
 */
export const DENIED_BROWSER_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'otp-credentials',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'window-management',
  'xr-spatial-tracking',
] as const;

export const PERMISSIONS_POLICY = DENIED_BROWSER_FEATURES.map((feature) => `${feature}=()`).join(', ');

/**
 * No page may be framed, by anyone. Old browsers read X-Frame-Options, current ones
 * `frame-ancestors`; contentSecurityPolicy() always writes this value so the two cannot disagree.
 */
export const X_FRAME_OPTIONS = 'DENY';
export const FRAME_ANCESTORS = "'none'";

/**
 * Headers every response carries, whoever answers: nginx adds them at the edge (and hides the
 * backends' copies), the Node servers send the same when reached directly. HSTS is not here: only
 * production's nginx may pin https, never a server that also answers plain HTTP on loopback.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': X_FRAME_OPTIONS,
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
};

/** CSP directives by name (`script-src`), each with its sources in order. */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/** Serialises a policy; `frame-ancestors` is always FRAME_ANCESTORS, whatever the caller passed. */
export function contentSecurityPolicy(directives: CspDirectives): string {
  const entries = Object.entries(directives).filter(([name]) => name !== 'frame-ancestors');
  for (const [name, sources] of entries) {
    if (!/^[a-z-]+$/.test(name)) throw new Error(`CSP directive name ${JSON.stringify(name)} is not a directive`);
    for (const source of sources) if (/[;,\s]/.test(source)) throw new Error(`CSP source ${JSON.stringify(source)} in ${name} would split the policy`);
  }
  return [...entries, ['frame-ancestors', [FRAME_ANCESTORS]] as const].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** For JSON APIs: a response can load, run, embed and submit nothing, even if a browser renders it. */
export const API_CONTENT_SECURITY_POLICY = contentSecurityPolicy({
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
});

/** Sends SECURITY_HEADERS and the given Content-Security-Policy on every response. */
export function securityHeaders(csp: string): RequestHandler {
  const headers = Object.entries({ ...SECURITY_HEADERS, 'Content-Security-Policy': csp });
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
