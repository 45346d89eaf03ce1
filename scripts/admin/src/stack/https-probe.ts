import { request } from 'node:https';

/** GETs a URL on the local TLS front (self-signed in dev) and resolves with the status code. */
export function httpsStatus(url: string, timeoutMs = 3000): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}
