import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * A throwaway self-signed P-256 certificate for localhost and 127.0.0.1 in `dir` (what the dev
 * stack's nginx serves, scripts/admin/src/certs/dev-cert.ts): the curve decides the handshake's
 * cost, and both servers under test get the same one.
 */
export async function makeBenchCert(dir: string): Promise<{ certFile: string; keyFile: string }> {
  const certFile = path.join(dir, 'bench.crt');
  const keyFile = path.join(dir, 'bench.key');
  await execFileAsync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', keyFile, '-out', certFile,
  ]);
  return { certFile, keyFile };
}

/** The TLS lines both nginx configurations share (the dev stack's, nginx/dev.conf.template). */
export function tlsDirectives(cert: { certFile: string; keyFile: string }): string {
  return `    ssl_certificate ${cert.certFile};
    ssl_certificate_key ${cert.keyFile};
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_prefer_server_ciphers off;
    ssl_session_cache shared:BenchSSL:10m;
    ssl_session_timeout 1h;`;
}
