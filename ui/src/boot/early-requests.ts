/**
 * The first GET a journal page opened directly will make, so the boot script (early-fetch.ts) can
 * start it while the app's own code is still downloading and compiling (about half a second on a
 * cold load). Only the plain forms — a log and no other filter — whose URL is known without the
 * user's settings; early-requests.spec.ts checks these are the URLs the pages themselves build.
 * No imports: this ships in the boot script, which must stay a few hundred bytes.
 */
export function earlyRequests(pathname: string, search: string): string[] {
  const params = new URLSearchParams(search);
  if ([...params.keys()].some((key) => key !== 'log')) return [];
  const log = params.get('log')?.trim() || 'all';
  if (/^\/analytics\/?$/.test(pathname)) return [`/api/analytics?${new URLSearchParams({ log }).toString()}`];
  if (/^\/trades\/?$/.test(pathname) && log !== 'all') return [`/api/logs/${encodeURIComponent(log)}/trades?sort=-openedAt&limit=200`];
  return [];
}
