import { earlyRequests } from './early-requests';

// Runs before the app's entry (its own <script> in index.html): starts the page's first request,
// which `getJson` takes over (takeEarlyResponse) when the app asks for the same URL.
const started = new Map<string, Promise<Response>>();
for (const url of earlyRequests(window.location.pathname, window.location.search)) {
  const response = fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  // Handled here so a request nobody takes over (the session turned out to be gone) is never an unhandled rejection.
  response.catch(() => undefined);
  started.set(url, response);
}
window.__msEarlyResponses = started;
