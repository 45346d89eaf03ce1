import { errorBody } from '@marketswarm/shared/http';

/** An error nginx raises itself, and the status and message the client gets for it. */
export interface NginxError {
  /** The code nginx raises (494 and 497 are nginx's own, never sent as such). */
  raised: number;
  status: number;
  message: string;
}

/**
 * Every error nginx produces on its own, answered in the services' one error shape instead of
 * nginx's HTML. Backends' errors never come through here: proxy_intercept_errors stays off, so a
 * service's own JSON error passes unchanged.
 */
export const NGINX_ERRORS: readonly NginxError[] = [
  { raised: 400, status: 400, message: 'malformed request' },
  { raised: 404, status: 404, message: 'no such route' },
  { raised: 405, status: 405, message: 'method not allowed' },
  { raised: 408, status: 408, message: 'the request was not received in time' },
  { raised: 413, status: 413, message: 'request body is larger than this route accepts' },
  { raised: 414, status: 414, message: 'request URI is too long' },
  { raised: 494, status: 431, message: 'request headers are too large' },
  { raised: 497, status: 400, message: 'plain HTTP was sent to the HTTPS port' },
  { raised: 500, status: 500, message: 'internal error' },
  { raised: 502, status: 502, message: 'the service behind this route is not reachable' },
  { raised: 503, status: 503, message: 'service unavailable' },
  { raised: 504, status: 504, message: 'the service behind this route did not answer in time' },
];

/** nginx fills this in; it is the same id nginx sends as X-Request-Id and forwards to the backends. */
const REQUEST_ID = '$request_id';

/** The body nginx answers for one error, with `$request_id` left for nginx to fill. */
export function nginxErrorBody(error: NginxError): string {
  const body = JSON.stringify(errorBody(error.status, error.message, undefined, REQUEST_ID));
  // The body sits in a single-quoted nginx string where "$" starts a variable and "\" escapes.
  if (/['\\]/.test(body) || body.split('$').length !== 2) throw new Error(`nginx error body for ${error.raised} would not survive nginx quoting: ${body}`);
  return body;
}

/** The internal URI nginx redirects an error to; not reachable from outside (`internal`). */
export function errorPageUri(error: NginxError): string {
  return `/_nginx-error/${error.raised}`;
}

/**
 * Server-level `error_page` directives and one internal location per error. They redirect by URI,
 * not to a named location: a 414 has no URI yet ("empty URI in redirect to named location"). `=`
 * takes the status from the location's `return`, so 494 and 497 answer 431 and 400. These
 * locations never read a body (nginx discards it) and set no add_header, so their answers carry the
 * server's edge headers and X-Request-Id too.
 */
export function jsonErrorPages(indent = '        '): string {
  const lines: string[] = [];
  for (const error of NGINX_ERRORS) lines.push(`error_page ${error.raised} = ${errorPageUri(error)};`);
  for (const error of NGINX_ERRORS) {
    lines.push(
      `location = ${errorPageUri(error)} {`,
      '    internal;',
      // The redirected request still declares its body: the route's limit checked again here would turn a 413 into nginx's HTML 500.
      '    client_max_body_size 0;',
      '    default_type application/json;',
      `    return ${error.status} '${nginxErrorBody(error)}';`,
      '}',
    );
  }
  return lines.map((line) => indent + line).join('\n');
}
