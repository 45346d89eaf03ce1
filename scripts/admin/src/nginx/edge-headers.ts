import { SECURITY_HEADERS } from '@marketswarm/shared/http';

/**
 * Server-level directives for the headers the edge owns: the shared security headers (the same
 * object the Node servers send), the request id on every answer including nginx's own errors, and
 * proxy_hide_header for each so a backend's copy is never sent twice. Locations must not use
 * add_header: one there would silently drop every header inherited from here.
 */
export function edgeHeaderDirectives(indent = '        '): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (/["\\$\p{Cc}]/u.test(value)) throw new Error(`${name}: ${value} would not survive nginx quoting`);
    lines.push(`add_header ${name} "${value}" always;`);
  }
  // The backends receive this id as X-Request-Id and echo it: hiding their copy loses nothing.
  lines.push('add_header X-Request-Id $request_id always;');
  for (const name of [...Object.keys(SECURITY_HEADERS), 'X-Request-Id']) lines.push(`proxy_hide_header ${name};`);
  return lines.map((line) => indent + line).join('\n');
}
